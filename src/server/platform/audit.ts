import { asc, desc, gt, sql } from 'drizzle-orm';
import type { AuditEventInput } from '../../shared/contracts/audit';
import type { DbOrTx, Tx } from '../db/client';
import { auditEvents } from '../db/schema';
import { type AuditRecord, auditHash, type ChainProblem, checkChain, GENESIS_HASH } from './audit-hash';

export type AuditContext = {
  actorId: string | null;
  actorEmail: string | null;
  requestId: string | null;
  ip: string | null;
};

/** One of the declared events (contracts/audit.ts): an unknown action or payload does not compile. */
export type AuditInput = AuditEventInput;

const AUDIT_LOCK = 73_012_023;

/**
 * Takes the audit chain's transaction lock. Audited writes are serialised by it, so work that must
 * see every earlier committed write (the follow-up facts) takes it too: the same lock, never a
 * second one, so the two can never deadlock.
 */
export async function lockAuditChain(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`);
}

/** Appends an event inside the caller's transaction, so the event exists iff the change does. */
export async function recordAudit(tx: Tx, ctx: AuditContext, input: AuditInput): Promise<void> {
  // Serialise appends so that each event links to exactly one predecessor.
  await lockAuditChain(tx);
  const [last] = await tx
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  const record: AuditRecord = {
    seq: (last?.seq ?? 0) + 1,
    at: new Date().toISOString(),
    actorId: ctx.actorId,
    actorEmail: ctx.actorEmail,
    orgId: input.orgId ?? null,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    summary: input.summary ?? {},
    requestId: ctx.requestId,
    ip: ctx.ip,
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  await tx.insert(auditEvents).values({
    ...record,
    at: new Date(record.at),
    summary: record.summary as object,
    hash: auditHash(record),
  });
}

export type VerifyResult = { ok: true; count: number } | { ok: false; count: number; problem: ChainProblem };

export async function verifyAuditChain(db: DbOrTx, batchSize = 5000): Promise<VerifyResult> {
  let previous = { seq: 0, hash: GENESIS_HASH };
  let count = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.seq, previous.seq))
      .orderBy(asc(auditEvents.seq))
      .limit(batchSize);
    if (rows.length === 0) return { ok: true, count };
    const events = rows.map((r) => ({ ...r, at: r.at.toISOString() }));
    const problem = checkChain(events, previous);
    if (problem) return { ok: false, count, problem };
    count += rows.length;
    const lastRow = events[events.length - 1]!;
    previous = { seq: lastRow.seq, hash: lastRow.hash };
  }
}
