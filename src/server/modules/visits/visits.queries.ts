import { and, asc, count, desc, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { VisitListQuery } from '../../../shared/contracts/visits';
import type { DbOrTx } from '../../db/client';
import { escapeLike } from '../../db/query-helpers';
import {
  evidenceFiles,
  followUpObligations,
  mentorships,
  orgs,
  programmes,
  visitDelegates,
  visitFiles,
  visits,
} from '../../db/schema';
import type { Actor } from '../../platform/auth/actor';
import { scopeSql } from '../../platform/auth/scope-sql';
import { findOrgById } from '../orgs/orgs.queries';

const host = alias(orgs, 'host');
const visitor = alias(orgs, 'visitor');

/**
 * Visits the actor may see: those whose host or visitor is within the actor's scope (the same
 * rule as inOrgScope, as SQL). Null means everything (national and platform roles).
 */
export function visitScope(actor: Actor): SQL | null {
  return scopeSql(actor, (m) => {
    const ownVisits = or(eq(visits.hostOrgId, m.orgId), eq(visits.visitorOrgId, m.orgId))!;
    switch (m.role) {
      case 'province_supervisor':
        return [
          or(
            eq(host.provinceCode, m.orgCode),
            eq(visitor.provinceCode, m.orgCode),
            eq(host.code, m.orgCode),
            eq(visitor.code, m.orgCode),
          )!,
        ];
      case 'mentor':
        return actor.mentoredOrgIds.length
          ? [ownVisits, inArray(visits.visitorOrgId, actor.mentoredOrgIds)]
          : [ownVisits];
      default:
        return [ownVisits];
    }
  });
}

/** The grant between a visit's host and visitor (one per pair, shared by their visits). */
const mentorshipOfVisit = and(
  eq(mentorships.hostOrgId, visits.hostOrgId),
  eq(mentorships.menteeOrgId, visits.visitorOrgId),
);

const listColumns = {
  v: visits,
  hostCode: host.code,
  hostName: host.name,
  visitorCode: visitor.code,
  visitorName: visitor.name,
  programmeName: programmes.name,
  obligationId: followUpObligations.id,
  obligationDue: followUpObligations.dueDate,
  obligationStatus: followUpObligations.status,
  mentorAccess: mentorships.status,
};

function baseQuery(db: DbOrTx) {
  return db
    .select(listColumns)
    .from(visits)
    .innerJoin(host, eq(host.id, visits.hostOrgId))
    .innerJoin(visitor, eq(visitor.id, visits.visitorOrgId))
    .leftJoin(programmes, eq(programmes.id, visits.programmeId))
    .leftJoin(followUpObligations, eq(followUpObligations.visitId, visits.id))
    .leftJoin(mentorships, mentorshipOfVisit);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];

function present(
  r: Row,
  delegates: (typeof visitDelegates.$inferSelect)[],
  files: { id: string; name: string; mime: string; size: number }[],
) {
  return {
    id: r.v.id,
    host: { code: r.hostCode, name: r.hostName },
    visitor: { code: r.visitorCode, name: r.visitorName },
    programme: r.v.programmeId && r.programmeName ? { id: r.v.programmeId, name: r.programmeName } : null,
    startDate: r.v.startDate,
    endDate: r.v.endDate,
    frameworkId: r.v.frameworkId,
    indicators: r.v.indicators,
    notes: r.v.notes,
    delegates: delegates.map((d) => ({ id: d.id, name: d.name, position: d.position, role: d.role })),
    files,
    obligation:
      r.obligationId && r.obligationDue && r.obligationStatus
        ? { id: r.obligationId, dueDate: r.obligationDue, status: r.obligationStatus }
        : null,
    mentorAccess: r.mentorAccess,
    isSample: r.v.isSample,
    createdAt: r.v.createdAt.toISOString(),
  };
}

async function withDetails(db: DbOrTx, rows: Row[]) {
  const ids = rows.map((r) => r.v.id);
  const [delegates, files] = ids.length
    ? await Promise.all([
        db
          .select()
          .from(visitDelegates)
          .where(inArray(visitDelegates.visitId, ids))
          .orderBy(asc(visitDelegates.name)),
        db
          .select({
            visitId: visitFiles.visitId,
            id: evidenceFiles.id,
            name: evidenceFiles.name,
            mime: evidenceFiles.mime,
            size: evidenceFiles.size,
          })
          .from(visitFiles)
          .innerJoin(evidenceFiles, eq(evidenceFiles.id, visitFiles.fileId))
          .where(inArray(visitFiles.visitId, ids)),
      ])
    : [[], []];
  return rows.map((r) =>
    present(
      r,
      delegates.filter((d) => d.visitId === r.v.id),
      files.filter((f) => f.visitId === r.v.id).map(({ visitId: _, ...f }) => f),
    ),
  );
}

export async function listVisits(db: DbOrTx, actor: Actor, q: VisitListQuery) {
  const where: SQL[] = [];
  const scope = visitScope(actor);
  if (scope) where.push(scope);
  if (q.org) where.push(or(eq(host.code, q.org), eq(visitor.code, q.org))!);
  if (q.programme) where.push(eq(visits.programmeId, q.programme));
  if (q.access) where.push(eq(mentorships.status, q.access));
  if (q.q) {
    const term = `%${escapeLike(q.q)}%`;
    where.push(or(ilike(host.name, term), ilike(visitor.name, term), ilike(visits.notes, term))!);
  }
  const cond = where.length ? and(...where) : undefined;
  const [rows, [total]] = await Promise.all([
    baseQuery(db)
      .where(cond)
      .orderBy(desc(visits.startDate), desc(visits.createdAt))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ n: count() })
      .from(visits)
      .innerJoin(host, eq(host.id, visits.hostOrgId))
      .innerJoin(visitor, eq(visitor.id, visits.visitorOrgId))
      .leftJoin(mentorships, mentorshipOfVisit)
      .where(cond),
  ]);
  return { rows: await withDetails(db, rows), total: total?.n ?? 0 };
}

/** One visit, if the actor may see it. */
export async function findVisit(db: DbOrTx, actor: Actor, id: string) {
  const scope = visitScope(actor);
  const rows = await baseQuery(db)
    .where(scope ? and(eq(visits.id, id), scope) : eq(visits.id, id))
    .limit(1);
  if (!rows[0]) return null;
  return (await withDetails(db, rows))[0]!;
}

/** The host and visitor of a visit as the policy sees them (the visit is known to exist). */
export async function findVisitParties(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ hostOrgId: visits.hostOrgId, visitorOrgId: visits.visitorOrgId })
    .from(visits)
    .where(eq(visits.id, id));
  const [host, visitor] = await Promise.all([
    findOrgById(db, row!.hostOrgId),
    findOrgById(db, row!.visitorOrgId),
  ]);
  return { host: host!, visitor: visitor! };
}
