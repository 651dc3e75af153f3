import { and, asc, count, desc, eq, exists, gte, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { localDateTime, zonedInstant } from '../../../shared/calendar';
import type { Event, EventListQuery } from '../../../shared/contracts/events';
import type { DbOrTx } from '../../db/client';
import { escapeLike } from '../../db/query-helpers';
import { eventInvitations, eventParticipants, events, orgs, programmes } from '../../db/schema';
import type { Actor } from '../../platform/auth/actor';
import { scopeSql } from '../../platform/auth/scope-sql';
import { timeZone } from '../../platform/calendar';

const organiser = alias(orgs, 'organiser');
const invitee = alias(orgs, 'invitee');

const invited = (where: SQL) =>
  exists(
    sql`(select 1 from ${eventInvitations} inner join ${orgs} as "invitee" on ${invitee.id} = ${eventInvitations.orgId}
      where ${eventInvitations.eventId} = ${events.id} and ${where})`,
  );

/**
 * Events the actor may see: every open event; a private one only by its organiser's people, the
 * invited bodies' people and the supervisors over them (a province supervisor: events of its
 * province or inviting its bodies — never another province's private events). Null: everything.
 */
export function eventScope(actor: Actor): SQL | null {
  const scope = scopeSql(actor, (m) => {
    const own = [eq(events.organiserOrgId, m.orgId), invited(eq(invitee.id, m.orgId))];
    if (m.role !== 'province_supervisor') return own;
    return [
      ...own,
      eq(organiser.code, m.orgCode),
      eq(organiser.provinceCode, m.orgCode),
      invited(or(eq(invitee.provinceCode, m.orgCode), eq(invitee.code, m.orgCode))!),
    ];
  });
  return scope ? or(eq(events.visibility, 'open'), scope)! : null;
}

const counts = {
  invitedCount: sql<number>`(select count(*)::int from ${eventInvitations} where ${eventInvitations.eventId} = ${events.id})`,
  registeredCount: sql<number>`(select count(*)::int from ${eventParticipants} where ${eventParticipants.eventId} = ${events.id})`,
  attendedCount: sql<number>`(select count(*)::int from ${eventParticipants} where ${eventParticipants.eventId} = ${events.id} and ${eventParticipants.checkedInAt} is not null)`,
};

function baseQuery(db: DbOrTx) {
  return db
    .select({
      e: events,
      organiserCode: organiser.code,
      organiserName: organiser.name,
      programmeName: programmes.name,
      ...counts,
    })
    .from(events)
    .innerJoin(organiser, eq(organiser.id, events.organiserOrgId))
    .leftJoin(programmes, eq(programmes.id, events.programmeId));
}
type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];

export function presentEvent(r: Row): Event {
  const zone = timeZone();
  return {
    id: r.e.id,
    title: r.e.title,
    type: r.e.type,
    audience: r.e.audience,
    organiser: { code: r.organiserCode, name: r.organiserName },
    programme: r.e.programmeId && r.programmeName ? { id: r.e.programmeId, name: r.programmeName } : null,
    place: r.e.place,
    onlineUrl: r.e.onlineUrl,
    startsAt: r.e.startsAt.toISOString(),
    endsAt: r.e.endsAt.toISOString(),
    startsLocal: localDateTime(r.e.startsAt, zone),
    endsLocal: localDateTime(r.e.endsAt, zone),
    timeZone: zone,
    agenda: r.e.agenda,
    capacity: r.e.capacity,
    visibility: r.e.visibility,
    status: r.e.status,
    cancelReason: r.e.cancelReason,
    invitedCount: r.invitedCount,
    registeredCount: r.registeredCount,
    attendedCount: r.attendedCount,
    isSample: r.e.isSample,
    createdAt: r.e.createdAt.toISOString(),
  };
}

const sortColumns = { startsAt: events.startsAt, title: events.title, createdAt: events.createdAt };

export async function listEvents(db: DbOrTx, actor: Actor, q: EventListQuery) {
  const where: SQL[] = [];
  const scope = eventScope(actor);
  if (scope) where.push(scope);
  if (q.type) where.push(eq(events.type, q.type));
  if (q.audience) where.push(eq(events.audience, q.audience));
  if (q.status) where.push(eq(events.status, q.status));
  if (q.programme) where.push(eq(events.programmeId, q.programme));
  if (q.from) where.push(gte(events.endsAt, zonedInstant(`${q.from}T00:00`, timeZone())));
  if (q.q) {
    const term = `%${escapeLike(q.q)}%`;
    where.push(or(ilike(events.title, term), ilike(events.place, term), ilike(organiser.name, term))!);
  }
  const cond = where.length ? and(...where) : undefined;
  const order = q.dir === 'asc' ? asc : desc;
  const [rows, [total]] = await Promise.all([
    baseQuery(db)
      .where(cond)
      .orderBy(order(sortColumns[q.sort]), desc(events.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ n: count() })
      .from(events)
      .innerJoin(organiser, eq(organiser.id, events.organiserOrgId))
      .where(cond),
  ]);
  return { rows: rows.map(presentEvent), total: total?.n ?? 0 };
}

/** One event, if the actor may see it (else null: the API answers 404). */
export async function findEvent(db: DbOrTx, actor: Actor, id: string) {
  const scope = eventScope(actor);
  const [row] = await baseQuery(db)
    .where(scope ? and(eq(events.id, id), scope) : eq(events.id, id))
    .limit(1);
  return row ? { event: presentEvent(row), organiserOrgId: row.e.organiserOrgId } : null;
}

/** The ids of the bodies invited to an event. */
export async function invitedOrgIds(db: DbOrTx, eventId: string, orgIds?: string[]) {
  if (orgIds && !orgIds.length) return [];
  const rows = await db
    .select({ orgId: eventInvitations.orgId })
    .from(eventInvitations)
    .where(
      and(
        eq(eventInvitations.eventId, eventId),
        orgIds ? inArray(eventInvitations.orgId, orgIds) : undefined,
      ),
    );
  return rows.map((r) => r.orgId);
}
