import { describe, expect, it } from 'vitest';
import { text } from '../texts';
import { type Crosswalk, crosswalkProblems, crosswalkSchema, relatedIndicators } from './crosswalk';
import {
  spbe2020ToPemdi2026 as cw,
  pemdi2026Framework as pemdi,
  spbe2020Framework as spbe,
} from './frameworks';

describe('the SPBE 2020 → Pemdi 2026 crosswalk', () => {
  it('fits both frameworks: every number it names exists in them', () => {
    expect(crosswalkProblems(cw, spbe, pemdi)).toEqual([]);
    expect(cw).toMatchObject({
      from: { id: 'spbe-2020', version: '2020' },
      to: { id: 'pemdi-2026', version: '2026' },
      status: 'provisional',
    });
  });

  it('links each of the 20 Pemdi indicators once and reaches all 47 SPBE indicators', () => {
    expect(cw.links.map((l) => l.indicator)).toEqual(pemdi.indicators.map((i) => i.number));
    const reached = new Set(cw.links.flatMap((l) => l.related));
    expect([...reached].sort((a, b) => a - b)).toEqual(spbe.indicators.map((i) => i.number));
    expect(cw.links.every((l) => l.reason.id !== l.reason.en)).toBe(true);
  });

  it('gives the related SPBE indicators of a Pemdi indicator, and none for an unknown one', () => {
    expect(relatedIndicators(cw, 13)).toEqual([4, 15, 30]);
    expect(relatedIndicators(cw, 10)).toEqual(expect.arrayContaining([8, 22, 31]));
    expect(relatedIndicators(cw, 17)).toHaveLength(16);
    expect(relatedIndicators(cw, 99)).toEqual([]);
  });

  it('names every number one of the frameworks lacks, and a crosswalk written for another version', () => {
    const broken: Crosswalk = {
      ...cw,
      to: { id: 'pemdi-2026', version: '2027' },
      links: [
        { indicator: 21, related: [3], reason: { id: 'uji', en: 'test' } },
        { indicator: 1, related: [1, 48], reason: { id: 'uji', en: 'test' } },
      ],
    };
    const problems = crosswalkProblems(broken, spbe, pemdi);
    expect(problems.map((p) => p.path)).toEqual(['to', 'links.0.indicator', 'links.1.related.1']);
    const [version, unknownTo, unknownFrom] = problems.map((p) => text('en', p.message, p.params));
    expect(version).toBe('The crosswalk is written for pemdi-2026@2027, not pemdi-2026@2026');
    expect(unknownTo).toBe('Indicator 21 is not in pemdi-2026');
    expect(text('id', problems[2]!.message, problems[2]!.params)).toBe(
      'Indikator 48 tidak ada dalam spbe-2020',
    );
    expect(unknownFrom).toBe('Indicator 48 is not in spbe-2020');
  });

  it('refuses a crosswalk that links an indicator twice or repeats a related number', () => {
    const r = crosswalkSchema.safeParse({
      ...cw,
      links: [cw.links[0], cw.links[0], { ...cw.links[1], related: [21, 21] }],
    });
    expect(r.success).toBe(false);
    const issues = r.error!.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toEqual([
      ['links', 'CROSSWALK_DUPLICATE'],
      ['links.2.related', 'CROSSWALK_DUPLICATE'],
    ]);
  });
});
