import { and, count, desc, eq, inArray, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AssistanceStatus } from '../../../shared/contracts/assistance';
import type { DbOrTx } from '../../db/client';
import { pagination } from '../../db/query-helpers';
import { assistanceRequests, orgs, practices, users } from '../../db/schema';
import type { Actor } from '../../platform/auth/actor';
import { scopeSql } from '../../platform/auth/scope-sql';
import { assistancePolicy } from './practices.policy';

const requester = alias(orgs, 'requester');
const host = alias(orgs, 'host');

/**
 * Requests the actor may see, as SQL: a body its own; a host's mentors and admin those sent to
 * it; a province supervisor those of its province's bodies; national roles all (null).
 */
export function assistanceScope(actor: Actor): SQL | null {
  return scopeSql(actor, (m) => {
    switch (m.role) {
      case 'province_supervisor':
        return [or(eq(requester.provinceCode, m.orgCode), eq(requester.code, m.orgCode))!];
      case 'mentor':
      case 'body_admin':
        return [or(eq(assistanceRequests.hostOrgId, m.orgId), eq(assistanceRequests.orgId, m.orgId))!];
      default:
        return [eq(assistanceRequests.orgId, m.orgId)];
    }
  });
}

const mentor = alias(users, 'mentor');

function baseQuery(db: DbOrTx) {
  return db
    .select({
      r: assistanceRequests,
      org: {
        id: requester.id,
        code: requester.code,
        name: requester.name,
        type: requester.type,
        provinceCode: requester.provinceCode,
        isHost: requester.isHost,
      },
      host: { id: host.id, code: host.code, name: host.name },
      practiceTitle: practices.title,
      mentorName: mentor.name,
    })
    .from(assistanceRequests)
    .innerJoin(requester, eq(requester.id, assistanceRequests.orgId))
    .innerJoin(host, eq(host.id, assistanceRequests.hostOrgId))
    .leftJoin(practices, eq(practices.id, assistanceRequests.practiceId))
    .leftJoin(mentor, eq(mentor.id, assistanceRequests.assignedMentorId));
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];

const hoursBetween = (from: Date, to: Date | null) =>
  to ? Math.round(((to.getTime() - from.getTime()) / 3_600_000) * 10) / 10 : null;

function present(actor: Actor, r: Row) {
  return {
    id: r.r.id,
    org: { code: r.org.code, name: r.org.name },
    host: { code: r.host.code, name: r.host.name },
    practice: r.r.practiceId && r.practiceTitle ? { id: r.r.practiceId, title: r.practiceTitle } : null,
    adoptionId: r.r.adoptionId,
    topic: r.r.topic,
    description: r.r.description,
    status: r.r.status,
    assignedMentor:
      r.r.assignedMentorId && r.mentorName ? { id: r.r.assignedMentorId, name: r.mentorName } : null,
    response: r.r.response,
    createdAt: r.r.createdAt.toISOString(),
    firstResponseAt: r.r.firstResponseAt?.toISOString() ?? null,
    resolvedAt: r.r.resolvedAt?.toISOString() ?? null,
    firstResponseHours: hoursBetween(r.r.createdAt, r.r.firstResponseAt),
    resolutionHours: hoursBetween(r.r.createdAt, r.r.resolvedAt),
    abilities: assistancePolicy.abilities(actor, r),
  };
}

export async function listAssistance(
  db: DbOrTx,
  actor: Actor,
  q: { org?: string; host?: string; status?: AssistanceStatus; page: number; pageSize: number },
) {
  const where: SQL[] = [];
  const scope = assistanceScope(actor);
  if (scope) where.push(scope);
  if (q.org) where.push(eq(requester.code, q.org));
  if (q.host) where.push(eq(host.code, q.host));
  if (q.status) where.push(eq(assistanceRequests.status, q.status));
  const cond = where.length ? and(...where) : undefined;
  const [rows, [total]] = await Promise.all([
    baseQuery(db)
      .where(cond)
      .orderBy(desc(assistanceRequests.createdAt), desc(assistanceRequests.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ n: count() })
      .from(assistanceRequests)
      .innerJoin(requester, eq(requester.id, assistanceRequests.orgId))
      .innerJoin(host, eq(host.id, assistanceRequests.hostOrgId))
      .where(cond),
  ]);
  return { data: rows.map((r) => present(actor, r)), pagination: pagination(q, total?.n ?? 0) };
}

/** One request in the API shape (the caller has already checked that the actor may see it). */
export async function presentAssistance(db: DbOrTx, actor: Actor, id: string) {
  const rows = await baseQuery(db)
    .where(inArray(assistanceRequests.id, [id]))
    .limit(1);
  return rows[0] ? present(actor, rows[0]) : null;
}
