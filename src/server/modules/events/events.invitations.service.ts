import { eq, inArray, or } from 'drizzle-orm';
import type { InvitationBody } from '../../../shared/contracts/events';
import type { TextKey } from '../../../shared/texts';
import { inBoth } from '../../../shared/texts';
import type { Db } from '../../db/client';
import { eventInvitations, orgs, programmeMembers } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { type AuditContext, recordAudit } from '../../platform/audit';
import type { Actor } from '../../platform/auth/actor';
import { notify, usersWithRole } from '../notifications/notifications.service';
import { mayInvite } from './events.policy';
import { loadEventFor } from './events.service';

const orgRow = { id: orgs.id, code: orgs.code, name: orgs.name, provinceCode: orgs.provinceCode };

/**
 * Invites bodies by programme, province and/or list. A province supervisor invites only its own
 * province's bodies: an explicit body outside is refused, a programme or province choice is
 * narrowed to them. Newly invited bodies' admins are notified.
 */
export async function inviteBodies(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  id: string,
  input: InvitationBody,
) {
  const { event, organiser } = await loadEventFor(db, actor, id, 'invite');
  const listed = input.orgCodes?.length
    ? await db.select(orgRow).from(orgs).where(inArray(orgs.code, input.orgCodes))
    : [];
  const unknown = (input.orgCodes ?? []).filter((c) => !listed.some((o) => o.code === c));
  if (unknown.length) throw new AppError('NOT_FOUND');
  const outside = listed.filter((o) => !mayInvite(actor, organiser, o));
  if (outside.length) {
    throw new AppError('VALIDATION_FAILED', {
      issues: outside.map((o) => ({
        field: 'body.orgCodes',
        message: 'EVENT_INVITE_OUTSIDE_PROVINCE' satisfies TextKey,
        params: { code: o.code },
      })),
    });
  }
  const groups = [];
  if (input.programmeId) {
    groups.push(
      ...(await db
        .select(orgRow)
        .from(programmeMembers)
        .innerJoin(orgs, eq(orgs.id, programmeMembers.orgId))
        .where(eq(programmeMembers.programmeId, input.programmeId))),
    );
  }
  if (input.provinceCode) {
    groups.push(
      ...(await db
        .select(orgRow)
        .from(orgs)
        .where(or(eq(orgs.provinceCode, input.provinceCode), eq(orgs.code, input.provinceCode)))),
    );
  }
  const chosen = [...listed, ...groups.filter((o) => mayInvite(actor, organiser, o))];
  const ids = [...new Set(chosen.map((o) => o.id))];
  return db.transaction(async (tx) => {
    const added = ids.length
      ? await tx
          .insert(eventInvitations)
          .values(ids.map((orgId) => ({ eventId: id, orgId })))
          .onConflictDoNothing()
          .returning({ orgId: eventInvitations.orgId })
      : [];
    if (added.length) {
      const addedIds = added.map((a) => a.orgId);
      await notify(tx, await usersWithRole(tx, addedIds, ['body_admin']), {
        kind: 'event.invited',
        title: inBoth('NOTICE_EVENT_INVITED', {
          title: event.title,
          when: event.startsLocal.replace('T', ' '),
        }),
        link: `/events/${id}`,
      });
      await recordAudit(tx, ctx, {
        action: 'event.invited',
        entityType: 'event',
        entityId: id,
        orgId: organiser.id,
        summary: { orgs: chosen.filter((o) => addedIds.includes(o.id)).map((o) => o.code) },
      });
    }
    const invited = await tx.$count(eventInvitations, eq(eventInvitations.eventId, id));
    return { added: added.length, invited };
  });
}
