import { describe, expect, it } from 'vitest';
import { type BodyFacts, stageOf, summarise } from './funnel.logic';

const body = (
  orgId: string,
  reached: BodyFacts['reached'],
  lastActivity: string | null = null,
): BodyFacts => ({
  orgId,
  reached,
  lastActivity,
});

describe('follow-up funnel', () => {
  it('places a body at the end of its unbroken run of stages', () => {
    expect(stageOf(body('a', {})).stage).toBeNull();
    expect(stageOf(body('a', { visited: '2026-01-01', committed: '2026-01-05' })).stage).toBe('committed');
    // Planned without an assessment does not count as planned.
    expect(
      stageOf(body('a', { visited: '2026-01-01', committed: '2026-01-05', planned: '2026-02-01' })).stage,
    ).toBe('committed');
  });

  it('counts each stage with its share of visited bodies and the median days between stages', () => {
    const bodies = [
      body('a', {
        visited: '2026-01-01',
        committed: '2026-01-11',
        assessed: '2026-02-01',
        planned: '2026-03-01',
        acting: '2026-03-10',
      }),
      body('b', { visited: '2026-01-01', committed: '2026-01-21' }),
      body('c', { visited: '2026-01-01' }),
      body('d', { visited: '2026-01-01', committed: '2026-01-31', assessed: '2026-02-10' }),
      body('e', {}),
    ];
    const s = summarise(bodies, '2026-03-15');
    expect(s.visited).toBe(4);
    expect(s.stages.map((x) => [x.stage, x.count, x.percent])).toEqual([
      ['visited', 4, 100],
      ['committed', 3, 75],
      ['assessed', 2, 50],
      ['planned', 1, 25],
      ['acting', 1, 25],
      ['improved', 0, 0],
    ]);
    expect(s.stages[1]!.medianDays).toBe(20); // 10, 20, 30
    expect(s.stages[2]!.medianDays).toBe(15.5); // 21 and 10
  });

  it('lists bodies without progress for 30 days, longest idle first', () => {
    const s = summarise(
      [
        body('idle', { visited: '2026-01-01' }),
        body('busy', { visited: '2026-01-01' }, '2026-03-01'),
        body('older', { visited: '2025-12-01', committed: '2025-12-02' }),
        body('done', {
          visited: '2025-01-01',
          committed: '2025-01-02',
          assessed: '2025-01-03',
          planned: '2025-01-04',
          acting: '2025-01-05',
          improved: '2025-06-01',
        }),
      ],
      '2026-03-15',
    );
    expect(s.stalled).toEqual([
      { orgId: 'older', stage: 'committed', next: 'assessed', idleDays: 103 },
      { orgId: 'idle', stage: 'visited', next: 'committed', idleDays: 73 },
    ]);
  });
});
