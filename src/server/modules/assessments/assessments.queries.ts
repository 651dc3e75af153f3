import { and, asc, desc, eq } from 'drizzle-orm';
import type { Framework } from '../../../shared/framework/framework-schema';
import { presentScore } from '../../../shared/framework/present-score';
import { score } from '../../../shared/framework/score';
import type { AssessmentItem } from '../../../shared/contracts/assessments';
import type { DbOrTx } from '../../db/client';
import {
  assessmentComments,
  assessmentItemHistory,
  assessmentItems,
  assessmentSubmissions,
  assessments,
  assessmentTransitions,
  evidenceFiles,
  evidenceLinks,
  users,
} from '../../db/schema';

type AssessmentRow = typeof assessments.$inferSelect;
type OrgLike = { code: string; name: string };

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

export async function listOrgAssessments(db: DbOrTx, orgId: string) {
  const rows = await db
    .select()
    .from(assessments)
    .where(eq(assessments.orgId, orgId))
    .orderBy(desc(assessments.year), asc(assessments.frameworkId));
  const items = rows.length
    ? await db
        .select({
          assessmentId: assessmentItems.assessmentId,
          indicator: assessmentItems.indicator,
          level: assessmentItems.level,
        })
        .from(assessmentItems)
        .innerJoin(assessments, eq(assessments.id, assessmentItems.assessmentId))
        .where(eq(assessments.orgId, orgId))
    : [];
  return rows.map((a) => ({ row: a, levels: levelsOf(items.filter((i) => i.assessmentId === a.id)) }));
}

export async function assessmentDetail(db: DbOrTx, a: AssessmentRow, org: OrgLike, framework: Framework) {
  const [items, evidence, comments, transitions, previous] = await Promise.all([
    db
      .select({ item: assessmentItems, updatedByName: users.name })
      .from(assessmentItems)
      .leftJoin(users, eq(users.id, assessmentItems.updatedBy))
      .where(eq(assessmentItems.assessmentId, a.id))
      .orderBy(asc(assessmentItems.indicator)),
    db
      .select({
        indicator: evidenceLinks.indicator,
        id: evidenceFiles.id,
        name: evidenceFiles.name,
        mime: evidenceFiles.mime,
        size: evidenceFiles.size,
        sha256: evidenceFiles.sha256,
      })
      .from(evidenceLinks)
      .innerJoin(evidenceFiles, eq(evidenceFiles.id, evidenceLinks.fileId))
      .where(eq(evidenceLinks.assessmentId, a.id))
      .orderBy(asc(evidenceLinks.createdAt)),
    db
      .select({ c: assessmentComments, author: users.name })
      .from(assessmentComments)
      .leftJoin(users, eq(users.id, assessmentComments.authorId))
      .where(eq(assessmentComments.assessmentId, a.id))
      .orderBy(asc(assessmentComments.createdAt)),
    db
      .select({ t: assessmentTransitions, user: users.name })
      .from(assessmentTransitions)
      .leftJoin(users, eq(users.id, assessmentTransitions.userId))
      .where(eq(assessmentTransitions.assessmentId, a.id))
      .orderBy(asc(assessmentTransitions.id)),
    // The round before the current one: what a resubmission is compared with.
    a.round > 1
      ? db
          .select({ levels: assessmentSubmissions.levels })
          .from(assessmentSubmissions)
          .where(
            and(eq(assessmentSubmissions.assessmentId, a.id), eq(assessmentSubmissions.round, a.round - 1)),
          )
      : Promise.resolve([]),
  ]);
  const prevLevels = previous[0]?.levels ?? null;
  const presentedItems: AssessmentItem[] = items.map(({ item, updatedByName }) => {
    const before = prevLevels ? (prevLevels[String(item.indicator)] ?? null) : null;
    return {
      indicator: item.indicator,
      level: item.level,
      justification: item.justification,
      serviceName: item.serviceName,
      version: item.version,
      reopened: item.reopened,
      updatedAt: item.version > 0 ? item.updatedAt.toISOString() : null,
      updatedBy: updatedByName,
      previousRoundLevel: before,
      changedSinceLastRound: prevLevels !== null && before !== item.level,
      evidence: evidence.filter((e) => e.indicator === item.indicator).map(({ indicator: _, ...e }) => e),
      comments: comments
        .filter(({ c }) => c.indicator === item.indicator)
        .map(({ c, author }) => ({
          id: c.id,
          body: c.body,
          round: c.round,
          author,
          createdAt: c.createdAt.toISOString(),
        })),
    };
  });
  const levels = levelsOf(presentedItems);
  return {
    ...presentSummary(a, org, framework, levels),
    items: presentedItems,
    score: presentScore(score(framework, levels)),
    transitions: transitions.map(({ t, user }) => ({
      from: t.fromStatus,
      to: t.toStatus,
      note: t.note,
      user,
      at: t.at.toISOString(),
    })),
  };
}

export async function itemHistory(db: DbOrTx, assessmentId: string, indicator: number) {
  const rows = await db
    .select({ h: assessmentItemHistory, user: users.name })
    .from(assessmentItemHistory)
    .leftJoin(users, eq(users.id, assessmentItemHistory.userId))
    .where(
      and(
        eq(assessmentItemHistory.assessmentId, assessmentId),
        eq(assessmentItemHistory.indicator, indicator),
      ),
    )
    .orderBy(desc(assessmentItemHistory.id));
  return rows.map(({ h, user }) => ({
    level: h.level,
    previousLevel: h.previousLevel,
    justification: h.justification,
    version: h.version,
    round: h.round,
    user,
    at: h.at.toISOString(),
  }));
}

/** One row per indicator, for CSV/XLSX export. */
export function assessmentTable(framework: Framework, detail: Awaited<ReturnType<typeof assessmentDetail>>) {
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
    const ind = framework.indicators.find((i) => i.number === item.indicator);
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
    detail.score.provisional ? 'sementara / provisional' : 'lengkap / complete',
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
