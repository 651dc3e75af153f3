import { type Day, daysBetween, monthEnds } from '../calendar';
import type { BodyInfo } from './facts';
import {
  type BodyMeasure,
  type BodyReasons,
  type BodySummary,
  expandBody,
  type Hit,
  type MeasureOptions,
  type Milestone,
  milestones,
  type Text,
} from './milestones';

// The follow-up measure of a scope: its cohort, the independent milestone counts, the headline
// (followed up, following the host's path, improved), a monthly trend and the drill-down lists.
// Every figure is counted from the same per-body result, so a drill-down always lists exactly the
// bodies its figure counts.

export type Scope =
  | { kind: 'national' }
  | { kind: 'province'; code: string }
  | { kind: 'host'; orgId: string }
  | { kind: 'programme'; id: string }
  | { kind: 'commitment'; version: number };

/** What a figure can be drilled into. */
export const figures = [
  'cohort',
  'visited',
  ...milestones,
  'followedUp',
  'selfReported',
  'notJoined',
] as const;
export type Figure = (typeof figures)[number];
export const headlineKeys = ['followedUp', 'followingPath', 'improved'] as const;

export const STALL_DAYS = 30;
export const TREND_MONTHS = 12;

export type Count = { count: number; percent: number | null };
export type BodyRow = BodyInfo & {
  measure: BodyMeasure;
  /** The first milestone not reached yet, in the journey's order. */
  next: Milestone | null;
  idleDays: number | null;
  lastActivity: Day | null;
  stalled: boolean;
};

/** Is the body in the scope's cohort (it joined, and joined in a way the scope covers)? */
export function inScope(s: BodySummary, info: BodyInfo, scope: Scope): boolean {
  switch (scope.kind) {
    case 'national':
      return true;
    case 'province':
      return info.provinceCode === scope.code || info.code === scope.code;
    case 'host':
      return s.hosts.includes(scope.orgId);
    case 'programme':
      return s.programmes.includes(scope.id);
    case 'commitment':
      return s.textVersions.includes(scope.version);
  }
}

const pct = (n: number, of: number) => (of ? Math.round((n / of) * 1000) / 10 : null);

export function hitOf(row: BodyRow, figure: Figure): Hit | null {
  const m = row.measure;
  switch (figure) {
    case 'cohort':
      return {
        date: m.referenceDate,
        reason: m.joined.length ? m.joined.map((j) => j.reason).reduce(joinText) : null,
      };
    case 'visited':
      return m.visited
        ? { date: m.visited, reason: m.joined.find((j) => j.kind === 'visit')?.reason ?? null }
        : null;
    case 'followedUp':
      return m.followedUp;
    case 'selfReported':
      return m.selfReported;
    case 'notJoined':
      return null;
    default:
      return m.hits[figure] ?? null;
  }
}

const joinText = (a: Text, b: Text): Text => ({ id: `${a.id}; ${b.id}`, en: `${a.en}; ${b.en}` });

export type Measured = ReturnType<typeof measureScope>;

export type StoredBody = { summary: BodySummary; reasons: BodyReasons | null };

/**
 * Measures every body of a scope from the stored summaries (`bodies`: every body that joined, the
 * whole nation; reasons only where bodies are listed); `info` their public facts;
 * `provinceBodies` the kab/kota of a province scope that could join (for "not joined").
 */
export function measureScope(input: {
  bodies: StoredBody[];
  info: Map<string, BodyInfo>;
  scope: Scope;
  options: MeasureOptions;
  today: Day;
  provinceBodies?: BodyInfo[];
}) {
  const { scope, today } = input;
  const options = scope.kind === 'host' ? { ...input.options, hostOrgId: scope.orgId } : input.options;
  const rows: BodyRow[] = [];
  for (const b of input.bodies) {
    const info = input.info.get(b.summary.orgId);
    if (!info || !inScope(b.summary, info, scope)) continue;
    const measure = expandBody(b.summary, b.reasons, options);
    const next = milestones.find((m) => !measure.hits[m]) ?? null;
    const last = [
      b.summary.lastActivity,
      measure.referenceDate,
      ...Object.values(measure.hits).map((h) => h.date),
    ]
      .filter((d): d is Day => !!d && d <= today)
      .sort()
      .at(-1);
    const idleDays = last ? daysBetween(last, today) : null;
    rows.push({
      ...info,
      measure,
      next,
      idleDays,
      lastActivity: last ?? null,
      stalled: next !== null && idleDays !== null && idleDays >= STALL_DAYS,
    });
  }
  rows.sort((a, b) => a.code.localeCompare(b.code));
  const joinedIds = new Set(rows.map((r) => r.orgId));
  const notJoined = (input.provinceBodies ?? [])
    .filter((b) => !joinedIds.has(b.orgId) && b.code !== (scope.kind === 'province' ? scope.code : ''))
    .sort((a, b) => a.code.localeCompare(b.code));
  const cohort = rows.length;
  const count = (figure: Figure): Count => {
    const n = figure === 'notJoined' ? notJoined.length : rows.filter((r) => hitOf(r, figure)).length;
    return { count: n, percent: figure === 'notJoined' ? null : pct(n, cohort) };
  };
  const headline = Object.fromEntries(headlineKeys.map((k) => [k, count(k)])) as Record<
    (typeof headlineKeys)[number],
    Count
  >;
  const trend = monthEnds(today, TREND_MONTHS).map((end) => {
    const inCohort = rows.filter((r) => r.measure.referenceDate <= end);
    const by = (k: (typeof headlineKeys)[number]) =>
      inCohort.filter((r) => (hitOf(r, k)?.date ?? '9') <= end).length;
    const point = { month: end.slice(0, 7), cohort: inCohort.length } as {
      month: string;
      cohort: number;
    } & Record<(typeof headlineKeys)[number], Count>;
    for (const k of headlineKeys) point[k] = { count: by(k), percent: pct(by(k), inCohort.length) };
    return point;
  });
  return {
    cohort,
    rows,
    notJoined,
    headline,
    milestones: milestones.map((m) => ({ milestone: m, ...count(m) })),
    visited: count('visited'),
    selfReported: count('selfReported'),
    count,
    trend,
    stalled: rows.filter((r) => r.stalled).sort((a, b) => (b.idleDays ?? 0) - (a.idleDays ?? 0)),
  };
}

/** The rows a figure counts (exactly those), each with the reason it counts. */
export function drillDown(m: Measured, figure: Figure) {
  if (figure === 'notJoined')
    return m.notJoined.map((b) => ({ body: b, hit: null as Hit | null, row: null }));
  return m.rows
    .map((row) => ({ body: row as BodyInfo, hit: hitOf(row, figure), row: row as BodyRow | null }))
    .filter((x) => x.hit);
}
