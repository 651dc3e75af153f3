import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Framework, Group } from './framework-schema';
import * as shippedModule from './frameworks';
import { pemdi2026Framework as pemdi } from './frameworks';
import { halfUpHundredths, predicateFor, score } from './score';

// Properties every shipped framework's engine must keep, whatever its shape: the weights add up,
// each group weighs what it holds, predicates change exactly at their thresholds, and every index
// is the weighted mean of the levels below it. Frameworks are picked up from frameworks.ts, so a
// framework shipped later is checked without touching this file.
const shipped = Object.values(shippedModule).filter(
  (x): x is Framework => typeof x === 'object' && x !== null && 'indicators' in x && 'predicates' in x,
);

const hundredths = (w: number) => Math.round(w * 100);
const weightOf = (f: Framework) => new Map(f.indicators.map((i) => [i.number, hundredths(i.weight)]));
const indicatorsIn = (g: Group): number[] => [
  ...(g.indicators ?? []),
  ...(g.groups ?? []).flatMap(indicatorsIn),
];
const allGroups = (gs: Group[]): Group[] => gs.flatMap((g) => [g, ...allGroups(g.groups ?? [])]);

/** A complete random answer: one level 1–5 per indicator. */
const levelsOf = (f: Framework) =>
  fc
    .array(fc.integer({ min: 1, max: 5 }), { minLength: f.indicators.length, maxLength: f.indicators.length })
    .map((ls) => Object.fromEntries(f.indicators.map((ind, k) => [ind.number, ls[k]!])));

describe.each(shipped.map((f) => [f.id, f] as const))('%s', (_, f) => {
  it('has weights that add up to 100, at the top and over the indicators', () => {
    expect(f.indicators.reduce((s, i) => s + hundredths(i.weight), 0)).toBe(10000);
    expect(f.groups.reduce((s, g) => s + hundredths(g.weight), 0)).toBe(10000);
  });

  it('gives every group the weight of what it holds, and places every indicator once', () => {
    const w = weightOf(f);
    for (const g of allGroups(f.groups)) {
      const held = g.groups?.length
        ? g.groups.reduce((s, c) => s + hundredths(c.weight), 0)
        : (g.indicators ?? []).reduce((s, n) => s + w.get(n)!, 0);
      expect(held, g.code).toBe(hundredths(g.weight));
    }
    const placed = f.groups.flatMap(indicatorsIn).sort((a, b) => a - b);
    expect(placed).toEqual(f.indicators.map((i) => i.number).sort((a, b) => a - b));
  });

  it('names five levels with criteria and evidence for every indicator', () => {
    for (const ind of f.indicators) {
      expect(ind.levels.map((l) => l.level)).toEqual([1, 2, 3, 4, 5]);
      for (const l of ind.levels) {
        expect(l.criteria.id && l.criteria.en && l.name.id && l.name.en).toBeTruthy();
        expect(l.evidence.length).toBeGreaterThan(0);
      }
    }
  });

  it('changes predicate exactly at each threshold: just below a band is the band under it', () => {
    const bands = f.predicates;
    bands.forEach((band, k) => {
      const at = hundredths(band.min);
      expect(predicateFor(f, at)).toEqual(band.label);
      if (k + 1 < bands.length) expect(predicateFor(f, at - 1)).toEqual(bands[k + 1]!.label);
    });
    expect(predicateFor(f, 500)).toEqual(bands[0]!.label);
    expect(predicateFor(f, 100)).toEqual(bands.findLast((b) => hundredths(b.min) <= 100)!.label);
  });

  it('scores the index as Σ weight × level / 100, and each group as its weighted mean', () => {
    const w = weightOf(f);
    fc.assert(
      fc.property(levelsOf(f), (levels) => {
        const s = score(f, levels);
        const units = f.indicators.reduce((sum, i) => sum + w.get(i.number)! * levels[i.number]!, 0);
        expect(s.complete).toBe(true);
        expect(s.index!.exact).toBeCloseTo(units / 10000, 12);
        expect(s.index!.display).toBe(halfUpHundredths(units, 10000) / 100);
        expect(s.index!.predicate).toEqual(predicateFor(f, halfUpHundredths(units, 10000)));
        for (const g of allGroups(f.groups)) {
          const ns = indicatorsIn(g);
          const num = ns.reduce((sum, n) => sum + w.get(n)! * levels[n]!, 0);
          const got = s.groups.find((x) => x.code === g.code)!.value!;
          expect(got.exact).toBeCloseTo(num / hundredths(g.weight), 12);
        }
        // The index is also the top groups' indices weighted by their weights.
        const byGroups = f.groups.reduce(
          (sum, g) => sum + g.weight * s.groups.find((x) => x.code === g.code)!.value!.exact,
          0,
        );
        expect(byGroups / 100).toBeCloseTo(s.index!.exact, 12);
      }),
      { numRuns: 200 },
    );
  });
});

describe('pemdi-2026 as reported (PermenPANRB 8/2026)', () => {
  it('has 7 aspects and 20 indicators with the reported weights', () => {
    expect(pemdi.groups.map((a) => [a.code, a.kind, a.weight, a.indicators])).toEqual([
      ['A1', 'aspect', 10, [1, 2]],
      ['A2', 'aspect', 10, [3, 4]],
      ['A3', 'aspect', 15, [5, 6, 7, 8]],
      ['A4', 'aspect', 15, [9, 10, 11, 12]],
      ['A5', 'aspect', 10, [13, 14]],
      ['A6', 'aspect', 15, [15, 16, 17, 18]],
      ['A7', 'aspect', 25, [19, 20]],
    ]);
    expect(pemdi.indicators.map((i) => i.weight)).toEqual([
      5, 5, 5, 5, 5, 3, 3, 4, 4, 4, 3, 4, 5, 5, 4, 4, 4, 3, 10, 15,
    ]);
    expect(pemdi).toMatchObject({ status: 'provisional', version: '2026', appliesFrom: 2026 });
    expect(pemdi.indicators.every((i) => i.source && !i.chosenService)).toBe(true);
  });

  it('rates with the reported bands, Poor to Excellent in English', () => {
    expect(pemdi.predicates.map((p) => [p.min, p.label.id])).toEqual([
      [4, 'Memuaskan (Unggul)'],
      [3.5, 'Sangat Baik (Melembaga)'],
      [2.5, 'Baik (Berkembang)'],
      [1.5, 'Cukup (Membangun)'],
      [0, 'Kurang (Merintis)'],
    ]);
    const ascending = pemdi.predicates.map((p) => p.label.en.split(' (')[0]).reverse();
    expect(ascending).toEqual(['Poor', 'Fair', 'Good', 'Very Good', 'Excellent']);
  });

  it('computes an aspect as Σ(indicator weight × level) / aspect weight', () => {
    // Data aspect (15): indicators 5 (5%), 6 (3%), 7 (3%), 8 (4%) at levels 4, 2, 3, 1 → 39 / 15 = 2.60.
    const levels = Object.fromEntries(pemdi.indicators.map((i) => [i.number, 1]));
    Object.assign(levels, { 5: 4, 6: 2, 7: 3, 8: 1 });
    const s = score(pemdi, levels);
    expect(s.groups.find((g) => g.code === 'A3')!.value).toMatchObject({
      exact: 2.6,
      display: 2.6,
      predicate: { id: 'Baik (Berkembang)', en: 'Good (Developing)' },
    });
    // Index: 85 weight points at level 1 plus the Data aspect's 39 → 124 / 100.
    expect(s.index!.display).toBe(1.24);
    expect(s.index!.predicate.id).toBe('Kurang (Merintis)');
  });
});
