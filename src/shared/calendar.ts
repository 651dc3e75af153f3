// Calendar days (YYYY-MM-DD) in the configured time zone: the one home for "what day is it" and
// day arithmetic, shared by the server and the web. Days are compared as strings.

const DAY = 86_400_000;

export type Day = string;

// One formatter per zone: building an Intl.DateTimeFormat costs far more than formatting with it,
// and "today" is asked on every level save (a CPU profile of the save showed it).
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day of an instant in a time zone (IANA name from configuration). */
export function localDay(at: Date, timeZone: string): Day {
  let format = dayFormats.get(timeZone);
  if (!format) {
    // en-CA formats as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(timeZone, format);
  }
  return format.format(at);
}

/** Days since 1970-01-01 of a YYYY-MM-DD day, by integer arithmetic (no Date parsing: hot path). */
export function dayNumber(day: Day): number {
  const y0 = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  const d = Number(day.slice(8, 10));
  // Days from civil (H. Hinnant's algorithm), proleptic Gregorian calendar.
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function daysBetween(from: Day, to: Day): number {
  return dayNumber(to) - dayNumber(from);
}

export function addDays(day: Day, days: number): Day {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

export function yearOf(day: Day): number {
  return Number(day.slice(0, 4));
}

/** The last day of the month of `day`. */
export function monthEnd(day: Day): Day {
  const [y, m] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** The ends of the `count` months up to and including today's month (the last one is today). */
export function monthEnds(today: Day, count: number): Day[] {
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const out: Day[] = [];
  for (let i = count - 1; i >= 0; i -= 1) {
    const end = new Date(Date.UTC(y, m - i, 0)).toISOString().slice(0, 10);
    out.push(end > today ? today : end);
  }
  return out;
}

/** 21-11-2024: how days are written in Indonesian (and here, in English) reasons. */
export function dmy(day: Day): string {
  return `${day.slice(8, 10)}-${day.slice(5, 7)}-${day.slice(0, 4)}`;
}

// Wall-clock times (YYYY-MM-DDTHH:mm) in a zone, for events: people write and read an event's
// time as it is in Jakarta, the database keeps the instant.
const wallFormats = new Map<string, Intl.DateTimeFormat>();
function wallFormat(timeZone: string) {
  let format = wallFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    wallFormats.set(timeZone, format);
  }
  return format;
}

/** The wall-clock time (YYYY-MM-DDTHH:mm) of an instant in a time zone. */
export function localDateTime(at: Date, timeZone: string): string {
  const p = Object.fromEntries(
    wallFormat(timeZone)
      .formatToParts(at)
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/**
 * The instant of a wall-clock time in a time zone. The zone's offset is read at the naive UTC
 * reading and corrected once, which is exact away from daylight-saving jumps (Indonesia has none).
 */
export function zonedInstant(local: string, timeZone: string): Date {
  const naive = Date.parse(`${local}:00Z`);
  const offset = Date.parse(`${localDateTime(new Date(naive), timeZone)}:00Z`) - naive;
  return new Date(naive - offset);
}
