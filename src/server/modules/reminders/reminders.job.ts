import { and, eq, inArray, lte, notInArray, sql } from 'drizzle-orm';
import { addDays } from '../../../shared/calendar';
import type { DailyJob } from '../../../shared/contracts/audit';
import type { Role } from '../../../shared/contracts/common';
import type { TextKey } from '../../../shared/texts';
import { inBoth } from '../../../shared/texts';
import type { Db, DbOrTx } from '../../db/client';
import { actionItems, followUpObligations, jobRuns, mentorships, orgs, reminderLog } from '../../db/schema';
import { recordAudit } from '../../platform/audit';
import { type Notice, notify, usersWithRole } from '../notifications/notifications.service';
import { claimReminder } from './reminders.claims';
import { runPracticeReminders } from './reminders.practices';
import { type Audience, audiences, type ReminderRule, reachedRules, rulesToSend } from './reminders.rules';

const SYSTEM = { actorId: null, actorEmail: null, requestId: null, ip: null };

/** The users of each audience for a body. */
async function recipients(
  tx: DbOrTx,
  orgId: string,
  who: Audience[],
  assigneeId: string | null,
): Promise<string[]> {
  const out: string[] = [];
  const roleAt = (role: Role, orgIds: string[]) => usersWithRole(tx, orgIds, [role]);
  for (const a of who) {
    if (a === 'assignee' && assigneeId) out.push(assigneeId);
    if (a === 'body_admin') out.push(...(await roleAt('body_admin', [orgId])));
    if (a === 'leader') out.push(...(await roleAt('leader', [orgId])));
    if (a === 'province_supervisor') {
      const [org] = await tx.select({ provinceCode: orgs.provinceCode }).from(orgs).where(eq(orgs.id, orgId));
      const [province] = org?.provinceCode
        ? await tx.select({ id: orgs.id }).from(orgs).where(eq(orgs.code, org.provinceCode))
        : [];
      out.push(...(await roleAt('province_supervisor', province ? [province.id] : [])));
    }
    if (a === 'host_mentor') {
      const hosts = await tx
        .select({ id: mentorships.hostOrgId })
        .from(mentorships)
        .where(and(eq(mentorships.menteeOrgId, orgId), eq(mentorships.status, 'active')));
      out.push(
        ...(await roleAt(
          'mentor',
          hosts.map((h) => h.id),
        )),
      );
    }
  }
  return out;
}

// Each rule's notice, from the text table (stored in both languages).
const ruleText: Record<ReminderRule, TextKey> = {
  due_7: 'REMINDER_DUE_7',
  due_1: 'REMINDER_DUE_1',
  overdue: 'REMINDER_OVERDUE',
  overdue_14: 'REMINDER_OVERDUE_14',
  overdue_30: 'REMINDER_OVERDUE_30',
};

const itemNotice = (
  rule: ReminderRule,
  item: { title: string; dueDate: string; planId: string },
): Notice => ({
  kind: `reminder.${rule}`,
  title: inBoth(ruleText[rule], { title: item.title, due: item.dueDate }),
  link: `/plans/${item.planId}`,
});

/**
 * The daily reminder run for one calendar day. Every (item, rule) is recorded once in
 * reminder_log under its primary key, in the same transaction as its notifications, so a rule is
 * notified exactly once whatever runs it: two instances at once, a restart, or a catch-up after
 * days of downtime (all rules reached by then are recorded; the assignee gets the most urgent).
 */
export async function runReminders(db: Db, today: string) {
  let sent = 0;
  let missed = 0;
  // Open items whose first reminder day has come.
  const items = await db
    .select({
      id: actionItems.id,
      orgId: actionItems.orgId,
      planId: actionItems.planId,
      title: actionItems.title,
      dueDate: actionItems.dueDate,
      assigneeId: actionItems.assigneeId,
    })
    .from(actionItems)
    .where(
      and(notInArray(actionItems.status, ['done', 'verified']), lte(actionItems.dueDate, addDays(today, 7))),
    );
  const logged = items.length
    ? await db
        .select({ id: reminderLog.subjectId, rule: reminderLog.rule })
        .from(reminderLog)
        .where(
          and(
            eq(reminderLog.subjectType, 'action_item'),
            inArray(
              reminderLog.subjectId,
              items.map((i) => i.id),
            ),
          ),
        )
    : [];
  const seen = new Set(logged.map((l) => `${l.id}|${l.rule}`));
  for (const item of items) {
    const reached = reachedRules(item.dueDate!, today).filter((r) => !seen.has(`${item.id}|${r}`));
    if (!reached.length) continue;
    sent += await db.transaction(async (tx) => {
      const inserted = await tx
        .insert(reminderLog)
        .values(
          reached.map((rule) => ({
            subjectType: 'action_item' as const,
            subjectId: item.id,
            rule,
            runDate: today,
            sent: false,
          })),
        )
        .onConflictDoNothing()
        .returning({ rule: reminderLog.rule });
      const fresh = inserted.map((r) => r.rule as ReminderRule);
      let n = 0;
      for (const rule of rulesToSend(fresh)) {
        const users = await recipients(tx, item.orgId, audiences[rule], item.assigneeId);
        n += await notify(
          tx,
          users,
          itemNotice(rule, { title: item.title, dueDate: item.dueDate!, planId: item.planId }),
        );
        await tx
          .update(reminderLog)
          .set({ sent: true })
          .where(
            and(
              eq(reminderLog.subjectType, 'action_item'),
              eq(reminderLog.subjectId, item.id),
              eq(reminderLog.rule, rule),
            ),
          );
      }
      return n;
    });
  }
  // Follow-up obligations whose day passed without a baseline and an approved plan.
  const overdue = await db
    .select({
      id: followUpObligations.id,
      orgId: followUpObligations.orgId,
      dueDate: followUpObligations.dueDate,
      visitId: followUpObligations.visitId,
      orgName: orgs.name,
    })
    .from(followUpObligations)
    .innerJoin(orgs, eq(orgs.id, followUpObligations.orgId))
    .where(and(eq(followUpObligations.status, 'open'), sql`${followUpObligations.dueDate} < ${today}`));
  for (const o of overdue) {
    await db.transaction(async (tx) => {
      const claimed = await claimReminder(tx, 'obligation', o.id, 'obligation_missed', today);
      await tx
        .update(followUpObligations)
        .set({ status: 'missed' })
        .where(and(eq(followUpObligations.id, o.id), eq(followUpObligations.status, 'open')));
      if (!claimed) return;
      missed += 1;
      const users = await recipients(tx, o.orgId, audiences.obligation_missed, null);
      sent += await notify(tx, users, {
        kind: 'reminder.obligation_missed',
        title: inBoth('REMINDER_OBLIGATION_MISSED', { org: o.orgName, due: o.dueDate }),
        link: `/visits/${o.visitId}`,
      });
    });
  }
  // The replication ledger's reminders: expiring MoU/PKS and unanswered assistance requests.
  const practice = await runPracticeReminders(db, today);
  sent += practice.notifications;
  return {
    items: items.length,
    notifications: sent,
    obligationsMissed: missed,
    agreementsExpiring: practice.agreementsExpiring,
    assistanceWaiting: practice.assistanceWaiting,
  };
}

/**
 * Claims the day's run (one row per job and local day; the instance whose insert succeeds runs
 * it), runs it, and records the outcome. Returns null when another instance already has it.
 */
export async function runDailyJob<T extends Record<string, unknown>>(
  db: Db,
  job: DailyJob,
  today: string,
  work: () => Promise<T>,
) {
  const [claim] = await db.insert(jobRuns).values({ job, runDate: today }).onConflictDoNothing().returning();
  if (!claim) return null;
  const summary = await work();
  await db.transaction(async (tx) => {
    await tx
      .update(jobRuns)
      .set({ finishedAt: new Date(), summary })
      .where(and(eq(jobRuns.job, job), eq(jobRuns.runDate, today)));
    await recordAudit(tx, SYSTEM, { action: `job.${job}`, entityType: 'job', entityId: today, summary });
  });
  return summary;
}
