import { addDays, type Day, dayNumber } from '../calendar';

// How fast a host answers the questions of the bodies it mentors, counted in working days.
//
// The rule (one home; the server computes the figures with it and the web explains it):
// - Days are calendar days in the platform's zone (Asia/Jakarta by default). Working days are
//   Monday to Friday. The repository has no table of national holidays or cuti bersama, so they
//   are counted as working days; a caller that has such a table may pass it as `holidays`.
// - The clock starts on the first working day on or after the day the question was asked (a
//   question asked on Saturday starts on Monday). The response time is the number of working
//   days after that start day up to and including the day of the first response: an answer on
//   the start day is 0, on the next working day 1.
// - "Answered within 3 working days" means a response time of at most 3.
// - The median is over answered questions only (the mean of the two middle values when their
//   number is even). The share's denominator is every question that has been answered, or whose
//   3 working days have run out unanswered; questions still inside their 3 days are pending and
//   counted apart, because their outcome is not known yet.

export const RESPONSE_TARGET_WORKING_DAYS = 3;

const isWeekend = (day: Day) => {
  // 1970-01-01 was a Thursday: day number 0 → weekday 4 (0 = Sunday).
  const weekday = (((dayNumber(day) + 4) % 7) + 7) % 7;
  return weekday === 0 || weekday === 6;
};

export function isWorkingDay(day: Day, holidays: ReadonlySet<Day> = new Set()): boolean {
  return !isWeekend(day) && !holidays.has(day);
}

/** The first working day on or after `day`. */
export function firstWorkingDayFrom(day: Day, holidays: ReadonlySet<Day> = new Set()): Day {
  let d = day;
  while (!isWorkingDay(d, holidays)) d = addDays(d, 1);
  return d;
}

/** Working days from the question's start day (exclusive) to `to` (inclusive); 0 when `to` is not later. */
export function workingDaysBetween(asked: Day, to: Day, holidays: ReadonlySet<Day> = new Set()): number {
  const start = firstWorkingDayFrom(asked, holidays);
  if (to <= start) return 0;
  // Whole weeks at once, then the remaining days one by one (at most six).
  const span = dayNumber(to) - dayNumber(start);
  const weeks = Math.floor(span / 7);
  let count = weeks * 5;
  let d = addDays(start, weeks * 7);
  while (d < to) {
    d = addDays(d, 1);
    if (!isWeekend(d)) count += 1;
  }
  if (holidays.size) {
    for (const h of holidays) if (h > start && h <= to && !isWeekend(h)) count -= 1;
  }
  return count;
}

export type ResponseRecord = { askedDay: Day; firstResponseDay: Day | null };

export type ResponseFigures = {
  questions: number;
  answered: number;
  /** Median first response in working days; null when nothing has been answered. */
  medianWorkingDays: number | null;
  /** Answered within the target, of the questions whose outcome is known. */
  withinTarget: number;
  decided: number;
  /** withinTarget / decided, 0–1; null when no outcome is known yet. */
  shareWithinTarget: number | null;
  /** Unanswered questions still inside their target days. */
  pending: number;
};

export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The figures of one host over its questions, as of `today`. */
export function responseFigures(
  records: readonly ResponseRecord[],
  today: Day,
  holidays: ReadonlySet<Day> = new Set(),
): ResponseFigures {
  const times: number[] = [];
  let withinTarget = 0;
  let decided = 0;
  let pending = 0;
  for (const r of records) {
    if (r.firstResponseDay) {
      const days = workingDaysBetween(r.askedDay, r.firstResponseDay, holidays);
      times.push(days);
      decided += 1;
      if (days <= RESPONSE_TARGET_WORKING_DAYS) withinTarget += 1;
    } else if (workingDaysBetween(r.askedDay, today, holidays) > RESPONSE_TARGET_WORKING_DAYS) {
      decided += 1;
    } else {
      pending += 1;
    }
  }
  return {
    questions: records.length,
    answered: times.length,
    medianWorkingDays: median(times),
    withinTarget,
    decided,
    shareWithinTarget: decided ? withinTarget / decided : null,
    pending,
  };
}
