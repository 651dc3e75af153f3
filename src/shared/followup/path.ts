import { type Day, yearOf } from '../calendar';
import { ascii } from '../compare';
import type { BodyFacts, LevelSet } from './facts';

// Following the host's path (jejak): of the gap between a body B and the host H it learned from
// at B's reference date, the weighted share B has closed since.

/** Indicator weights per framework id, e.g. { 'spbe-2020': { '1': 1.3, … } }. */
export type Weights = Record<string, Record<string, number>>;

export type PathIndicator = {
  indicator: number;
  weight: number;
  host: number;
  baseline: number;
  current: number;
};
export type LevelBasis = { source: 'official' | 'self'; year: number; accepted: boolean; date: Day };

export type PathResult = {
  hostOrgId: string;
  frameworkId: string;
  /** 0..1; null when the host had no levels, or B had no gap to close. */
  progress: number | null;
  gap: PathIndicator[];
  host: LevelBasis | null;
  baseline: LevelBasis | null;
  current: LevelBasis | null;
  /** The day of the levels the progress was measured on (the current set). */
  date: Day | null;
  problem: 'no_host_levels' | 'no_baseline' | 'no_gap' | null;
};

const basis = (s: LevelSet): LevelBasis => ({
  source: s.source,
  year: s.year,
  accepted: s.accepted,
  date: s.date,
});
/** An official result of year Y counts as known at the end of Y. */
const asOf = (s: LevelSet): Day => (s.source === 'official' ? `${s.year}-12-31` : s.date);
/** Latest first; at the same year an official result beats a self-assessment. */
export const newest = (
  a: Pick<LevelSet, 'year' | 'source' | 'date'>,
  b: Pick<LevelSet, 'year' | 'source' | 'date'>,
) => b.year - a.year || (a.source === b.source ? ascii(b.date, a.date) : a.source === 'official' ? -1 : 1);

function withLevels(f: BodyFacts, frameworkId?: string) {
  return f.results.filter(
    (r): r is LevelSet & { levels: Record<string, number> } =>
      r.levels !== null && (frameworkId === undefined || r.frameworkId === frameworkId),
  );
}

/** H's levels nearest before B's reference date: its official detailed result or accepted self-assessment. */
export function hostLevelsAt(host: BodyFacts, refDate: Day) {
  return withLevels(host)
    .filter((r) => (r.source === 'official' ? r.year <= yearOf(refDate) : r.accepted && r.date <= refDate))
    .sort(newest)[0];
}

/** B's baseline: its levels at the reference date, else the first it recorded after it. */
export function baselineLevels(body: BodyFacts, frameworkId: string, refDate: Day) {
  const sets = withLevels(body, frameworkId);
  const before = sets
    .filter((r) => (r.source === 'official' ? r.year <= yearOf(refDate) : r.date <= refDate))
    .sort(newest)[0];
  if (before) return before;
  return sets.filter((r) => asOf(r) >= refDate).sort((a, b) => ascii(asOf(a), asOf(b)))[0];
}

/** B's best-evidenced current levels from the reference date on: official over accepted self-assessment. */
export function currentLevels(body: BodyFacts, frameworkId: string, refDate: Day) {
  return withLevels(body, frameworkId)
    .filter((r) => r.accepted && (r.source === 'official' ? r.year > yearOf(refDate) : r.date >= refDate))
    .sort(newest)[0];
}

export function pathProgress(body: BodyFacts, host: BodyFacts, refDate: Day, weights: Weights): PathResult {
  const h = hostLevelsAt(host, refDate);
  const empty = { hostOrgId: host.orgId, gap: [], baseline: null, current: null, date: null, progress: null };
  if (!h) return { ...empty, frameworkId: '', host: null, problem: 'no_host_levels' };
  const w = weights[h.frameworkId] ?? {};
  const base = baselineLevels(body, h.frameworkId, refDate);
  if (!base) return { ...empty, frameworkId: h.frameworkId, host: basis(h), problem: 'no_baseline' };
  const cur = currentLevels(body, h.frameworkId, refDate);
  // Only a later set than the baseline can show a gain.
  const later = cur && newest(cur, base) < 0 ? cur : undefined;
  const gap: PathIndicator[] = [];
  for (const [key, hostLevel] of Object.entries(h.levels)) {
    const b = base.levels[key];
    if (b === undefined || hostLevel <= b) continue;
    gap.push({
      indicator: Number(key),
      weight: w[key] ?? 0,
      host: hostLevel,
      baseline: b,
      current: later?.levels[key] ?? b,
    });
  }
  gap.sort((a, b) => a.indicator - b.indicator);
  const total = gap.reduce((s, g) => s + g.weight * (g.host - g.baseline), 0);
  const closed = gap.reduce(
    (s, g) => s + g.weight * Math.min(Math.max(0, g.current - g.baseline), g.host - g.baseline),
    0,
  );
  return {
    hostOrgId: host.orgId,
    frameworkId: h.frameworkId,
    gap,
    host: basis(h),
    baseline: basis(base),
    current: later ? basis(later) : null,
    date: later
      ? later.source === 'official'
        ? later.date > refDate
          ? later.date
          : refDate
        : later.date
      : null,
    progress: total > 0 ? closed / total : null,
    problem: total > 0 ? null : 'no_gap',
  };
}
