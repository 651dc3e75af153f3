import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar';
import {
  firstWorkingDayFrom,
  isWorkingDay,
  median,
  responseFigures,
  workingDaysBetween,
} from './response-time';

// 2025-03-03 is a Monday; 2025-03-08/09 the weekend after it.
describe('working days', () => {
  it('knows weekends', () => {
    expect(isWorkingDay('2025-03-03')).toBe(true);
    expect(isWorkingDay('2025-03-07')).toBe(true);
    expect(isWorkingDay('2025-03-08')).toBe(false);
    expect(isWorkingDay('2025-03-09')).toBe(false);
    expect(isWorkingDay('2025-03-05', new Set(['2025-03-05']))).toBe(false);
  });

  it('starts the clock on the first working day on or after the question', () => {
    expect(firstWorkingDayFrom('2025-03-05')).toBe('2025-03-05');
    expect(firstWorkingDayFrom('2025-03-08')).toBe('2025-03-10');
    expect(firstWorkingDayFrom('2025-03-09')).toBe('2025-03-10');
  });

  it('counts working days after the start day up to the response day', () => {
    expect(workingDaysBetween('2025-03-03', '2025-03-03')).toBe(0);
    expect(workingDaysBetween('2025-03-03', '2025-03-04')).toBe(1);
    // Friday → Monday is one working day; Saturday → Monday is none.
    expect(workingDaysBetween('2025-03-07', '2025-03-10')).toBe(1);
    expect(workingDaysBetween('2025-03-08', '2025-03-10')).toBe(0);
    expect(workingDaysBetween('2025-03-08', '2025-03-11')).toBe(1);
    expect(workingDaysBetween('2025-03-03', '2025-03-17')).toBe(10);
    expect(workingDaysBetween('2025-03-05', '2025-03-04')).toBe(0);
    // A holiday in between is not a working day.
    expect(workingDaysBetween('2025-03-03', '2025-03-05', new Set(['2025-03-04']))).toBe(1);
  });

  it('agrees with counting day by day', () => {
    const day = fc.integer({ min: 0, max: 3000 }).map((n) => addDays('2020-01-01', n));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 60 }), (asked, gap) => {
        const to = addDays(asked, gap);
        const start = firstWorkingDayFrom(asked);
        let slow = 0;
        for (let d = addDays(start, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d)) slow += 1;
        expect(workingDaysBetween(asked, to)).toBe(slow);
      }),
    );
  });
});

describe('response figures', () => {
  it('takes the median of answered questions', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });

  it('shares answers within three working days of the questions whose outcome is known', () => {
    const f = responseFigures(
      [
        { askedDay: '2025-03-03', firstResponseDay: '2025-03-03' }, // 0
        { askedDay: '2025-03-03', firstResponseDay: '2025-03-06' }, // 3: within
        { askedDay: '2025-03-03', firstResponseDay: '2025-03-07' }, // 4: late
        { askedDay: '2025-03-03', firstResponseDay: null }, // 5 days open by Monday 10th: late
        { askedDay: '2025-03-07', firstResponseDay: null }, // 1 day open: pending
      ],
      '2025-03-10',
    );
    expect(f).toEqual({
      questions: 5,
      answered: 3,
      medianWorkingDays: 3,
      withinTarget: 2,
      decided: 4,
      shareWithinTarget: 0.5,
      pending: 1,
    });
  });

  it('has no figures without questions', () => {
    const f = responseFigures([], '2025-03-10');
    expect(f.medianWorkingDays).toBeNull();
    expect(f.shareWithinTarget).toBeNull();
  });
});
