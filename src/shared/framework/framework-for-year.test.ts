import { describe, expect, it } from 'vitest';
import { appliesTo, frameworkForYear, type YearCandidate } from './framework-for-year';
import { onAxis, splitByFramework, yearsOf } from './series-by-framework';

const fw = (
  id: string,
  from?: number,
  until?: number,
  extra: Partial<YearCandidate> = {},
): YearCandidate => ({
  id,
  status: 'official',
  appliesFrom: from,
  appliesUntil: until,
  shipped: true,
  ...extra,
});
const spbe2018 = fw('spbe-2018', 2018, 2020);
const spbe2020 = fw('spbe-2020', 2021, 2025);
const pemdi = fw('pemdi-2026', 2026, undefined, { status: 'provisional' });
const shipped = [spbe2018, spbe2020, pemdi];
const idFor = (year: number, list = shipped, rule = [] as { from: number; frameworkId: string }[]) => {
  const c = frameworkForYear(list, year, rule);
  return c.kind === 'found' ? c.framework.id : c.kind;
};

describe('the framework of an evaluation year', () => {
  it('is the framework whose years contain it', () => {
    expect(idFor(2025)).toBe('spbe-2020');
    expect(idFor(2026)).toBe('pemdi-2026');
    expect(idFor(2027)).toBe('pemdi-2026');
    expect(idFor(2019)).toBe('spbe-2018');
    expect(idFor(2017)).toBe('none');
  });

  it('never picks a history framework for a year a newer framework covers', () => {
    // SPBE 2020 before its years were recorded (open-ended) against the 2018 history framework.
    const openEnded = [spbe2018, fw('spbe-2020'), pemdi];
    expect(idFor(2019, openEnded)).toBe('spbe-2018');
    expect(idFor(2023, openEnded)).toBe('spbe-2020');
    expect(idFor(2030, openEnded)).toBe('pemdi-2026');
    const c = frameworkForYear(openEnded, 2030);
    expect(c.kind === 'found' && c.usable.map((f) => f.id)).toEqual(['pemdi-2026']);
  });

  it('follows the configuration from its year onward, and says when it names an unknown framework', () => {
    const postpone = [{ from: 2026, frameworkId: 'spbe-2020' }];
    expect(idFor(2026, shipped, postpone)).toBe('spbe-2020');
    expect(idFor(2025, shipped, postpone)).toBe('spbe-2020');
    expect(idFor(2019, shipped, postpone)).toBe('spbe-2018');
    const later = [
      { from: 2028, frameworkId: 'pemdi-2026' },
      { from: 2026, frameworkId: 'spbe-2020' },
    ];
    expect([2026, 2027, 2028, 2031].map((y) => idFor(y, shipped, later))).toEqual([
      'spbe-2020',
      'spbe-2020',
      'pemdi-2026',
      'pemdi-2026',
    ]);
    expect(frameworkForYear(shipped, 2027, [{ from: 2026, frameworkId: 'pemdi-2027' }])).toEqual({
      kind: 'unknown',
      frameworkId: 'pemdi-2027',
    });
  });

  it('breaks a tie of the same start year: official before provisional, shipped before loaded', () => {
    const loaded = fw('pemdi-final', 2026, undefined, { shipped: false });
    const c = frameworkForYear([...shipped, loaded], 2026);
    expect(c.kind === 'found' && c.framework.id).toBe('pemdi-final');
    expect(c.kind === 'found' && c.usable.map((f) => f.id)).toEqual(['pemdi-final', 'pemdi-2026']);
    const draft = fw('pemdi-uji', 2026, undefined, { shipped: false, status: 'provisional' });
    expect(idFor(2026, [...shipped, draft])).toBe('pemdi-2026');
  });

  it('reads open ranges as open', () => {
    expect(appliesTo({}, 1990)).toBe(true);
    expect(appliesTo({ appliesFrom: 2026 }, 2025)).toBe(false);
    expect(appliesTo({ appliesUntil: 2020 }, 2020)).toBe(true);
    expect(appliesTo({ appliesUntil: 2020 }, 2021)).toBe(false);
  });
});

describe('a yearly series split by framework', () => {
  const series = [
    { year: 2027, frameworkId: 'pemdi-2026', index: 3 },
    { year: 2019, frameworkId: 'spbe-2018', index: 3.41 },
    { year: 2025, frameworkId: 'spbe-2020', index: 2.5 },
    { year: 2023, frameworkId: 'spbe-2020', index: 2.2 },
  ];

  it('gives one segment per framework, oldest framework first, points by year', () => {
    const segments = splitByFramework(series);
    expect(segments.map((s) => [s.frameworkId, s.from, s.until])).toEqual([
      ['spbe-2018', 2019, 2019],
      ['spbe-2020', 2023, 2025],
      ['pemdi-2026', 2027, 2027],
    ]);
    expect(segments[1]!.points.map((p) => p.index)).toEqual([2.2, 2.5]);
    expect(splitByFramework([])).toEqual([]);
  });

  it('puts each segment on the shared axis with nothing outside its own years', () => {
    const segments = splitByFramework(series);
    const axis = yearsOf(segments);
    expect(axis).toEqual([2019, 2023, 2025, 2027]);
    expect(segments.map((s) => onAxis(s, axis, (p) => p.index))).toEqual([
      [3.41, null, null, null],
      [null, 2.2, 2.5, null],
      [null, null, null, 3],
    ]);
  });
});
