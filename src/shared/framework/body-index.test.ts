import { describe, expect, it } from 'vitest';
import { areaAverage, averageOf, type IndexResult, indexTrend, latestIndexes } from './body-index';

const r = (
  orgId: string,
  year: number,
  source: 'official' | 'self',
  index: number,
  date = `${year}-11-01`,
  frameworkId = 'spbe-2020',
) => ({ orgId, year, source, index, date, frameworkId }) satisfies IndexResult;

describe('latestIndexes', () => {
  it('takes the newest year, and at the same year the official result over the self-assessment', () => {
    const m = latestIndexes([
      r('a', 2023, 'official', 2.1),
      r('a', 2024, 'self', 2.6),
      r('a', 2024, 'official', 2.4, '2025-02-15'),
      r('b', 2022, 'official', 3.0),
      r('b', 2025, 'self', 3.3),
    ]);
    expect(m.get('a')).toEqual({ index: 2.4, year: 2024, source: 'official', frameworkId: 'spbe-2020' });
    expect(m.get('b')).toEqual({ index: 3.3, year: 2025, source: 'self', frameworkId: 'spbe-2020' });
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

describe('areaAverage', () => {
  it('averages the members with an index, each by its latest result', () => {
    const latest = latestIndexes([
      r('a', 2024, 'official', 2),
      r('a', 2025, 'self', 3),
      r('b', 2024, 'official', 2.5),
    ]);
    expect(areaAverage(latest, ['a', 'b', 'c'])).toEqual({
      average: 2.75,
      count: 2,
      frameworkId: 'spbe-2020',
    });
    expect(areaAverage(latest, ['c'])).toEqual({ average: null, count: 0, frameworkId: null });
  });

  it('never mixes frameworks: the one most members use, the newest on a tie', () => {
    const latest = latestIndexes([
      r('a', 2025, 'official', 2),
      r('b', 2025, 'official', 3),
      r('c', 2027, 'self', 4, '2027-05-01', 'pemdi-2026'),
    ]);
    expect(areaAverage(latest, ['a', 'b', 'c'])).toEqual({
      average: 2.5,
      count: 2,
      frameworkId: 'spbe-2020',
    });
    expect(areaAverage(latest, ['a', 'c'])).toEqual({ average: 4, count: 1, frameworkId: 'pemdi-2026' });
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
