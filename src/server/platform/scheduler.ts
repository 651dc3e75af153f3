import type { FastifyBaseLogger } from 'fastify';
import { addDays, localDay as localDate, zonedInstant } from '../../shared/calendar';
import { BUSY } from './job-lock';

// The platform's clock for background jobs. It knows when to run, not what: the app's wiring
// (bootstrap.ts) passes the jobs in, so the platform never imports a module.

export type ScheduledJobs = {
  /**
   * The daily job, given the moment it runs; resolves to its summary, null when the day is already
   * done, or BUSY while another run (another instance) holds it.
   */
  daily: (now: Date) => Promise<Record<string, unknown> | null | typeof BUSY>;
  /** Runs every minute (e.g. sending "at once" notification emails). */
  everyMinute: () => Promise<unknown>;
};

export type SchedulerDeps = {
  log: FastifyBaseLogger;
  /** hh:mm of the daily job in `timeZone`. */
  time: string;
  timeZone: string;
  jobs: ScheduledJobs;
  /** Wait before trying the day again after a failure, or while another instance runs it. */
  retryMs?: number;
};

/**
 * Runs the daily job at its time, catching up at start-up when today's time has passed without a
 * run (e.g. after downtime), and the every-minute job each minute. A run that fails, or finds
 * another instance running the day, is tried again after retryMs until the day is done: should
 * that other instance die halfway, this one finishes the day. Returns a function that stops the
 * timers.
 */
export function startScheduler(d: SchedulerDeps): () => void {
  let timer: NodeJS.Timeout | undefined;
  let retry: NodeJS.Timeout | undefined;
  let stopped = false;
  const again = () => {
    if (retry || stopped) return;
    retry = setTimeout(() => {
      retry = undefined;
      void run('retry');
    }, d.retryMs ?? 60_000);
    retry.unref();
  };
  const run = (label: string) =>
    d.jobs
      .daily(new Date())
      .then((summary) => {
        if (summary === BUSY) return again();
        if (summary) d.log.info({ job: 'daily', label, summary }, 'daily job done');
      })
      .catch((err) => {
        d.log.error({ err, label }, 'daily job failed');
        again();
      });
  const schedule = () => {
    const next = nextRunAt(new Date(), d.time, d.timeZone);
    timer = setTimeout(
      () => void run('scheduled').finally(schedule),
      Math.max(1000, next.getTime() - Date.now()),
    );
    timer.unref();
  };
  const [h, m] = d.time.split(':').map(Number) as [number, number];
  if (Date.now() >= zonedTime(localDate(new Date(), d.timeZone), h, m, d.timeZone).getTime())
    void run('catch-up');
  schedule();
  const minute = setInterval(() => {
    d.jobs.everyMinute().catch((err) => d.log.error({ err }, 'every-minute job failed'));
  }, 60_000);
  minute.unref();
  return () => {
    stopped = true;
    clearTimeout(timer);
    clearTimeout(retry);
    clearInterval(minute);
  };
}

/** The next run of a daily job at hh:mm in a time zone, strictly after `now`. */
export function nextRunAt(now: Date, time: string, timeZone: string): Date {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const today = localDate(now, timeZone);
  for (const day of [today, addDays(today, 1), addDays(today, 2)]) {
    const candidate = zonedTime(day, h, m, timeZone);
    if (candidate.getTime() > now.getTime()) return candidate;
  }
  throw new Error('unreachable');
}

/** The instant at which the clock in a time zone shows `date hh:mm` (the calendar module's rule). */
export function zonedTime(date: string, h: number, m: number, timeZone: string): Date {
  return zonedInstant(`${date}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`, timeZone);
}
