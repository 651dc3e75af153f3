import { and, eq, gte, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import { addDays, localDay as localDate } from '../../../shared/calendar';
import { replicatingStages } from '../../../shared/contracts/adoptions';
import { AGREEMENT_EXPIRY_WARNING_DAYS, ASSISTANCE_WAIT_DAYS } from '../../../shared/contracts/assistance';
import { inBoth } from '../../../shared/texts';
import type { Db } from '../../db/client';
import { adoptions, assistanceRequests, orgs, practices } from '../../db/schema';
import { timeZone } from '../../platform/calendar';
import { notify, usersWithRole } from '../notifications/notifications.service';
import { claimReminder } from './reminders.claims';

// Reminders of the replication ledger, recorded once per subject and rule in reminder_log (in
// the same transaction as the notifications), like the action-item reminders.

/** The rule of an agreement warning names the expiry date, so a renewed MoU is warned about again. */
export const agreementRule = (expiresOn: string) => `agreement_expiry:${expiresOn}`;
export const ASSISTANCE_WAIT_RULE = 'assistance_wait';

/**
 * MoU/PKS expiring within AGREEMENT_EXPIRY_WARNING_DAYS (and not yet expired) of replications
 * still running: the adopting body's admins and the host's mentors are warned once. Assistance
 * requests without a first response after ASSISTANCE_WAIT_DAYS: the host's mentors and admin.
 */
export async function runPracticeReminders(db: Db, today: string, zone = timeZone()) {
  let sent = 0;
  const expiring = await db
    .select({
      id: adoptions.id,
      orgId: adoptions.orgId,
      hostOrgId: adoptions.hostOrgId,
      expiresOn: adoptions.agreementExpiresOn,
      orgName: orgs.name,
      title: practices.title,
    })
    .from(adoptions)
    .innerJoin(orgs, eq(orgs.id, adoptions.orgId))
    .innerJoin(practices, eq(practices.id, adoptions.practiceId))
    .where(
      and(
        inArray(adoptions.stage, [...replicatingStages]),
        isNotNull(adoptions.agreementExpiresOn),
        gte(adoptions.agreementExpiresOn, today),
        lte(adoptions.agreementExpiresOn, addDays(today, AGREEMENT_EXPIRY_WARNING_DAYS)),
      ),
    );
  for (const a of expiring) {
    sent += await db.transaction(async (tx) => {
      if (!(await claimReminder(tx, 'adoption', a.id, agreementRule(a.expiresOn!), today))) return 0;
      const users = [
        ...(await usersWithRole(tx, a.orgId, ['body_admin'])),
        ...(await usersWithRole(tx, a.hostOrgId, ['mentor'])),
      ];
      return notify(tx, users, {
        kind: 'reminder.agreement_expiry',
        title: inBoth('REMINDER_AGREEMENT_EXPIRY', { title: a.title, org: a.orgName, expires: a.expiresOn! }),
        link: `/adoptions/${a.id}`,
      });
    });
  }
  // Requests created on or before this day have waited more than the allowed days today.
  const lastDay = addDays(today, -(ASSISTANCE_WAIT_DAYS + 1));
  const waiting = await db
    .select({
      id: assistanceRequests.id,
      hostOrgId: assistanceRequests.hostOrgId,
      topic: assistanceRequests.topic,
      createdAt: assistanceRequests.createdAt,
      orgName: orgs.name,
    })
    .from(assistanceRequests)
    .innerJoin(orgs, eq(orgs.id, assistanceRequests.orgId))
    .where(
      and(
        isNull(assistanceRequests.firstResponseAt),
        inArray(assistanceRequests.status, ['open', 'in_progress']),
        sql`${assistanceRequests.createdAt} < ${new Date(Date.parse(`${addDays(lastDay, 2)}T00:00:00Z`))}`,
      ),
    );
  for (const r of waiting.filter((w) => localDate(w.createdAt, zone) <= lastDay)) {
    sent += await db.transaction(async (tx) => {
      if (!(await claimReminder(tx, 'assistance', r.id, ASSISTANCE_WAIT_RULE, today))) return 0;
      return notify(tx, await usersWithRole(tx, r.hostOrgId, ['mentor', 'body_admin']), {
        kind: 'reminder.assistance_wait',
        title: inBoth('REMINDER_ASSISTANCE_WAIT', {
          org: r.orgName,
          days: ASSISTANCE_WAIT_DAYS,
          topic: r.topic,
        }),
        link: `/assistance/${r.id}`,
      });
    });
  }
  return { agreementsExpiring: expiring.length, assistanceWaiting: waiting.length, notifications: sent };
}
