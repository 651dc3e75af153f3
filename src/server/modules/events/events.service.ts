import { eq } from 'drizzle-orm';
import { zonedInstant } from '../../../shared/calendar';
import type { AuditChanges } from '../../../shared/contracts/audit';
import type {
  EventAbilities,
  EventBody,
  EventDetail,
  EventListQuery,
} from '../../../shared/contracts/events';
import type { TextKey } from '../../../shared/texts';
import { inBoth } from '../../../shared/texts';
import type { Db, DbOrTx, Tx } from '../../db/client';
import { pagination } from '../../db/query-helpers';
import { eventParticipants, events, programmes } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { type AuditContext, recordAudit } from '../../platform/audit';
import type { Actor } from '../../platform/auth/actor';
import { timeZone } from '../../platform/calendar';
import { notify, usersWithRole } from '../notifications/notifications.service';
import type { OrgRef } from '../orgs/orgs.policy';
import { findOrgById, orgRefs } from '../orgs/orgs.queries';
import { getOrg } from '../orgs/orgs.service';
import { type EventSubject, eventPolicy, organisesFor, registersFor } from './events.policy';
import { findEvent, invitedOrgIds, listEvents } from './events.queries';

export type LoadedEvent = Awaited<ReturnType<typeof loadEvent>>;

/** An event the actor may see (404 otherwise, before any other check) and its policy subject. */
export async function loadEvent(db: DbOrTx, actor: Actor, id: string) {
  const found = await findEvent(db, actor, id);
  if (!found) throw new AppError('NOT_FOUND');
  const organiser = (await findOrgById(db, found.organiserOrgId))!;
  const subject: EventSubject = {
    organiser,
    visibility: found.event.visibility,
    status: found.event.status,
  };
  return { event: found.event, organiser, subject };
}

/** Loads the event and refuses (403) unless the actor may do `action` with it. */
export async function loadEventFor(
  db: DbOrTx,
  actor: Actor,
  id: string,
  action: 'update' | 'cancel' | 'invite' | 'checkIn',
) {
  const loaded = await loadEvent(db, actor, id);
  if (!eventPolicy.can(actor, action, loaded.subject)) {
    throw new AppError(loaded.event.status === 'cancelled' ? 'EVENT_CANCELLED' : 'FORBIDDEN');
  }
  return loaded;
}

/** The bodies whose participants the actor may register here: its own, if invited or the event is open. */
async function registerFor(db: DbOrTx, actor: Actor, loaded: LoadedEvent) {
  if (loaded.event.status !== 'scheduled') return [];
  const own = actor.memberships.filter(
    (m) => m.role === 'body_admin' && registersFor(actor, { id: m.orgId }),
  );
  if (!own.length) return [];
  const allowed =
    loaded.event.visibility === 'open'
      ? own.map((m) => m.orgId)
      : await invitedOrgIds(
          db,
          loaded.event.id,
          own.map((m) => m.orgId),
        );
  return own.filter((m) => allowed.includes(m.orgId)).map((m) => ({ code: m.orgCode, name: m.orgName }));
}

export async function eventAbilities(db: DbOrTx, actor: Actor, loaded: LoadedEvent): Promise<EventAbilities> {
  const { update, cancel, invite, checkIn } = eventPolicy.abilities(actor, loaded.subject);
  return { update, cancel, invite, checkIn, registerFor: await registerFor(db, actor, loaded) };
}

export async function getEvent(db: Db, actor: Actor, id: string): Promise<EventDetail> {
  const loaded = await loadEvent(db, actor, id);
  return { data: loaded.event, abilities: await eventAbilities(db, actor, loaded) };
}

/** The bodies the actor may organise events for (the list's button and the form's choice). */
async function organiseFor(db: DbOrTx, actor: Actor) {
  const ids = [...new Set(actor.memberships.map((m) => m.orgId))];
  if (!ids.length) return [];
  const rows = await orgRefs(db, ids);
  return rows.filter((o) => organisesFor(actor, o)).map((o) => ({ code: o.code, name: o.name }));
}

export async function getEvents(db: Db, actor: Actor, q: EventListQuery) {
  const { rows, total } = await listEvents(db, actor, q);
  return {
    data: rows,
    pagination: pagination(q, total),
    abilities: { organiseFor: await organiseFor(db, actor) },
  };
}

async function checkProgramme(tx: DbOrTx, programmeId: string | null | undefined) {
  if (!programmeId) return;
  const [p] = await tx.select({ id: programmes.id }).from(programmes).where(eq(programmes.id, programmeId));
  if (!p) {
    throw new AppError('VALIDATION_FAILED', {
      issues: [{ field: 'body.programmeId', message: 'EVENT_NO_PROGRAMME' satisfies TextKey }],
    });
  }
}

/** The columns an event body sets; times are read as wall-clock time in the configured zone. */
function columnsOf(input: EventBody) {
  const zone = timeZone();
  return {
    title: input.title,
    type: input.type,
    audience: input.audience,
    programmeId: input.programmeId ?? null,
    place: input.place,
    onlineUrl: input.onlineUrl ?? null,
    startsAt: zonedInstant(input.startsAt, zone),
    endsAt: zonedInstant(input.endsAt, zone),
    agenda: input.agenda,
    capacity: input.capacity ?? null,
    visibility: input.visibility,
  };
}

/** The organising body, checked: 404 unknown, 403 when the actor may not organise for it. */
async function resolveOrganiser(tx: DbOrTx, actor: Actor, code: string): Promise<OrgRef> {
  const organiser = await getOrg(tx, code);
  if (!organisesFor(actor, organiser)) throw new AppError('FORBIDDEN');
  return organiser;
}

export async function createEvent(db: Db, actor: Actor, ctx: AuditContext, input: EventBody) {
  const id = await db.transaction(async (tx) => {
    const organiser = await resolveOrganiser(tx, actor, input.organiserCode);
    await checkProgramme(tx, input.programmeId);
    const [row] = await tx
      .insert(events)
      .values({ ...columnsOf(input), organiserOrgId: organiser.id, createdBy: actor.userId })
      .returning({ id: events.id });
    await recordAudit(tx, ctx, {
      action: 'event.created',
      entityType: 'event',
      entityId: row!.id,
      orgId: organiser.id,
      summary: { title: input.title, type: input.type, organiser: organiser.code, starts: input.startsAt },
    });
    return row!.id;
  });
  return (await loadEvent(db, actor, id)).event;
}

export async function updateEvent(db: Db, actor: Actor, ctx: AuditContext, id: string, input: EventBody) {
  const { organiser } = await loadEventFor(db, actor, id, 'update');
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(events).where(eq(events.id, id)).for('update');
    if (!before) throw new AppError('NOT_FOUND');
    if (input.organiserCode !== organiser.code) {
      // Moving an event to another organiser would move who controls its invitations and attendance.
      throw new AppError('FORBIDDEN');
    }
    await checkProgramme(tx, input.programmeId);
    const next = columnsOf(input);
    if (next.capacity !== null) await checkCapacity(tx, id, next.capacity);
    await tx
      .update(events)
      .set({ ...next, updatedAt: new Date() })
      .where(eq(events.id, id));
    await recordAudit(tx, ctx, {
      action: 'event.updated',
      entityType: 'event',
      entityId: id,
      orgId: organiser.id,
      summary: { changes: changesOf(before, next) },
    });
  });
  return (await loadEvent(db, actor, id)).event;
}

/** A lower capacity than the people already registered would silently overbook the room. */
async function checkCapacity(tx: Tx, id: string, capacity: number) {
  const n = await tx.$count(eventParticipants, eq(eventParticipants.eventId, id));
  if (n > capacity) {
    throw new AppError('VALIDATION_FAILED', {
      issues: [
        {
          field: 'body.capacity',
          message: 'EVENT_CAPACITY_BELOW_REGISTERED' satisfies TextKey,
          params: { n },
        },
      ],
    });
  }
}

function changesOf(before: typeof events.$inferSelect, next: ReturnType<typeof columnsOf>): AuditChanges {
  const out: AuditChanges = {};
  for (const [key, to] of Object.entries(next)) {
    const from = before[key as keyof typeof before];
    const same = from instanceof Date && to instanceof Date ? from.getTime() === to.getTime() : from === to;
    if (!same) out[key] = { from, to };
  }
  return out;
}

/** Cancels an event (kept, with the reason); the invited bodies' admins are told. */
export async function cancelEvent(db: Db, actor: Actor, ctx: AuditContext, id: string, reason: string) {
  const { event, organiser } = await loadEventFor(db, actor, id, 'cancel');
  await db.transaction(async (tx) => {
    await tx
      .update(events)
      .set({ status: 'cancelled', cancelReason: reason, updatedAt: new Date() })
      .where(eq(events.id, id));
    const invited = await invitedOrgIds(tx, id);
    await notify(tx, await usersWithRole(tx, invited, ['body_admin']), {
      kind: 'event.cancelled',
      title: inBoth('NOTICE_EVENT_CANCELLED', { title: event.title }),
      link: `/events/${id}`,
    });
    await recordAudit(tx, ctx, {
      action: 'event.cancelled',
      entityType: 'event',
      entityId: id,
      orgId: organiser.id,
      summary: { title: event.title, reason },
    });
  });
  return getEvent(db, actor, id);
}
