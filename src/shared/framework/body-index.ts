import type { BodyIndex, IndexSource } from '../contracts/supervision';
import type { LevelSet } from '../followup/facts';
import { newest } from '../followup/path';

// The one definition of "a body's index" and of "the average of an area" (a province: its
// government and its kab/kota), read by the home pages, the leader's rapor and the supervisors'
// cockpits alike, so the three never show different figures for one body.
// - A body's index: its newest evaluation year with a result, an official result before a
//   self-assessment of the same year (the follow-up measure's own order, followup/path.ts).
//   Self-assessments count once submitted (their index as last submitted) and are always marked as
//   such, so a figure never passes a body's own claim off as an official one; drafts never count.
// - An area's average: the mean of its bodies' indices. Indices of different frameworks are not
//   comparable, so the average is taken in one framework: the one most of the bodies' indices use
//   (the newest on a tie); bodies whose index is in another framework are left out of it.

/** One result with an index, as the follow-up facts hold it (official or submitted self-assessment). */
export type IndexResult = Pick<LevelSet, 'year' | 'date' | 'frameworkId'> & {
  orgId: string;
  source: IndexSource;
  index: number;
};

/** Averages and indices are shown, and compared, at two decimals. */
export const round2 = (n: number) => Math.round(n * 100) / 100;

/** Each body's latest index, by body id. */
export function latestIndexes(results: readonly IndexResult[]): Map<string, BodyIndex> {
  const best = new Map<string, IndexResult>();
  for (const r of results) {
    const b = best.get(r.orgId);
    if (!b || newest(r, b) < 0) best.set(r.orgId, r);
  }
  return new Map(
    [...best].map(([id, r]) => [
      id,
      { index: round2(r.index), year: r.year, source: r.source, frameworkId: r.frameworkId },
    ]),
  );
}

export type AreaAverage = { average: number | null; count: number; frameworkId: string | null };

/** The average index of an area's bodies (see above): in the framework most of their indices use. */
export function areaAverage(
  latest: ReadonlyMap<string, BodyIndex>,
  memberIds: Iterable<string>,
): AreaAverage {
  const present = [...memberIds].flatMap((id) => {
    const i = latest.get(id);
    return i ? [i] : [];
  });
  const tally = new Map<string, { n: number; year: number }>();
  for (const i of present) {
    const t = tally.get(i.frameworkId) ?? { n: 0, year: 0 };
    tally.set(i.frameworkId, { n: t.n + 1, year: Math.max(t.year, i.year) });
  }
  const [frameworkId] = [...tally].sort(([, a], [, b]) => b.n - a.n || b.year - a.year)[0] ?? [null];
  if (frameworkId === null) return { average: null, count: 0, frameworkId: null };
  return {
    ...averageOf(present.filter((i) => i.frameworkId === frameworkId).map((i) => i.index)),
    frameworkId,
  };
}

/** The mean of the values present (two decimals), and how many there were. */
export function averageOf(values: readonly (number | null | undefined)[]) {
  const present = values.filter((v): v is number => typeof v === 'number');
  return {
    average: present.length ? round2(present.reduce((s, v) => s + v, 0) / present.length) : null,
    count: present.length,
  };
}

/**
 * Per evaluation year, the mean index of the bodies with a result that year (each body once: its
 * official result, else its self-assessment), oldest year first, the last `years` years.
 */
export function indexTrend(results: readonly IndexResult[], years = 6) {
  const perYear = new Map<number, Map<string, IndexResult>>();
  for (const r of results) {
    const bodies = perYear.get(r.year) ?? new Map<string, IndexResult>();
    perYear.set(r.year, bodies);
    const b = bodies.get(r.orgId);
    if (!b || newest(r, b) < 0) bodies.set(r.orgId, r);
  }
  return [...perYear]
    .sort(([a], [b]) => a - b)
    .slice(-years)
    .map(([year, bodies]) => {
      const list = [...bodies.values()];
      return {
        year,
        average: averageOf(list.map((r) => r.index)).average!,
        bodies: list.length,
        official: list.filter((r) => r.source === 'official').length,
      };
    });
}
