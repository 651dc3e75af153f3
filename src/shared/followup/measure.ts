import { type Day, daysBetween, monthEnds } from '../calendar';
import { ascii } from '../compare';
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
    let next: Milestone | null = null;
    // The latest day anything happened (not after today): what "stalled" counts from.
    let last: Day | undefined;
    const seen = (d: Day | null | undefined) => {
      if (d && d <= today && (!last || d > last)) last = d;
    };
    seen(b.summary.lastActivity);
    seen(measure.referenceDate);
    for (const m of milestones) {
      const hit = measure.hits[m];
      if (hit) seen(hit.date);
      else next ??= m;
    }
    const idleDays = last ? daysBetween(last, today) : null;
    // Fields named one by one: spreading the row objects was the slowest line of a national answer.
    rows.push({
      orgId: info.orgId,
      code: info.code,
      name: info.name,
      provinceCode: info.provinceCode,
      type: info.type,
      measure,
      next,
      idleDays,
      lastActivity: last ?? null,
      stalled: next !== null && idleDays !== null && idleDays >= STALL_DAYS,
    });
  }
  rows.sort((a, b) => ascii(a.code, b.code));
  const joinedIds = new Set(rows.map((r) => r.orgId));
  const notJoined = (input.provinceBodies ?? [])
    .filter((b) => !joinedIds.has(b.orgId) && b.code !== (scope.kind === 'province' ? scope.code : ''))
    .sort((a, b) => ascii(a.code, b.code));
  const cohort = rows.length;
  // One pass over the rows for every figure (a national answer counts ~650 bodies per request).
  const counts = new Map<Figure, number>(figures.map((f) => [f, 0]));
  const counted = figures.filter((f) => f !== 'notJoined' && f !== 'cohort');
  for (const r of rows) for (const f of counted) if (hitOf(r, f)) counts.set(f, counts.get(f)! + 1);
  counts.set('cohort', cohort);
  counts.set('notJoined', notJoined.length);
  const count = (figure: Figure): Count => ({
    count: counts.get(figure)!,
    percent: figure === 'notJoined' ? null : pct(counts.get(figure)!, cohort),
  });
  const headline = Object.fromEntries(headlineKeys.map((k) => [k, count(k)])) as Record<
    (typeof headlineKeys)[number],
    Count
  >;
  // The trend: per month end, the bodies joined by then and those that reached each headline
  // figure by then; one pass over the rows.
  const ends = monthEnds(today, TREND_MONTHS);
  const tally = ends.map(() => ({ cohort: 0, followedUp: 0, followingPath: 0, improved: 0 }));
  for (const r of rows) {
    const dates = headlineKeys.map((k) => hitOf(r, k)?.date);
    for (let i = 0; i < ends.length; i++) {
      const end = ends[i]!;
      if (r.measure.referenceDate > end) continue;
      const t = tally[i]!;
      t.cohort += 1;
      headlineKeys.forEach((k, j) => {
        const d = dates[j];
        if (d !== undefined && d <= end) t[k] += 1;
      });
    }
  }
  const trend = ends.map((end, i) => {
    const t = tally[i]!;
    return {
      month: end.slice(0, 7),
      cohort: t.cohort,
      followedUp: { count: t.followedUp, percent: pct(t.followedUp, t.cohort) },
      followingPath: { count: t.followingPath, percent: pct(t.followingPath, t.cohort) },
      improved: { count: t.improved, percent: pct(t.improved, t.cohort) },
    };
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
