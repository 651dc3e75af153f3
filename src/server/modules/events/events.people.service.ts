import { and, asc, eq, sql } from 'drizzle-orm';
import type { EventPeople, Participant, ParticipantBody } from '../../../shared/contracts/events';
import { participantTiers } from '../../../shared/contracts/events';
import type { TextKey } from '../../../shared/texts';
import { text } from '../../../shared/texts';
import type { Db, DbOrTx } from '../../db/client';
import { eventInvitations, eventParticipants, events, orgs } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { type AuditContext, recordAudit } from '../../platform/audit';
import type { Actor } from '../../platform/auth/actor';
import type { Mailer } from '../../platform/mail';
import { inOrgScope } from '../orgs/orgs.policy';
import { getOrg } from '../orgs/orgs.service';
import { type CodeKey, checkInCode } from './events.codes';
import { eventIcs } from './events.ics';
import { eventPolicy, registersFor } from './events.policy';
import { invitedOrgIds } from './events.queries';
import { eventAbilities, type LoadedEvent, loadEvent } from './events.service';

const participantColumns = {
  p: eventParticipants,
  orgCode: orgs.code,
  orgName: orgs.name,
  orgProvince: orgs.provinceCode,
  orgType: orgs.type,
  orgIsHost: orgs.isHost,
};
type ParticipantRow = { p: typeof eventParticipants.$inferSelect; orgCode: string; orgName: string };

function presentParticipant(r: ParticipantRow, canManage: boolean): Participant {
  return {
    id: r.p.id,
    org: { code: r.orgCode, name: r.orgName },
    name: r.p.name,
    position: r.p.position,
    tier: r.p.tier,
    email: r.p.email,
    checkedInAt: r.p.checkedInAt?.toISOString() ?? null,
    checkInMethod: r.p.checkInMethod,
    registeredAt: r.p.registeredAt.toISOString(),
    canManage,
  };
}

/** The participants of an event the actor may see: all for the organiser, else those of bodies in scope. */
export async function readParticipants(
  db: DbOrTx,
  actor: Actor,
  loaded: LoadedEvent,
  where?: ReturnType<typeof eq>,
) {
  const rows = await db
    .select(participantColumns)
    .from(eventParticipants)
    .innerJoin(orgs, eq(orgs.id, eventParticipants.orgId))
    .where(and(eq(eventParticipants.eventId, loaded.event.id), where))
    .orderBy(asc(orgs.code), asc(eventParticipants.name));
  const all = eventPolicy.can(actor, 'readAllParticipants', loaded.subject);
  return rows
    .filter(
      (r) =>
        all ||
        inOrgScope(actor, {
          id: r.p.orgId,
          code: r.orgCode,
          type: r.orgType,
          provinceCode: r.orgProvince,
          isHost: r.orgIsHost,
        }),
    )
    .map((r) => presentParticipant(r, all || registersFor(actor, { id: r.p.orgId })));
}

/** Invited bodies, the participants the actor may see, and attendance per body and per tier. */
export async function getEventPeople(db: Db, actor: Actor, id: string): Promise<EventPeople> {
  const loaded = await loadEvent(db, actor, id);
  const participants = await readParticipants(db, actor, loaded);
  const invitedRows = await db
    .select({ code: orgs.code, name: orgs.name, provinceCode: orgs.provinceCode })
    .from(eventInvitations)
    .innerJoin(orgs, eq(orgs.id, eventInvitations.orgId))
    .where(eq(eventInvitations.eventId, id))
    .orderBy(asc(orgs.code));
  // Bodies that registered without an invitation (open events) are listed too.
  const codes = new Map(invitedRows.map((o) => [o.code, o]));
  for (const p of participants)
    if (!codes.has(p.org.code)) codes.set(p.org.code, { ...p.org, provinceCode: null });
  const invited = [...codes.values()].map((o) => {
    const mine = participants.filter((p) => p.org.code === o.code);
    return { ...o, registered: mine.length, attended: mine.filter((p) => p.checkedInAt).length };
  });
  const byTier = participantTiers.map((tier) => {
    const mine = participants.filter((p) => p.tier === tier);
    return { tier, registered: mine.length, attended: mine.filter((p) => p.checkedInAt).length };
  });
  return { data: { invited, participants, byTier } };
}

export type RegistrationDeps = { mailer: Mailer; publicUrl: string; codeKey: CodeKey };

/**
 * Registers one participant for the actor's body: only the body's own admin (a body registers
 * only its own people), for an invited body or an open event, within the capacity. The participant
 * gets a confirmation email with the check-in code and the event as an .ics file.
 */
export async function registerParticipant(
  db: Db,
  deps: RegistrationDeps,
  actor: Actor,
  ctx: AuditContext,
  id: string,
  input: ParticipantBody,
) {
  const loaded = await loadEvent(db, actor, id);
  const org = await getOrg(db, input.orgCode);
  if (!registersFor(actor, org)) throw new AppError(inOrgScope(actor, org) ? 'FORBIDDEN' : 'NOT_FOUND');
  const abilities = await eventAbilities(db, actor, loaded);
  if (loaded.event.status === 'cancelled') throw new AppError('EVENT_CANCELLED');
  if (
    !abilities.registerFor.some((o) => o.code === org.code) &&
    !(await mayRegisterAsAdmin(db, actor, loaded, org.id))
  )
    throw new AppError('EVENT_NOT_INVITED');
  const email = input.email.trim().toLowerCase();
  const participant = await db.transaction(async (tx) => {
    // The event row's lock serialises registrations, so two admins cannot both take the last place.
    const [e] = await tx
      .select({ capacity: events.capacity })
      .from(events)
      .where(eq(events.id, id))
      .for('update');
    const taken = await tx.$count(eventParticipants, eq(eventParticipants.eventId, id));
    if (e!.capacity !== null && taken >= e!.capacity) throw new AppError('EVENT_FULL');
    const [dup] = await tx
      .select({ id: eventParticipants.id })
      .from(eventParticipants)
      .where(and(eq(eventParticipants.eventId, id), eq(eventParticipants.email, email)));
    if (dup) {
      throw new AppError('VALIDATION_FAILED', {
        issues: [{ field: 'body.email', message: 'EVENT_EMAIL_REGISTERED' satisfies TextKey }],
      });
    }
    const [row] = await tx
      .insert(eventParticipants)
      .values({
        eventId: id,
        orgId: org.id,
        name: input.name,
        position: input.position ?? '',
        tier: input.tier,
        email,
        registeredBy: actor.userId,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'event.participant_registered',
      entityType: 'event',
      entityId: id,
      orgId: org.id,
      summary: { participant: row!.id, org: org.code, tier: input.tier },
    });
    return row!;
  });
  const link = `${deps.publicUrl}/events/${id}`;
  const e = loaded.event;
  const params = {
    name: participant.name,
    title: e.title,
    organiser: e.organiser.name,
    when: `${e.startsLocal.replace('T', ' ')} – ${e.endsLocal.replace('T', ' ')}`,
    zone: e.timeZone,
    place: [e.place, e.onlineUrl].filter(Boolean).join(' · '),
    code: checkInCode(deps.codeKey, id, participant.id),
    link,
  };
  await deps.mailer.send(db, {
    kind: 'event.registered',
    to: participant.email,
    subject: `${text('id', 'MAIL_EVENT_REGISTERED_SUBJECT', params)} / ${text('en', 'MAIL_EVENT_REGISTERED_SUBJECT', params)}`,
    text: `${text('id', 'MAIL_EVENT_REGISTERED_BODY', params)}\n\n---\n\n${text('en', 'MAIL_EVENT_REGISTERED_BODY', params)}`,
    attachments: [
      { filename: 'kegiatan.ics', content: eventIcs(e, link), contentType: 'text/calendar; charset=utf-8' },
    ],
  });
  return presentParticipant({ p: participant, orgCode: org.code, orgName: org.name }, true);
}

/** A platform admin may register for any invited body (the secretariat helps bodies without an admin). */
async function mayRegisterAsAdmin(db: DbOrTx, actor: Actor, loaded: LoadedEvent, orgId: string) {
  if (!actor.memberships.some((m) => m.role === 'platform_admin')) return false;
  if (loaded.event.visibility === 'open') return true;
  return (await invitedOrgIds(db, loaded.event.id, [orgId])).length > 0;
}

/** Removes a registration: the body's own admin, or the organiser. Never after check-in. */
export async function removeParticipant(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  id: string,
  participantId: string,
) {
  const loaded = await loadEvent(db, actor, id);
  const [p] = await readParticipants(db, actor, loaded, eq(eventParticipants.id, participantId));
  if (!p) throw new AppError('NOT_FOUND');
  if (!p.canManage) throw new AppError('FORBIDDEN');
  await db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(eventParticipants)
      .where(and(eq(eventParticipants.id, participantId), sql`${eventParticipants.checkedInAt} is null`))
      .returning({ orgId: eventParticipants.orgId });
    if (!gone) throw new AppError('CONFLICT');
    await recordAudit(tx, ctx, {
      action: 'event.participant_removed',
      entityType: 'event',
      entityId: id,
      orgId: gone.orgId,
      summary: { participant: participantId, org: p.org.code },
    });
  });
}
