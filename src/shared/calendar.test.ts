import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysBetween } from './calendar';

describe('calendar arithmetic', () => {
  it('counts days exactly as the Date object does, across leap years and centuries', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -200_000, max: 200_000 }),
        fc.integer({ min: -3000, max: 3000 }),
        (a, delta) => {
          const from = new Date(Date.UTC(2000, 0, 1) + a * 86_400_000).toISOString().slice(0, 10);
          const to = new Date(Date.UTC(2000, 0, 1) + (a + delta) * 86_400_000).toISOString().slice(0, 10);
          expect(daysBetween(from, to)).toBe(delta);
        },
      ),
      { numRuns: 500 },
    );
  });
});
