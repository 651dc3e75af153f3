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
    expect(() => optimise(f, all(2), { index: 3 }, {}, { maxStepPerYear: 0 })).toThrow(/maxStepPerYear/);
    expect(() => optimise(f, all(2), { index: 3 }, {}, { maxStepPerYear: 1.5 })).toThrow(/maxStepPerYear/);
    expect(() => optimise(f, all(2), { index: 3 }, {}, { years: 0 })).toThrow(/years/);
    expect(() => optimise(f, all(2), { index: 3 }, {}, { years: 11 })).toThrow(/years/);
  });
});

describe('optimise over years', () => {
  it('spreads a big rise over the years at one level a year by default', () => {
    // Every indicator at 2 and a target of 5: each must climb 2→3, 3→4, 4→5, one level a year.
    const r = optimise(f, all(2), { index: 5 });
    if (!r.reachable) throw new Error('unreachable');
    expect(r.years).toBe(3);
    const one = r.steps.filter((s) => s.indicator === 1);
    expect(one.map((s) => [s.from, s.to, s.year])).toEqual([
      [2, 3, 1],
      [3, 4, 2],
      [4, 5, 3],
    ]);
    expect(r.byYear.map((y) => [y.year, y.steps, y.index])).toEqual([
      [1, 47, 3],
      [2, 47, 4],
      [3, 47, 5],
    ]);
  });

  it('goes faster with a larger yearly step', () => {
    const r = optimise(f, all(2), { index: 5 }, {}, { maxStepPerYear: 2 });
    if (!r.reachable) throw new Error('unreachable');
    expect(r.years).toBe(2);
    expect(r.steps.filter((s) => s.indicator === 1).map((s) => s.year)).toEqual([1, 1, 2]);
    const fast = optimise(f, all(2), { index: 5 }, {}, { maxStepPerYear: 4 });
    expect(fast.reachable && fast.years).toBe(1);
  });

  it('prefers reaching the target in fewer years over a cheaper but longer climb', () => {
    // Indicators 42–47 weigh 3 each; make every other step dear, so the cheapest plan would lift
    // only the heavy ones several levels. One year at a time it must spread over more indicators.
    const effort = Object.fromEntries(f.indicators.map((i) => [i.number, i.weight === 3 ? 1 : 50]));
    const r = optimise(f, all(1), { index: 1.5 }, effort);
    if (!r.reachable) throw new Error('unreachable');
    expect(r.years).toBe(1);
    const slow = optimise(f, all(1), { index: 1.5 }, effort, { years: 4 });
    if (!slow.reachable) throw new Error('unreachable');
    expect(slow.years).toBeGreaterThan(1);
    expect(slow.totalEffort).toBeLessThan(r.totalEffort);
    expect(slow.steps.every((s) => f.indicators.find((i) => i.number === s.indicator)!.weight === 3)).toBe(
      true,
    );
  });

  it('says how far a horizon reaches when the target is beyond it', () => {
    const r = optimise(f, all(1), { index: 4 }, {}, { years: 1 });
    expect(r).toMatchObject({ reachable: false, maxIndex: 2 });
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

/** The least effort reaching the target with no indicator rising more than `cap` levels. */
function bruteForce(units: number[], levels: number[], efforts: number[], target: number, cap = 4): number {
  let best = Number.POSITIVE_INFINITY;
  const rec = (i: number, num: number, cost: number) => {
    if (i === units.length) {
      if (halfUpHundredths(num, 10000) >= target) best = Math.min(best, cost);
      return;
    }
    for (let to = levels[i]!; to <= Math.min(5, levels[i]! + cap); to++)
      rec(i + 1, num + units[i]! * to, cost + (to - levels[i]!) * efforts[i]!);
  };
  rec(0, 0, 0);
  return best;
}

const reachedBy = (fw: Framework, lv: Record<number, number>, steps: { indicator: number; to: number }[]) => {
  const after = { ...lv };
  for (const s of steps) after[s.indicator] = Math.max(after[s.indicator]!, s.to);
  return Math.round(score(fw, after).index!.display * 100);
};

describe('optimise against brute force', () => {
  it('is never worse than brute force, and always reaches a reachable target', () => {
    fc.assert(
      fc.property(caseArb, ({ units, levels, efforts, target }) => {
        const fw = smallFramework(units);
        const lv = Object.fromEntries(levels.map((l, i) => [i + 1, l]));
        const ef = Object.fromEntries(efforts.map((e, i) => [i + 1, e]));
        // Four years at one level a year allow any rise: the least effort of all.
        const r = optimise(fw, lv, { index: target / 100 }, ef, { years: 4 });
        const best = bruteForce(units, levels, efforts, target);
        if (!r.reachable) return best === Number.POSITIVE_INFINITY;
        return reachedBy(fw, lv, r.steps) >= target && r.totalEffort === best;
      }),
      { numRuns: 300 },
    );
  });

  it('takes the fewest years the pace allows, the least effort within them, and keeps the pace', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 1, max: 4 }), ({ units, levels, efforts, target }, pace) => {
        const fw = smallFramework(units);
        const lv = Object.fromEntries(levels.map((l, i) => [i + 1, l]));
        const ef = Object.fromEntries(efforts.map((e, i) => [i + 1, e]));
        const r = optimise(fw, lv, { index: target / 100 }, ef, { maxStepPerYear: pace });
        if (!r.reachable) return bruteForce(units, levels, efforts, target) === Number.POSITIVE_INFINITY;
        // No fewer years would do, and within these years no cheaper plan exists.
        const fewer = r.years - 1;
        if (r.years > 0 && bruteForce(units, levels, efforts, target, pace * fewer) < Infinity) return false;
        if (r.totalEffort !== bruteForce(units, levels, efforts, target, pace * Math.max(1, r.years)))
          return false;
        // Per indicator: consecutive one-level steps, at most `pace` of them in any year.
        for (const n of Object.keys(lv).map(Number)) {
          const mine = r.steps.filter((s) => s.indicator === n);
          if (mine.some((s, k) => s.from !== lv[n]! + k || s.to !== s.from + 1)) return false;
          for (let y = 1; y <= r.years; y++) if (mine.filter((s) => s.year === y).length > pace) return false;
        }
        const last = r.byYear.at(-1);
        return reachedBy(fw, lv, r.steps) >= target && (last ? last.index === r.index : r.steps.length === 0);
      }),
      { numRuns: 300 },
    );
  });

  it('never plans beyond a horizon and is as cheap as brute force within it', () => {
    fc.assert(
      fc.property(
        caseArb,
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 3 }),
        ({ units, levels, efforts, target }, pace, years) => {
          const fw = smallFramework(units);
          const lv = Object.fromEntries(levels.map((l, i) => [i + 1, l]));
          const ef = Object.fromEntries(efforts.map((e, i) => [i + 1, e]));
          const r = optimise(fw, lv, { index: target / 100 }, ef, { maxStepPerYear: pace, years });
          const best = bruteForce(units, levels, efforts, target, pace * years);
          if (!r.reachable) return best === Number.POSITIVE_INFINITY && r.maxIndex * 100 < target;
          return r.years <= years && r.totalEffort === best;
        },
      ),
      { numRuns: 300 },
    );
  });
});
