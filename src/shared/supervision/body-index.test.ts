import { describe, expect, it } from 'vitest';
import { averageOf, type IndexResult, indexTrend, latestIndexes } from './body-index';

const r = (orgId: string, year: number, source: 'official' | 'self', index: number, date = `${year}-11-01`) =>
  ({ orgId, year, source, index, date, frameworkId: 'spbe-2020' }) satisfies IndexResult;

describe('latestIndexes', () => {
  it('takes the newest year, and at the same year the official result over the self-assessment', () => {
    const m = latestIndexes([
      r('a', 2023, 'official', 2.1),
      r('a', 2024, 'self', 2.6),
      r('a', 2024, 'official', 2.4, '2025-02-15'),
      r('b', 2022, 'official', 3.0),
      r('b', 2025, 'self', 3.3),
    ]);
    expect(m.get('a')).toEqual({ index: 2.4, year: 2024, source: 'official' });
    expect(m.get('b')).toEqual({ index: 3.3, year: 2025, source: 'self' });
    expect(m.has('c')).toBe(false);
  });

  it('takes the later submission of two self-assessments of one year', () => {
    const m = latestIndexes([
      r('a', 2025, 'self', 2.0, '2025-03-01'),
      r('a', 2025, 'self', 2.2, '2025-09-01'),
    ]);
    expect(m.get('a')!.index).toBe(2.2);
  });
});

describe('averageOf', () => {
  it('averages the values present, at two decimals', () => {
    expect(averageOf([2, null, 3, undefined, 3])).toEqual({ average: 2.67, count: 3 });
    expect(averageOf([null])).toEqual({ average: null, count: 0 });
  });
});

describe('indexTrend', () => {
  it('averages each year over the bodies with a result that year, each body once', () => {
    expect(
      indexTrend([
        r('a', 2023, 'official', 2.0),
        r('a', 2023, 'self', 2.8),
        r('b', 2023, 'self', 3.0),
        r('a', 2024, 'official', 2.5),
      ]),
    ).toEqual([
      { year: 2023, average: 2.5, bodies: 2, official: 1 },
      { year: 2024, average: 2.5, bodies: 1, official: 1 },
    ]);
  });

  it('keeps the last years only', () => {
    const results = [2018, 2019, 2020, 2021].map((y) => r('a', y, 'official', 2));
    expect(indexTrend(results, 2).map((p) => p.year)).toEqual([2020, 2021]);
  });
});
