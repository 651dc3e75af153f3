import { describe, expect, it } from 'vitest';
import type { ItemCrosswalk } from '../../../shared/contracts/crosswalk';
import { hasNoEarlierData, reusableIds } from './crosswalk-view';

const file = (id: string, linkedHere = false) => ({
  id,
  name: `${id}.pdf`,
  mime: 'application/pdf',
  size: 10,
  isSample: false,
  years: [2025],
  linkedHere,
});
const related = (number: number, evidence: ReturnType<typeof file>[]) => ({
  number,
  name: { id: `Indikator ${number}`, en: `Indicator ${number}` },
  selfAssessed: null,
  officialLevel: null,
  evidence,
});
const data = (over: Partial<ItemCrosswalk['data']> = {}): ItemCrosswalk['data'] => ({
  indicator: 13,
  from: { id: 'spbe-2020', version: '2020', name: { id: 'SPBE', en: 'SPBE' } },
  status: 'provisional',
  source: 'uji',
  reason: null,
  selfAssessment: null,
  officialResult: null,
  related: [],
  ...over,
});

describe('the crosswalk section', () => {
  it('reuses each file once, and none already linked to the indicator', () => {
    const d = data({
      related: [related(4, [file('a'), file('b', true)]), related(15, [file('a'), file('c')])],
    });
    expect(reusableIds(d)).toEqual(['a', 'c']);
    expect(reusableIds(data({ related: [related(4, [file('b', true)])] }))).toEqual([]);
  });

  it('says the body has no earlier data only when it has no assessment, result or evidence', () => {
    expect(hasNoEarlierData(data({ related: [related(4, [])] }))).toBe(true);
    expect(hasNoEarlierData(data({ related: [related(4, [file('a')])] }))).toBe(false);
    expect(
      hasNoEarlierData(data({ selfAssessment: { id: 'x', year: 2025, status: 'draft', isSample: false } })),
    ).toBe(false);
    expect(hasNoEarlierData(data({ officialResult: { year: 2024, source: '', isSample: false } }))).toBe(
      false,
    );
  });
});
