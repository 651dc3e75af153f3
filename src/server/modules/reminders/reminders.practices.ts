import { and, eq, gte, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import { addDays, localDay as localDate } from '../../../shared/calendar';
import { replicatingStages } from '../../../shared/contracts/adoptions';
import { AGREEMENT_EXPIRY_WARNING_DAYS, ASSISTANCE_WAIT_DAYS } from '../../../shared/contracts/assistance';
import { inBoth } from '../../../shared/texts';
import type { Db } from '../../db/client';
import { adoptions, assistanceRequests, orgs, practices } from '../../db/schema';
import { timeZone } from '../../platform/calendar';
import { notifyAll } from '../notifications/notifications.service';
import type { Directory } from './reminders.audience';
import { claimReminders } from './reminders.claims';

// Reminders of the replication ledger, recorded once per subject and rule in reminder_log (in
// the same transaction as the notifications), like the action-item reminders: one transaction
// per kind, a few statements each (there are hundreds of subjects nationally, not thousands).

/** The rule of an agreement warning names the expiry date, so a renewed MoU is warned about again. */
export const agreementRule = (expiresOn: string) => `agreement_expiry:${expiresOn}`;
export const ASSISTANCE_WAIT_RULE = 'assistance_wait';

/**
 * MoU/PKS expiring within AGREEMENT_EXPIRY_WARNING_DAYS (and not yet expired) of replications
 * still running: the adopting body's admins and the host's mentors are warned once. Assistance
 * requests without a first response after ASSISTANCE_WAIT_DAYS: the host's mentors and admin.
 */
export async function runPracticeReminders(db: Db, today: string, directory: Directory, zone = timeZone()) {
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
  const agreements = await db.transaction(async (tx) => {
    const won = await claimReminders(
      tx,
      'adoption',
      expiring.map((a) => ({ subject_id: a.id, rule: agreementRule(a.expiresOn!) })),
      today,
    );
    return notifyAll(
      tx,
      expiring
        .filter((a) => won.has(`${a.id}|${agreementRule(a.expiresOn!)}`))
        .map((a) => ({
          users: [...directory.holders(a.orgId, 'body_admin'), ...directory.holders(a.hostOrgId, 'mentor')],
          notice: {
            kind: 'reminder.agreement_expiry',
            title: inBoth('REMINDER_AGREEMENT_EXPIRY', {
              title: a.title,
              org: a.orgName,
              expires: a.expiresOn!,
            }),
            link: `/adoptions/${a.id}`,
          },
        })),
    );
  });
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
  const late = waiting.filter((w) => localDate(w.createdAt, zone) <= lastDay);
  const requests = await db.transaction(async (tx) => {
    const won = await claimReminders(
      tx,
      'assistance',
      late.map((r) => ({ subject_id: r.id, rule: ASSISTANCE_WAIT_RULE })),
      today,
    );
    return notifyAll(
      tx,
      late
        .filter((r) => won.has(`${r.id}|${ASSISTANCE_WAIT_RULE}`))
        .map((r) => ({
          users: [
            ...directory.holders(r.hostOrgId, 'mentor'),
            ...directory.holders(r.hostOrgId, 'body_admin'),
          ],
          notice: {
            kind: 'reminder.assistance_wait',
            title: inBoth('REMINDER_ASSISTANCE_WAIT', {
              org: r.orgName,
              days: ASSISTANCE_WAIT_DAYS,
              topic: r.topic,
            }),
            link: `/assistance/${r.id}`,
          },
        })),
    );
  });
  return {
    agreementsExpiring: expiring.length,
    assistanceWaiting: waiting.length,
    notifications: agreements + requests,
  };
}
