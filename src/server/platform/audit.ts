import { asc, count, desc, gt, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type {
  AuditAction,
  AuditEntityTypeOf,
  AuditEventInput,
  AuditSummaryOf,
} from '../../shared/contracts/audit';
import type { Db, DbOrTx, Tx } from '../db/client';
import { rowsOf } from '../db/query-helpers';
import { auditEvents } from '../db/schema';
import { readAnchors } from './audit-anchor';
import {
  auditHash,
  CHAIN_START,
  type ChainedRecord,
  type ChainPosition,
  type ChainProblem,
  CURRENT_HASH_VERSION,
  checkChain,
  type HashVersion,
} from './audit-hash';

export type AuditContext = {
  actorId: string | null;
  actorEmail: string | null;
  requestId: string | null;
  ip: string | null;
};

/** One of the declared events (contracts/audit.ts): an unknown action or payload does not compile. */
export type AuditInput = AuditEventInput;

/**
 * Appends an event inside the caller's transaction, so the event exists iff the change does. No
 * shared lock: concurrent writers only take a number from the sequence. The event is linked into
 * the hash chain after it commits, by the chainer (chainAuditEvents), within about a second.
 */
export async function recordAudit(tx: Tx, ctx: AuditContext, input: AuditInput): Promise<void> {
  await tx.insert(auditEvents).values({
    at: new Date(),
    actorId: ctx.actorId,
    actorEmail: ctx.actorEmail,
    orgId: input.orgId ?? null,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    summary: (input.summary ?? {}) as object,
    requestId: ctx.requestId,
    ip: ctx.ip,
  });
}

/** An event whose summary fields are computed in SQL, from the rows of the statement it joins. */
export type AuditInsert<A extends AuditAction> = {
  action: A;
  entityType: AuditEntityTypeOf<A>;
  entityId: string | null;
  orgId: string | null;
  /** One SQL expression per key of the action's declared summary: no key missing, none extra. */
  summary: { [K in keyof NonNullable<AuditSummaryOf<A>>]-?: SQL };
};

/**
 * recordAudit as a data-modifying CTE: one event per row of `from` (a CTE of the caller's
 * statement), so the event is written in the same round trip as the change and only when the
 * change wrote a row. The hot path (level saves by a whole team) waits on every round trip.
 */
export function auditInsertFrom<A extends AuditAction>(
  ctx: AuditContext,
  input: AuditInsert<A>,
  from: SQL,
): SQL {
  const fields = Object.entries(input.summary as Record<string, SQL>).map(
    ([key, value]) => sql`${key}::text, ${value}`,
  );
  return sql`insert into audit_events
      (at, actor_id, actor_email, org_id, action, entity_type, entity_id, summary, request_id, ip)
    select ${new Date().toISOString()}::timestamptz, ${ctx.actorId}::uuid, ${ctx.actorEmail}::text,
      ${input.orgId}::uuid, ${input.action}::text, ${input.entityType}::text, ${input.entityId}::text,
      jsonb_build_object(${sql.join(fields, sql`, `)}), ${ctx.requestId}::text, ${ctx.ip}::text
    from ${from}`;
}

// Only the chainer takes it; writers never do, so it does not slow them down.
const CHAIN_LOCK = 73_012_024;
const CHAIN_BATCH = 2000;

type EventRow = typeof auditEvents.$inferSelect;

function toRecord(r: EventRow): ChainedRecord {
  return {
    ...r,
    at: r.at.toISOString(),
    chainSeq: r.chainSeq!,
    prevHash: r.prevHash!,
    hash: r.hash!,
    hashVersion: r.hashVersion as HashVersion,
  };
}

async function chainHead(db: DbOrTx): Promise<ChainPosition & { row: EventRow | null }> {
  const [row] = await db
    .select()
    .from(auditEvents)
    .where(isNotNull(auditEvents.chainSeq))
    .orderBy(desc(auditEvents.chainSeq))
    .limit(1);
  if (!row) return { ...CHAIN_START, row: null };
  return { chainSeq: row.chainSeq!, hash: row.hash!, version: row.hashVersion as HashVersion, row };
}

export class AuditKeyMismatch extends Error {}

/**
 * Links the committed, not yet chained events into the chain, in the order of their ids, with
 * keyed hashes. One chainer at a time (an advisory lock inside its transaction): `wait` false lets
 * a background run skip when another instance is at it. Only committed rows are visible to it, so
 * an event still in an open transaction is simply chained on a later run. Returns the head.
 */
export async function chainAuditEvents(
  db: Db,
  key: Buffer,
  opts: { wait?: boolean } = {},
): Promise<{ chained: number; head: { chainSeq: number; hash: string } | null; skipped: boolean }> {
  let chained = 0;
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      if (opts.wait === false) {
        const got = await tx.execute(sql`select pg_try_advisory_xact_lock(${CHAIN_LOCK}) as got`);
        if (!rowsOf(got)[0]?.got) return null;
      } else {
        await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`);
      }
      const head = await chainHead(tx);
      // Never extend a chain whose head this key did not write (another instance's key, or a head
      // forged without the key): that would mix keys and hide the break.
      if (head.row && head.version === 2 && auditHash(toRecord(head.row), 2, key) !== head.hash) {
        throw new AuditKeyMismatch(
          `the audit chain's head (event ${head.chainSeq}) was not written with this AUDIT_KEY: not chaining`,
        );
      }
      const rows = await tx
        .select()
        .from(auditEvents)
        .where(isNull(auditEvents.chainSeq))
        .orderBy(asc(auditEvents.seq))
        .limit(CHAIN_BATCH);
      let prev = { chainSeq: head.chainSeq, hash: head.hash };
      const linked = rows.map((r) => {
        const record = { ...r, at: r.at.toISOString(), chainSeq: prev.chainSeq + 1, prevHash: prev.hash };
        const hash = auditHash(record, CURRENT_HASH_VERSION, key);
        prev = { chainSeq: record.chainSeq, hash };
        return { seq: r.seq, chainSeq: record.chainSeq, prevHash: record.prevHash, hash };
      });
      if (linked.length) {
        await tx.execute(sql`update audit_events a
          set chain_seq = v.c, prev_hash = v.p, hash = v.h, hash_version = ${CURRENT_HASH_VERSION}
          from unnest(${sql.param(linked.map((l) => l.seq))}::bigint[], ${sql.param(linked.map((l) => l.chainSeq))}::bigint[],
                      ${sql.param(linked.map((l) => l.prevHash))}::text[], ${sql.param(linked.map((l) => l.hash))}::text[])
            as v(id, c, p, h)
          where a.seq = v.id`);
      }
      return { count: linked.length, head: prev.chainSeq > 0 ? prev : null };
    });
    if (!batch) return { chained, head: null, skipped: true };
    chained += batch.count;
    if (batch.count < CHAIN_BATCH) return { chained, head: batch.head, skipped: false };
  }
}

export type VerifyResult = {
  ok: boolean;
  /** Events of the chain that verified, in order, before the first problem (all of them when ok). */
  count: number;
  /** Events committed but not yet chained (not covered by the verification). */
  pending: number;
  anchors: number;
  latestAnchor: { chainSeq: number; at: string } | null;
  problem?: ChainProblem;
};

/**
 * Walks the chain in order and checks every link and keyed hash, and that it agrees with the
 * signed anchors: an anchored event that differs means a recomputed chain; an anchor beyond the
 * chain's end means deleted events at the tail; an anchor whose signature fails is reported too.
 */
export async function verifyAuditChain(
  db: DbOrTx,
  opts: { key: Buffer | null; anchorDir?: string | null; batchSize?: number },
): Promise<VerifyResult> {
  // Anchors are signed with the key: without it they cannot be trusted, so they are not read.
  const anchors = opts.anchorDir && opts.key ? readAnchors(opts.anchorDir, opts.key) : null;
  const base = {
    anchors: anchors?.count ?? 0,
    latestAnchor: anchors?.latest ? { chainSeq: anchors.latest.chainSeq, at: anchors.latest.at } : null,
  };
  const [{ pending } = { pending: 0 }] = await db
    .select({ pending: count() })
    .from(auditEvents)
    .where(isNull(auditEvents.chainSeq));
  let previous: ChainPosition = CHAIN_START;
  let good = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.chainSeq, previous.chainSeq))
      .orderBy(asc(auditEvents.chainSeq))
      .limit(opts.batchSize ?? 5000);
    if (rows.length === 0) break;
    const checked = checkChain(rows.map(toRecord), previous, opts.key, anchors?.anchored);
    good += checked.good;
    if (checked.problem) return { ok: false, count: good, pending, ...base, problem: checked.problem };
    previous = checked.last;
  }
  const latest = anchors?.latest;
  if (latest && latest.chainSeq > previous.chainSeq) {
    return {
      ok: false,
      count: good,
      pending,
      ...base,
      problem: {
        seq: previous.chainSeq + 1,
        kind: 'truncated',
        message: `the chain ends at event ${previous.chainSeq}, but the anchor of ${latest.at} records event ${latest.chainSeq}: events were deleted from its end`,
      },
    };
  }
  if (anchors?.bad) {
    return {
      ok: false,
      count: good,
      pending,
      ...base,
      problem: {
        seq: 0,
        kind: 'bad-anchor',
        message: `anchor line ${anchors.bad.line} of ${opts.anchorDir}/anchors.jsonl is invalid: ${anchors.bad.reason}`,
      },
    };
  }
  return { ok: true, count: good, pending, ...base };
}
