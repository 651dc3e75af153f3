import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spbe2020Framework as f } from '../framework/frameworks';
import { score } from '../framework/score';
import { type GroupBody, planEffect, plannedIndex, plannedLevels, simulateGroup } from './group-simulation';

const all = (level: number) => Object.fromEntries(f.indicators.map((i) => [String(i.number), level]));

describe('plannedLevels / planEffect / plannedIndex', () => {
  it('raises each targeted indicator to its target and scores with the framework engine', () => {
    // Indicator 42 weighs 3 of 100: two levels up on it adds 0.06 to an all-2 index.
    expect(planEffect(f, all(2), [{ indicator: 42, level: 4 }])).toMatchObject({
      before: 2,
      after: 2.06,
      raised: 1,
    });
    expect(planEffect(f, all(2), []).raised).toBe(0);
  });

  it('never lowers a level, and leaves out levels and targets the framework does not know or outside 1–5', () => {
    const r = plannedLevels(f, { ...all(3), 99: 4, 1: 9 }, [
      { indicator: 2, level: 2 },
      { indicator: 99, level: 5 },
      { indicator: 3, level: 7 },
      { indicator: 4, level: 0 },
      { indicator: 5, level: 2.5 },
    ]);
    expect(r.raised).toBe(0);
    const { 1: _, ...rest } = all(3);
    expect(r.levels).toEqual(rest);
  });

  it('fills an unanswered indicator with its target', () => {
    const { 5: _, ...partial } = all(2);
    expect(plannedLevels(f, partial, [{ indicator: 5, level: 3 }]).levels['5']).toBe(3);
  });

  it('credits the latest index with what the plans change, not with the levels’ own score', () => {
    // The levels score 2.00, the latest (official) index is 2.50: reaching 42 → 4 adds 0.06.
    const effect = planEffect(f, all(2), [{ indicator: 42, level: 4 }]);
    expect(plannedIndex(2.5, effect)).toBe(2.56);
    // Plans already reached change nothing.
    expect(plannedIndex(2.5, planEffect(f, all(4), [{ indicator: 42, level: 4 }]))).toBe(2.5);
    // No index yet: the planned levels' own score.
    expect(plannedIndex(null, effect)).toBe(2.06);
    expect(plannedIndex(4.98, planEffect(f, all(1), [{ indicator: 42, level: 5 }]))).toBe(5);
  });

  it('never lowers an index (property)', () => {
    const level = fc.integer({ min: 1, max: 5 });
    fc.assert(
      fc.property(
        fc.array(level, { minLength: 47, maxLength: 47 }),
        fc.array(fc.record({ indicator: fc.integer({ min: 1, max: 47 }), level }), { maxLength: 20 }),
        fc.option(fc.double({ min: 1, max: 5, noNaN: true }), { nil: null }),
        (levels, targets, current) => {
          const base = Object.fromEntries(levels.map((l, i) => [String(i + 1), l]));
          const effect = planEffect(f, base, targets);
          expect(effect.after!).toBeGreaterThanOrEqual(score(f, base).index!.display);
          if (current !== null)
            expect(plannedIndex(current, effect)!).toBeGreaterThanOrEqual(Math.min(current, 5) - 0.005);
        },
      ),
    );
  });
});

describe('simulateGroup', () => {
  const bodies: GroupBody[] = [
    { code: '32', current: 3, planned: 3.5 },
    { code: '32.01', current: 2, planned: 2.6 },
    { code: '32.02', current: 2.5, planned: null },
    { code: '32.03', current: null, planned: null },
  ];

  it('averages today’s indices when nobody is chosen', () => {
    expect(simulateGroup(bodies, [])).toEqual({
      current: { average: 2.5, count: 3 },
      simulated: { average: 2.5, count: 3 },
      change: 0,
      rising: 0,
    });
  });

  it('counts the chosen bodies at their planned index', () => {
    // (3.5 + 2.6 + 2.5) / 3 = 2.87
    expect(simulateGroup(bodies, ['32', '32.01'])).toMatchObject({
      simulated: { average: 2.87, count: 3 },
      change: 0.37,
      rising: 2,
    });
  });

  it('keeps a chosen body without a plan at today’s index, and one without any index out', () => {
    expect(simulateGroup(bodies, ['32.02', '32.03']).simulated).toEqual({ average: 2.5, count: 3 });
  });

  it('never lets reaching a plan lower a body’s index', () => {
    const r = simulateGroup([{ code: 'a', current: 3.2, planned: 3.0 }], ['a']);
    expect(r.simulated.average).toBe(3.2);
    expect(r.rising).toBe(0);
  });

  it('counts a body with a planned index but none today', () => {
    expect(simulateGroup([{ code: 'a', current: null, planned: 2.4 }], ['a'])).toMatchObject({
      current: { average: null, count: 0 },
      simulated: { average: 2.4, count: 1 },
      change: null,
    });
  });
});
