import { type Day, yearOf } from '../calendar';
import { ascii } from '../compare';
import type { LevelSet } from './facts';
import type { Hit, Text } from './milestones';

// The "improved" milestone's rule (and the self-reported gain shown beside it): results compare
// with results of their own framework only.

const idx = (n: number | null) => (n === null ? '—' : n.toFixed(2));
const latestFirst = (a: LevelSet, b: LevelSet) => b.year - a.year || ascii(b.date, a.date);
const earliestFirst = (a: LevelSet, b: LevelSet) => a.year - b.year || ascii(a.date, b.date);

/**
 * Official (or self-assessed) gain: a later evaluation year's index above the baseline's, on the
 * same framework only (a 3.0 on the 2026 index is not a gain over a 2.5 on SPBE 2020). The body's
 * baseline on a framework is its latest result on it up to the reference year; when the
 * evaluation changed framework after that, the first result on the new framework is its
 * baseline there. A body with no result up to the reference year has no baseline at all.
 */
export function gain(results: LevelSet[], source: LevelSet['source'], ref: Day, refText: Text): Hit | null {
  const own = results.filter((r) => r.source === source && r.index !== null);
  const refYear = yearOf(ref);
  if (!own.some((r) => r.year <= refYear)) return null;
  const hits = [...new Set(own.map((r) => r.frameworkId))].flatMap((frameworkId) => {
    const same = own.filter((r) => r.frameworkId === frameworkId);
    const base =
      same.filter((r) => r.year <= refYear).sort(latestFirst)[0] ??
      same.filter((r) => r.year > refYear).sort(earliestFirst)[0];
    if (!base) return [];
    const after = Math.max(base.year, refYear);
    return same
      .filter((r) => r.year > after && r.index! > base.index!)
      .map((r) => ({ base, r, date: r.date > ref ? r.date : ref }));
  });
  const better = hits.sort((a, b) => ascii(a.date, b.date) || a.r.year - b.r.year)[0];
  if (!better) return null;
  const { base } = better;
  const [lid, len] = source === 'official' ? ['resmi', 'official'] : ['mandiri', 'self-assessed'];
  const moved = (lead: string) =>
    `${lead} ${base.year} ${idx(base.index)} → ${better.r.year} ${idx(better.r.index)}`;
  return {
    date: better.date,
    reason: { id: `${moved(lid)}; ${refText.id}`, en: `${moved(len)}; ${refText.en}` },
  };
}
