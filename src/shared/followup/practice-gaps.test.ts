import { describe, expect, it } from 'vitest';
import { spbe2020Framework as f } from '../framework/frameworks';
import { practiceGain, rankPractices } from './practice-gaps';

describe('practice gaps', () => {
  it('sums weight × the levels the body lacks, in index points', () => {
    // Indicator 11 weighs 2.5, indicator 1 weighs 1.3.
    const r = practiceGain(f, { 11: 2, 1: 4 }, [
      { indicator: 11, level: 4 },
      { indicator: 1, level: 3 },
    ]);
    expect(r.gain).toBe(0.05);
    expect(r.lines).toEqual([
      { indicator: 11, weight: 2.5, bodyLevel: 2, practiceLevel: 4, gain: 0.05 },
      { indicator: 1, weight: 1.3, bodyLevel: 4, practiceLevel: 3, gain: 0 },
    ]);
  });

  it('takes a missing level as 1, and ignores indicators the framework does not have', () => {
    expect(practiceGain(f, {}, [{ indicator: 42, level: 5 }]).gain).toBe(0.12);
    expect(practiceGain(f, { '42': 5 }, [{ indicator: 42, level: 5 }]).gain).toBe(0);
    expect(practiceGain(f, {}, [{ indicator: 99, level: 5 }]).lines).toEqual([]);
  });

  it('ranks by gain (ties by title), leaving out practices that lift nothing', () => {
    const practices = [
      { id: 'a', title: 'B SOP', indicators: [{ indicator: 1, level: 3 }] },
      { id: 'b', title: 'A Perbup', indicators: [{ indicator: 2, level: 3 }] },
      { id: 'c', title: 'Aplikasi', indicators: [{ indicator: 42, level: 4 }] },
      { id: 'd', title: 'Sudah', indicators: [{ indicator: 43, level: 2 }] },
    ];
    const ranked = rankPractices(f, { 43: 3 }, practices);
    expect(ranked.map((r) => r.practice.id)).toEqual(['c', 'b', 'a']);
    expect(ranked[0]!.gain).toBe(0.09);
  });
});
