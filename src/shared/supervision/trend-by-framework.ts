import { type IndexResult, indexTrend } from '../framework/body-index';
import { splitByFramework } from '../framework/series-by-framework';

// The supervisors' index trend, per framework: the mean index per evaluation year of each
// framework's results on its own, so a change of framework (SPBE 2020 → the 2026 index) shows as
// two series side by side, never as one line across the break (framework/series-by-framework.ts).

/** The last `years` evaluation years with any result, each framework's means within them. */
export function indexTrendByFramework(results: readonly IndexResult[], years = 6) {
  const window = new Set([...new Set(results.map((r) => r.year))].sort((a, b) => a - b).slice(-years));
  return splitByFramework(results.filter((r) => window.has(r.year))).flatMap((s) =>
    indexTrend(s.points, years).map((y) => ({ ...y, frameworkId: s.frameworkId })),
  );
}
