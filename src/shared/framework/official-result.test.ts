import { describe, expect, it } from 'vitest';
import { spbe2020Framework as f } from './frameworks';
import { validateOfficialResult } from './official-result';

const allLevels = (level: number) => Object.fromEntries(f.indicators.map((i) => [String(i.number), level]));

describe('validateOfficialResult', () => {
  it('accepts a total alone, with its predicate, including the Indonesian decimal comma', () => {
    expect(validateOfficialResult(f, { index: '3,81' }).value).toEqual({
      index: 3.81,
      predicate: 'Sangat Baik',
      domains: null,
      levels: null,
    });
    expect(validateOfficialResult(f, { index: 4.2 }).value?.predicate).toBe('Memuaskan');
  });

  it('accepts a total with all domain values and refuses partial or out-of-range ones', () => {
    const ok = validateOfficialResult(f, { index: 2.59, domains: { D1: 2.3, D2: 1.7, D3: 1, D4: 3.75 } });
    expect(ok.value?.domains).toEqual({ D1: 2.3, D2: 1.7, D3: 1, D4: 3.75 });
    const partial = validateOfficialResult(f, { index: 2.59, domains: { D1: 2.3 } });
    expect(partial.problems.map((p) => p.field)).toEqual(['D2', 'D3', 'D4']);
    expect(validateOfficialResult(f, { index: 5.01 }).problems[0]?.field).toBe('index');
    expect(validateOfficialResult(f, { index: 3.815 }).problems[0]?.message).toBe('OFFICIAL_TWO_DECIMALS');
    expect(validateOfficialResult(f, { domains: { D1: 2, D2: 2, D3: 2, D4: 2 } }).problems[0]?.field).toBe(
      'index',
    );
  });

  it('derives the total and domains from all levels, and checks given ones agree', () => {
    const r = validateOfficialResult(f, { levels: allLevels(3) });
    expect(r.value).toMatchObject({ index: 3, predicate: 'Baik', domains: { D1: 3, D2: 3, D3: 3, D4: 3 } });
    expect(validateOfficialResult(f, { levels: allLevels(3), index: 3.1 }).problems[0]?.field).toBe('index');
    const some = validateOfficialResult(f, { levels: { 1: 3, 2: 9 } });
    expect(some.problems.find((p) => p.field === 'i2')?.message).toBe('OFFICIAL_LEVEL_INTEGER');
    expect(some.problems.find((p) => p.field === 'i3')?.message).toBe('OFFICIAL_ALL_LEVELS');
  });
});
