import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { AuditEvent, AuditQuery } from '../../../shared/contracts/audit';
import type { DbOrTx } from '../../db/client';
import { pagination } from '../../db/query-helpers';
import { auditEvents, orgs } from '../../db/schema';
import { sqlDay } from '../../platform/calendar';

const NO_ORG = '00000000-0000-0000-0000-000000000000';

/** A page of the log, newest first; `orgIds` limits it to those bodies' events (null: all). */
export async function listAuditEvents(db: DbOrTx, orgIds: string[] | null, q: AuditQuery) {
  const where: SQL[] = [];
  if (orgIds) where.push(inArray(auditEvents.orgId, orgIds));
  if (q.actor) where.push(eq(auditEvents.actorEmail, q.actor.toLowerCase()));
  if (q.action) where.push(eq(auditEvents.action, q.action));
  if (q.entityType) where.push(eq(auditEvents.entityType, q.entityType));
  // From and to are calendar days of the configured zone, both included.
  const day = sqlDay(sql`${auditEvents.at}`);
  if (q.from) where.push(sql`${day} >= ${q.from}::date`);
  if (q.to) where.push(sql`${day} <= ${q.to}::date`);
  if (q.org) {
    const [org] = await db.select({ id: orgs.id }).from(orgs).where(eq(orgs.code, q.org)).limit(1);
    where.push(eq(auditEvents.orgId, org?.id ?? NO_ORG));
  }
  const cond = where.length ? and(...where) : undefined;
  const [rows, total] = await Promise.all([
    db
      .select({ e: auditEvents, orgCode: orgs.code })
      .from(auditEvents)
      .leftJoin(orgs, eq(orgs.id, auditEvents.orgId))
      .where(cond)
      .orderBy(desc(auditEvents.seq))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.$count(auditEvents, cond),
  ]);
  const data: AuditEvent[] = rows.map(({ e, orgCode }) => ({
    seq: e.seq,
    chainSeq: e.chainSeq,
    at: e.at.toISOString(),
    actorId: e.actorId,
    actorEmail: e.actorEmail,
    orgId: e.orgId,
    orgCode: orgCode ?? null,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    summary: e.summary,
    requestId: e.requestId,
    ip: e.ip,
  }));
  return { data, pagination: pagination(q, total) };
}
