import { localDay as localDate } from '../../../shared/calendar';
import type { Db } from '../../db/client';
import type { JobLock } from '../../platform/job-lock';
import type { Mailer } from '../../platform/mail';
import type { ScheduledJobs } from '../../platform/scheduler';
import { deliverEmails } from '../notifications/notifications.service';
import type { ChunkOptions } from './reminders.items';
import { runDailyJob, runReminders } from './reminders.job';

export type DailyDeps = {
  db: Db;
  mailer: Mailer;
  publicUrl: string;
  timeZone: string;
  /** Keeps instances from running the day at the same moment (platform/job-lock.ts jobLock). */
  lock?: JobLock;
  chunks?: ChunkOptions;
};

/**
 * One day's run: reminders, then the notification emails (at once and the daily digests). The day
 * counts as done only once all of it has committed; until then any instance may run it again.
 */
export async function dailyRun(d: DailyDeps, now = new Date()) {
  const today = localDate(now, d.timeZone);
  return runDailyJob(
    d.db,
    'reminders',
    today,
    async () => {
      const r = await runReminders(d.db, today, d.chunks);
      const emailed = await deliverEmails(d.db, d.mailer, d.publicUrl, 'immediate');
      const digests = await deliverEmails(d.db, d.mailer, d.publicUrl, 'daily');
      return { ...r, emailed, digests };
    },
    d.lock,
  );
}

/** The jobs the platform scheduler runs: the daily reminders and, each minute, "at once" emails. */
export function reminderJobs(d: DailyDeps): ScheduledJobs {
  return {
    daily: (now) => dailyRun(d, now),
    everyMinute: () => deliverEmails(d.db, d.mailer, d.publicUrl, 'immediate'),
  };
}
