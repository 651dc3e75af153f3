import { describe, expect, it } from 'vitest';
import { emptyFacts, type LevelSet } from './facts';
import { ctx, HOST, official, self, visit } from './measure.fixtures';
import { measureBody } from './milestones';
import { pathProgress } from './path';

// When the evaluation changes framework (SPBE 2020 → the 2026 digital-government index), results
// on either side are not comparable: "improved" and the path to the host compare like with like.

const pemdi = (r: LevelSet): LevelSet => ({ ...r, frameworkId: 'pemdi-2026' });

describe('across a change of framework', () => {
  it('has not "improved" from 2.5 on spbe-2020 in 2025 to 3.0 on pemdi-2026 in 2027', () => {
    const f = {
      ...emptyFacts('b'),
      visits: [visit('2025-06-01')],
      results: [official(2025, 2.5), pemdi(official(2027, 3.0))],
    };
    expect(measureBody(f, ctx())!.hits.improved).toBeUndefined();
    // Nor self-assessed: the same rule for the gain shown beside it.
    const own = {
      ...f,
      results: [self('2025-03-01', { '1': 2 }, true, 2.5), pemdi(self('2027-03-01', { '1': 3 }, true, 3))],
    };
    expect(measureBody(own, ctx())!.selfReported).toBeNull();
  });

  it('has "improved" once a later result on the new framework beats the first one on it', () => {
    const f = {
      ...emptyFacts('b'),
      visits: [visit('2025-06-01')],
      results: [official(2025, 3.9), pemdi(official(2027, 2.0)), pemdi(official(2029, 2.4))],
    };
    const hit = measureBody(f, ctx())!.hits.improved!;
    expect(hit.reason!.en).toBe('official 2027 2.00 → 2029 2.40; visit to Kabupaten Sumedang 01-06-2025');
    // A fall on the new framework is no gain, whatever the old framework's figure was.
    f.results[2] = pemdi(official(2029, 1.9));
    expect(measureBody(f, ctx())!.hits.improved).toBeUndefined();
  });

  it('still needs a result up to the reference year to have any baseline', () => {
    const f = {
      ...emptyFacts('b'),
      visits: [visit('2025-06-01')],
      results: [pemdi(official(2027, 2.0)), pemdi(official(2029, 2.4))],
    };
    expect(measureBody(f, ctx())!.hits.improved).toBeUndefined();
  });

  it('measures the path to the host on the host’s framework only', () => {
    const host = { ...emptyFacts(HOST), results: [official(2024, 4, { '1': 4, '11': 4 })] };
    const body = {
      ...emptyFacts('b'),
      visits: [visit('2025-02-01')],
      // The same indicator numbers mean other things on the new framework: they close no gap.
      results: [official(2024, 2, { '1': 2, '11': 2 }), pemdi(official(2027, 4, { '1': 4, '11': 4 }))],
    };
    const p = pathProgress(body, host, '2025-02-01', ctx().weights);
    expect(p).toMatchObject({ frameworkId: 'spbe-2020', progress: 0, current: null });
  });
});
