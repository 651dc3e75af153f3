import type { AssessmentDetail, AssessmentItem } from '../../../shared/contracts/assessments';
import type { Locale } from '../../../shared/errors';
import type { Framework } from '../../../shared/framework/framework-schema';
import { findIndicator, score } from '../../../shared/framework/score';
import { text } from '../../../shared/texts';
import type { assessments } from '../../db/schema';

// The API shapes of an assessment: its summary (lists, detail header) and the export table.
export type AssessmentRow = typeof assessments.$inferSelect;
type OrgLike = { code: string; name: string };
type DetailView = { items: Omit<AssessmentItem, 'abilities'>[]; score: AssessmentDetail['data']['score'] };

export function levelsOf(items: { indicator: number; level: number | null }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of items) if (i.level !== null) out[String(i.indicator)] = i.level;
  return out;
}

export function presentSummary(
  a: AssessmentRow,
  org: OrgLike,
  framework: Framework,
  levels: Record<string, number>,
) {
  const s = score(framework, levels);
  return {
    id: a.id,
    org: { code: org.code, name: org.name },
    year: a.year,
    framework: { id: a.frameworkId, version: a.frameworkVersion },
    status: a.status,
    round: a.round,
    index: s.index?.display ?? null,
    predicate: s.index?.predicate.id ?? null,
    answered: s.answered,
    total: s.total,
    isSample: a.isSample,
    updatedAt: a.updatedAt.toISOString(),
  };
}

/** One row per indicator, for CSV/XLSX export. */
export function assessmentTable(framework: Framework, detail: DetailView, locale: Locale) {
  const groupOf = new Map<number, string[]>();
  const walk = (g: Framework['groups'][number], path: string[]) => {
    const here = [...path, `${g.code} ${g.name.id}`];
    for (const n of g.indicators ?? []) groupOf.set(n, here);
    for (const c of g.groups ?? []) walk(c, here);
  };
  for (const g of framework.groups) walk(g, []);
  const header = [
    'indikator',
    'domain',
    'aspek',
    'nama_indikator',
    'bobot',
    'tingkat',
    'alasan',
    'nama_layanan',
    'bukti',
    'diubah_oleh',
    'diubah_pada',
  ];
  const rows = detail.items.map((item) => {
    const ind = findIndicator(framework, item.indicator);
    const path = groupOf.get(item.indicator) ?? [];
    return [
      item.indicator,
      path[0] ?? '',
      path[path.length - 1] ?? '',
      ind?.name.id ?? '',
      ind?.weight ?? '',
      item.level,
      item.justification,
      item.serviceName,
      item.evidence.map((e) => e.name).join('; '),
      item.updatedBy,
      item.updatedAt,
    ];
  });
  rows.push([
    'indeks',
    '',
    '',
    text(locale, detail.score.provisional ? 'ASSESSMENT_EXPORT_PROVISIONAL' : 'ASSESSMENT_EXPORT_COMPLETE'),
    '',
    detail.score.index,
    detail.score.predicate,
    '',
    '',
    '',
    '',
  ]);
  return { header, rows };
}
