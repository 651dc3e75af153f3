// Results of different frameworks are not comparable (a 3.0 on the 2026 digital-government index
// is not a 3.0 on SPBE 2020): a yearly series is split where the framework changes, and every
// trend chart or table shows one segment per framework side by side, never one line across the
// break. This is the one place that split is made.

export type FrameworkPoint = { year: number; frameworkId: string };

export type FrameworkSegment<T extends FrameworkPoint> = {
  frameworkId: string;
  /** The first and last evaluation year the segment has a point for. */
  from: number;
  until: number;
  /** Oldest year first. */
  points: T[];
};

/** One segment per framework, ordered by the year each framework was first used. */
export function splitByFramework<T extends FrameworkPoint>(points: readonly T[]): FrameworkSegment<T>[] {
  const byFramework = new Map<string, T[]>();
  for (const p of points) byFramework.set(p.frameworkId, [...(byFramework.get(p.frameworkId) ?? []), p]);
  return [...byFramework]
    .map(([frameworkId, list]) => {
      const sorted = [...list].sort((a, b) => a.year - b.year);
      return { frameworkId, from: sorted[0]!.year, until: sorted.at(-1)!.year, points: sorted };
    })
    .sort((a, b) => a.from - b.from || a.until - b.until || (a.frameworkId < b.frameworkId ? -1 : 1));
}

/** Every year any segment covers, oldest first: the shared axis of a side-by-side chart. */
export function yearsOf(segments: readonly FrameworkSegment<FrameworkPoint>[]): number[] {
  return [...new Set(segments.flatMap((s) => s.points.map((p) => p.year)))].sort((a, b) => a - b);
}

/**
 * A segment's values on the shared axis: its own years carry a value, every other year null, so a
 * chart draws each framework as its own line that never joins the next framework's.
 */
export function onAxis<T extends FrameworkPoint>(
  segment: FrameworkSegment<T>,
  axis: readonly number[],
  value: (p: T) => number | null,
): (number | null)[] {
  const byYear = new Map(segment.points.map((p) => [p.year, p]));
  return axis.map((y) => {
    const p = byYear.get(y);
    return p ? value(p) : null;
  });
}
