import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { DailyJob } from '../../../shared/contracts/audit';
import { inBoth } from '../../../shared/texts';
import type { Db } from '../../db/client';
import { followUpObligations, jobRuns, orgs, reminderLog } from '../../db/schema';
import { recordAudit } from '../../platform/audit';
import { type BUSY, type JobLock, processLock } from '../../platform/job-lock';
import { notifyAll } from '../notifications/notifications.service';
import { type Directory, loadDirectory } from './reminders.audience';
import { type ChunkOptions, runItemReminders } from './reminders.items';
import { runPracticeReminders } from './reminders.practices';
import { audiences } from './reminders.rules';

const SYSTEM = { actorId: null, actorEmail: null, requestId: null, ip: null };
// Without a database lock (tests, callers that pass none) runs in this process still take turns.
const inProcess = processLock();

/**
 * Follow-up obligations whose day passed without a baseline and an approved plan: marked missed
 * and announced, all in one transaction and three statements (there are at most a few hundred).
 * Rows are locked in id order so two runs at once queue instead of deadlocking.
 */
async function runMissedObligations(db: Db, today: string, directory: Directory) {
  return db.transaction(async (tx) => {
    const result = await tx.execute(sql`
      with due as (
        select id from ${followUpObligations} where status = 'open' and due_date < ${today}::date
        order by id for update
      ), missed as (
        update ${followUpObligations} o set status = 'missed' from due where o.id = due.id
        returning o.id, o.org_id, o.visit_id, o.due_date::text as due
      ), claimed as (
        insert into ${reminderLog} (subject_type, subject_id, rule, run_date, sent)
        select 'obligation', id, 'obligation_missed', ${today}::date, true from missed order by id
        on conflict do nothing
        returning subject_id
      )
      select m.id, m.org_id, m.visit_id, m.due, g.name as org_name
      from missed m join claimed c on c.subject_id = m.id join ${orgs} g on g.id = m.org_id`);
    const rows = (
      result as unknown as {
        rows: { id: string; org_id: string; visit_id: string; due: string; org_name: string }[];
      }
    ).rows;
    const notifications = await notifyAll(
      tx,
      rows.map((o) => ({
        users: directory.recipients(o.org_id, audiences.obligation_missed, null),
        notice: {
          kind: 'reminder.obligation_missed',
          title: inBoth('REMINDER_OBLIGATION_MISSED', { org: o.org_name, due: o.due }),
          link: `/visits/${o.visit_id}`,
        },
      })),
    );
    return { missed: rows.length, notifications };
  });
}

/**
 * The daily reminder run for one calendar day. Every (subject, rule) is recorded once in
 * reminder_log under its primary key, in the same transaction as its notifications, so a rule is
 * notified exactly once whatever runs it: two instances at once, a rerun after a crash halfway,
 * or a catch-up after days of downtime (all rules reached by then are recorded; the assignee gets
 * the most urgent).
 */
export async function runReminders(db: Db, today: string, opts: ChunkOptions = {}) {
  const directory = await loadDirectory(db);
  const items = await runItemReminders(db, today, directory, opts);
  const obligations = await runMissedObligations(db, today, directory);
  // The replication ledger's reminders: expiring MoU/PKS and unanswered assistance requests.
  const practice = await runPracticeReminders(db, today, directory);
  return {
    items: items.items,
    reminders: items.reminders,
    notifications: items.notifications + obligations.notifications + practice.notifications,
    obligationsMissed: obligations.missed,
    agreementsExpiring: practice.agreementsExpiring,
    assistanceWaiting: practice.assistanceWaiting,
  };
}

/**
 * Runs a day's job unless it is done: under the job lock (one instance at a time; the others get
 * BUSY and look again later), it records the attempt, does the work and only then, with the work
 * committed, marks the day done and audits it. A run that fails or dies leaves the day unfinished,
 * so the next attempt (the scheduler's retry, another instance, the catch-up at start-up) does it
 * again; the work itself must be safe to repeat. Returns null when the day was already done.
 */
export async function runDailyJob<T extends Record<string, unknown>>(
  db: Db,
  job: DailyJob,
  today: string,
  work: () => Promise<T>,
  lock: JobLock = inProcess,
): Promise<T | null | typeof BUSY> {
  return lock(job, async () => {
    const where = and(eq(jobRuns.job, job), eq(jobRuns.runDate, today));
    const [done] = await db
      .select({ job: jobRuns.job })
      .from(jobRuns)
      .where(and(where, isNotNull(jobRuns.finishedAt)));
    if (done) return null;
    await db
      .insert(jobRuns)
      .values({ job, runDate: today })
      .onConflictDoUpdate({ target: [jobRuns.job, jobRuns.runDate], set: { startedAt: new Date() } });
    const summary = await work();
    return db.transaction(async (tx) => {
      // Finishing is conditional too: should the lock have been lost (its connection dropped)
      // and another run finished first, this one neither overwrites nor audits the day again.
      const [finished] = await tx
        .update(jobRuns)
        .set({ finishedAt: new Date(), summary })
        .where(and(where, sql`${jobRuns.finishedAt} is null`))
        .returning({ job: jobRuns.job });
      if (!finished) return null;
      await recordAudit(tx, SYSTEM, { action: `job.${job}`, entityType: 'job', entityId: today, summary });
      return summary;
    });
  });
}
