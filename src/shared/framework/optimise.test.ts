import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Framework, frameworkSchema } from './framework-schema';
import { spbe2020Framework as f } from './frameworks';
import { optimise } from './optimise';
import { halfUpHundredths, LevelsError, score } from './score';

const all = (level: number) => Object.fromEntries(f.indicators.map((i) => [i.number, level]));

describe('optimise on spbe-2020', () => {
  it('needs no step when the target is already reached', () => {
    const r = optimise(f, all(3), { index: 2.6 });
    expect(r).toMatchObject({ reachable: true, steps: [], totalEffort: 0, index: 3 });
  });

  it('reaches 5.00 from all 1 with every step', () => {
    const r = optimise(f, all(1), { index: 5 });
    if (!r.reachable) throw new Error('unreachable');
    expect(r.steps).toHaveLength(47 * 4);
    expect(r.index).toBe(5);
  });

  it('finds the fewest steps and starts with the heaviest indicators', () => {
    const r = optimise(f, all(2), { index: 2.1 });
    if (!r.reachable) throw new Error('unreachable');
    // 2.00 → 2.10 (displayed) needs 9.5 weight points; the heaviest step is worth 3, so four steps is
    // the least possible (several four-step plans tie).
    expect(r.steps).toHaveLength(4);
    expect(r.index).toBeGreaterThanOrEqual(2.1);
    const weights = r.steps.map((s) => f.indicators.find((i) => i.number === s.indicator)!.weight);
    expect(weights).toEqual([...weights].sort((a, b) => b - a)); // highest leverage first
    expect(r.steps.every((s) => s.to === s.from + 1)).toBe(true);
  });

  it('reaches a predicate, treats missing levels as 1 and respects the ceiling', () => {
    const levels = { ...all(5), 1: 1 };
    delete (levels as Record<number, number>)[2];
    const r = optimise(f, levels, { predicate: 'Memuaskan' });
    expect(r.assumedLevel1).toEqual([2]);
    if (!r.reachable) throw new Error('unreachable');
    expect(r.predicate.id).toBe('Memuaskan');
    expect(r.steps.every((s) => s.to <= 5)).toBe(true);
  });

  it('avoids expensive indicators when cheaper ones do', () => {
    const effort = Object.fromEntries(f.indicators.filter((i) => i.weight === 3).map((i) => [i.number, 10]));
    const r = optimise(f, all(2), { index: 2.1 }, effort);
    if (!r.reachable) throw new Error('unreachable');
    expect(r.steps.some((s) => s.indicator >= 42)).toBe(false);
  });

  it('rejects bad input naming the field', () => {
    expect(() => optimise(f, all(2), { index: 5.5 })).toThrow(LevelsError);
    expect(() => optimise(f, all(2), { predicate: 'Sangat Kurang' })).toThrow(/target/);
    expect(() => optimise(f, all(2), { index: 3 }, { 99: 1 })).toThrow(/effort\.99/);
    expect(() => optimise(f, { 1: 7 }, { index: 3 })).toThrow(/levels\.1/);
  });
});

// Small random frameworks: the optimiser must match brute force exactly.
function smallFramework(units: number[]): Framework {
  const level = (k: number) => ({
    level: k,
    name: { id: `L${k}`, en: `L${k}` },
    criteria: { id: 'x', en: 'x' },
    evidence: ['x'],
  });
  return frameworkSchema.parse({
    id: 'small',
    name: { id: 's', en: 's' },
    version: '1',
    status: 'provisional',
    source: 'test',
    groups: [
      {
        code: 'G',
        name: { id: 'g', en: 'g' },
        kind: 'domain',
        weight: 100,
        indicators: units.map((_, i) => i + 1),
      },
    ],
    indicators: units.map((u, i) => ({
      number: i + 1,
      name: { id: `I${i + 1}`, en: `I${i + 1}` },
      weight: u / 100,
      ladder: 'x',
      levels: [1, 2, 3, 4, 5].map(level),
    })),
    predicates: [{ min: 0, label: { id: 'any', en: 'any' } }],
  });
}

const caseArb = fc
  .integer({ min: 2, max: 4 })
  .chain((n) =>
    fc.tuple(
      fc.array(fc.integer({ min: 1, max: 60 }), { minLength: n, maxLength: n }),
      fc.array(fc.integer({ min: 1, max: 5 }), { minLength: n, maxLength: n }),
      fc.array(fc.integer({ min: 1, max: 5 }), { minLength: n, maxLength: n }),
      fc.integer({ min: 100, max: 500 }),
    ),
  )
  .map(([raw, levels, efforts, target]) => {
    // Integer weights in hundredths that add up to exactly 100.00.
    const sum = raw.reduce((a, b) => a + b, 0);
    const units = raw.map((r) => Math.floor((r * 10000) / sum));
    units[0]! += 10000 - units.reduce((a, b) => a + b, 0);
    return { units, levels, efforts, target };
  })
  .filter((c) => c.units.every((u) => u > 0));

function bruteForce(units: number[], levels: number[], efforts: number[], target: number): number {
  let best = Number.POSITIVE_INFINITY;
  const rec = (i: number, num: number, cost: number) => {
    if (i === units.length) {
      if (halfUpHundredths(num, 10000) >= target) best = Math.min(best, cost);
      return;
    }
    for (let to = levels[i]!; to <= 5; to++)
      rec(i + 1, num + units[i]! * to, cost + (to - levels[i]!) * efforts[i]!);
  };
  rec(0, 0, 0);
  return best;
}

describe('optimise against brute force', () => {
  it('is never worse than brute force, and always reaches a reachable target', () => {
    fc.assert(
      fc.property(caseArb, ({ units, levels, efforts, target }) => {
        const fw = smallFramework(units);
        const lv = Object.fromEntries(levels.map((l, i) => [i + 1, l]));
        const ef = Object.fromEntries(efforts.map((e, i) => [i + 1, e]));
        const r = optimise(fw, lv, { index: target / 100 }, ef);
        const best = bruteForce(units, levels, efforts, target);
        if (!r.reachable) return best === Number.POSITIVE_INFINITY;
        const after = { ...lv };
        for (const s of r.steps) after[s.indicator] = s.to;
        const reached = Math.round(score(fw, after).index!.display * 100) >= target;
        return reached && r.totalEffort === best;
      }),
      { numRuns: 300 },
    );
  });
});
