import { sql } from 'drizzle-orm';
import { type Day, localDay } from '../../shared/calendar';

// The server's one source for the configured time zone (REMINDER_TIME_ZONE, default
// Asia/Jakarta): "today", and calendar days of timestamps in SQL. Set once when the app is built.
let zone = 'Asia/Jakarta';

export function setTimeZone(timeZone: string) {
  zone = timeZone;
}

export function timeZone(): string {
  return zone;
}

export function today(): Day {
  return localDay(new Date(), zone);
}

/** SQL: the calendar day (date) of a timestamp expression in the configured zone. */
export const sqlDay = (expr: ReturnType<typeof sql>) => sql`((${expr}) at time zone ${zone})::date`;

/** SQL: today's date in the configured zone. */
export const sqlToday = () => sql`(now() at time zone ${zone})::date`;
