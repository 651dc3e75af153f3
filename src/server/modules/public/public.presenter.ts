import {
  OPEN_DATA_LICENCE,
  type PublicBody,
  type PublicBodyRow,
  type PublicProvince,
  type PublicSummary,
} from '../../../shared/contracts/public';
import { headlineKeys } from '../../../shared/followup/measure';
import { milestones } from '../../../shared/followup/milestones';

// The open data's two faces: the JSON envelope (data + licence + the day + sample flag) and a CSV
// table per dataset. Column names are the JSON fields in snake_case (docs/OPEN-DATA.md describes
// each in Bahasa Indonesia and English); the CSV itself is made safe by platform/csv.ts.

export type Envelope = { asOf: string; sampleData: boolean };

export function envelope<T>(data: T, e: Envelope, extra: Record<string, unknown> = {}) {
  return { data, ...extra, licence: OPEN_DATA_LICENCE, asOf: e.asOf, sampleData: e.sampleData };
}

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
type Table = { header: string[]; rows: unknown[][] };

/** One row per figure; the monthly trend as further rows with their month. */
export function summaryTable(s: PublicSummary): Table {
  const rows: unknown[][] = [
    ['directory_total', '', s.directory.total, ''],
    ['directory_provinces', '', s.directory.provinces, ''],
    ['directory_kab_kota', '', s.directory.kabKota, ''],
    ['directory_central', '', s.directory.central, ''],
    ['cohort', '', s.cohort, ''],
    ['visited', '', s.visited.count, s.visited.percent],
    ...headlineKeys.map((k) => [snake(k), '', s.headline[k].count, s.headline[k].percent]),
    ...s.milestones.map((m) => [`milestone_${snake(m.milestone)}`, '', m.count, m.percent]),
    ['hosts', '', s.hosts, ''],
    ['published_practices', '', s.publishedPractices, ''],
    ['path_threshold_percent', '', s.pathThresholdPercent, ''],
  ];
  for (const t of s.trend) {
    rows.push(['cohort', t.month, t.cohort, '']);
    for (const k of headlineKeys) rows.push([snake(k), t.month, t[k].count, t[k].percent]);
  }
  return { header: ['figure', 'month', 'count', 'percent'], rows };
}

export function provincesTable(list: PublicProvince[]): Table {
  return {
    header: [
      'code',
      'name',
      'kab_kota',
      'cohort',
      ...headlineKeys.flatMap((k) => [snake(k), `${snake(k)}_percent`]),
    ],
    rows: list.map((p) => [
      p.code,
      p.name,
      p.kabKota,
      p.cohort,
      ...headlineKeys.flatMap((k) => [p[k].count, p[k].percent]),
    ]),
  };
}

export function bodiesTable(list: PublicBodyRow[]): Table {
  return {
    header: [
      'code',
      'name',
      'type',
      'province_code',
      'province_name',
      'is_host',
      'is_sample',
      'joined',
      'reference_date',
      'signed',
      'followed_up',
      ...milestones.map(snake),
      'latest_official_year',
      'latest_official_framework',
      'latest_official_index',
      'latest_official_predicate',
    ],
    rows: list.map((b) => [
      b.code,
      b.name,
      b.type,
      b.provinceCode,
      b.provinceName,
      b.isHost,
      b.isSample,
      b.joined,
      b.referenceDate,
      b.signed,
      b.followedUp,
      ...milestones.map((m) => b.milestones[m]),
      b.latestOfficial?.year,
      b.latestOfficial?.frameworkId,
      b.latestOfficial?.index,
      b.latestOfficial?.predicate,
    ]),
  };
}

/**
 * One body's page as a long table (its parts differ in shape): one row per fact, named by its
 * section (body, milestone, official_result, commitment, practice_hosted, practice_replicated).
 */
export function bodyTable(p: PublicBody): Table {
  const b = p.body;
  const rows: unknown[][] = [
    ...(
      [
        ['code', b.code],
        ['name', b.name],
        ['type', b.type],
        ['province_code', b.provinceCode],
        ['province_name', b.provinceName],
        ['is_host', b.isHost],
        ['is_sample', b.isSample],
        ['joined', b.joined],
        ['signed', b.signed],
        ['path_progress_percent', p.pathProgressPercent],
      ] as const
    ).map(([k, v]) => ['body', k, v, '', '', '']),
    ['milestone', 'reference_date', '', '', b.referenceDate, ''],
    ['milestone', 'followed_up', '', '', b.followedUp, ''],
    ...milestones.map((m) => ['milestone', snake(m), '', '', b.milestones[m], '']),
    ...p.officialResults.map((r) => [
      'official_result',
      `${r.year} ${r.frameworkId}`,
      r.index,
      r.predicate,
      '',
      r.source,
    ]),
    ...p.commitments.map((c) => [
      'commitment',
      `v${c.textVersion}`,
      c.signerPosition,
      c.id,
      c.signedAt,
      c.verifyUrl,
    ]),
    ...p.practicesHosted.map((x) => ['practice_hosted', x.id, x.title, x.type, x.publishedAt, '']),
    ...p.practicesReplicated.map((x) => [
      'practice_replicated',
      x.practiceId,
      x.title,
      `${x.stage} (${x.host.code} ${x.host.name})`,
      '',
      '',
    ]),
  ];
  return { header: ['section', 'key', 'value', 'detail', 'date', 'link'], rows };
}
