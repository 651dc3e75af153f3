import type { FastifyBaseLogger } from 'fastify';
import { localDay as localDate } from '../../shared/calendar';
import type { Db } from '../db/client';
import { deliverEmails } from '../modules/notifications/notifications.service';
import { runDailyJob, runReminders } from '../modules/reminders/reminder-job';
import { nextRunAt, zonedTime } from '../modules/reminders/reminder-rules';
import type { Mailer } from './mail';

export type SchedulerDeps = {
  db: Db;
  mailer: Mailer;
  log: FastifyBaseLogger;
  publicUrl: string;
  time: string;
  timeZone: string;
};

/** One day's run: reminders, then the notification emails (at once and the daily digests). */
export async function dailyRun(d: SchedulerDeps, now = new Date()) {
  const today = localDate(now, d.timeZone);
  return runDailyJob(d.db, 'reminders', today, async () => {
    const r = await runReminders(d.db, today);
    const emailed = await deliverEmails(d.db, d.mailer, d.publicUrl, 'immediate');
    const digests = await deliverEmails(d.db, d.mailer, d.publicUrl, 'daily');
    return { ...r, emailed, digests };
  });
}

/**
 * Runs the daily job at its time, catching up at start-up when today's time has passed without a
 * run (e.g. after downtime), and sends "at once" notification emails every minute. Returns a
 * function that stops the timers.
 */
export function startScheduler(d: SchedulerDeps): () => void {
  let timer: NodeJS.Timeout | undefined;
  const run = (label: string) =>
    dailyRun(d)
      .then((summary) => summary && d.log.info({ job: 'reminders', label, summary }, 'daily reminders done'))
      .catch((err) => d.log.error({ err }, 'daily reminders failed'));
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
  const mail = setInterval(() => {
    deliverEmails(d.db, d.mailer, d.publicUrl, 'immediate').catch((err) =>
      d.log.error({ err }, 'notification emails failed'),
    );
  }, 60_000);
  mail.unref();
  return () => {
    clearTimeout(timer);
    clearInterval(mail);
  };
}
