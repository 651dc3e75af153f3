import { describe, expect, it } from 'vitest';
import type { IndexResult } from '../framework/body-index';
import { indexTrendByFramework } from './trend-by-framework';

const r = (orgId: string, year: number, index: number, frameworkId = 'spbe-2020'): IndexResult => ({
  orgId,
  year,
  index,
  frameworkId,
  source: 'official',
  date: `${year + 1}-02-01`,
});

describe('the index trend across a change of framework', () => {
  it('gives each framework its own yearly means, never one mean over both', () => {
    const trend = indexTrendByFramework([
      r('a', 2025, 2.5),
      r('b', 2025, 3.5),
      r('a', 2027, 3, 'pemdi-2026'),
      // The same body on both frameworks in one year counts in each, apart.
      r('b', 2026, 3.1),
      r('b', 2026, 2.1, 'pemdi-2026'),
    ]);
    expect(trend.map((y) => [y.frameworkId, y.year, y.average, y.bodies])).toEqual([
      ['spbe-2020', 2025, 3, 2],
      ['spbe-2020', 2026, 3.1, 1],
      ['pemdi-2026', 2026, 2.1, 1],
      ['pemdi-2026', 2027, 3, 1],
    ]);
  });

  it('keeps the last years with any result, whichever framework they are on', () => {
    const trend = indexTrendByFramework(
      [r('a', 2019, 3.4, 'spbe-2018'), r('a', 2024, 3), r('a', 2027, 2, 'pemdi-2026')],
      2,
    );
    expect(trend.map((y) => y.year)).toEqual([2024, 2027]);
  });
});
