import { createHash, createHmac } from 'node:crypto';

// Pure: the canonical form of an audit event and its chained hash. Used by the chainer and by
// `npm run audit:verify`, so both always agree.
export const GENESIS_HASH = '0'.repeat(64);

/**
 * How an event's hash was computed. 1: sha256 of the event and the previous hash (events written
 * before the platform key existed; anyone can recompute them). 2: HMAC-SHA256 with the platform
 * key (AUDIT_KEY or DATA_DIR/audit.key), so a chain recomputed without the key does not verify.
 * Once a version-2 event exists, no later event may be version 1 (no downgrade).
 */
export type HashVersion = 1 | 2;
export const CURRENT_HASH_VERSION: HashVersion = 2;

export type AuditRecord = {
  /** The event's id (insert order; rolled-back writes leave gaps, which is fine). */
  seq: number;
  /** The event's position in the chain: gapless, assigned by the chainer. */
  chainSeq: number;
  at: string; // ISO 8601
  actorId: string | null;
  actorEmail: string | null;
  orgId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  summary: unknown;
  requestId: string | null;
  ip: string | null;
  prevHash: string;
};

export type ChainedRecord = AuditRecord & { hash: string; hashVersion: HashVersion };

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as Record<string, unknown>)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

function fields(r: AuditRecord) {
  return [
    r.at,
    r.actorId,
    r.actorEmail,
    r.orgId,
    r.action,
    r.entityType,
    r.entityId,
    canonical(r.summary),
    r.requestId,
    r.ip,
    r.prevHash,
  ];
}

/** The hash of an event as it was computed in its version; version 2 needs the key. */
export function auditHash(r: AuditRecord, version: HashVersion, key: Buffer | null): string {
  if (version === 1) {
    // Unchanged from the first release: the chain position was the event's only number.
    return createHash('sha256')
      .update(JSON.stringify([r.chainSeq, ...fields(r)]))
      .digest('hex');
  }
  if (!key) throw new Error('the audit key is needed for version-2 hashes');
  return createHmac('sha256', key)
    .update(JSON.stringify([2, r.chainSeq, r.seq, ...fields(r)]))
    .digest('hex');
}

/** A short public name of the key (not the key): anchors carry it so a wrong key is named. */
export function auditKeyId(key: Buffer): string {
  return createHash('sha256').update('audit-key-id:').update(key).digest('hex').slice(0, 16);
}

export type ChainProblemKind =
  | 'missing'
  | 'altered'
  | 'broken-link'
  | 'downgraded'
  | 'anchor-mismatch'
  | 'truncated'
  | 'bad-anchor';
export type ChainProblem = { seq: number; kind: ChainProblemKind; message: string };
export type ChainPosition = { chainSeq: number; hash: string; version: HashVersion | 0 };
export const CHAIN_START: ChainPosition = { chainSeq: 0, hash: GENESIS_HASH, version: 0 };

/**
 * Checks events in ascending chain order, continuing from the previous batch's last event, and
 * against the anchors' recorded hashes (chainSeq → hash). `good` counts the events that passed
 * before the first problem, so a report can say how many were intact.
 */
export function checkChain(
  events: ChainedRecord[],
  previous: ChainPosition,
  key: Buffer | null,
  anchored: ReadonlyMap<number, string> = new Map(),
): { good: number; last: ChainPosition; problem: ChainProblem | null } {
  let prev = previous;
  let good = 0;
  const fail = (problem: ChainProblem) => ({ good, last: prev, problem });
  for (const e of events) {
    const n = e.chainSeq;
    if (n !== prev.chainSeq + 1) {
      return fail({
        seq: prev.chainSeq + 1,
        kind: 'missing',
        message: `event ${prev.chainSeq + 1} of the chain is missing (next present is ${n})`,
      });
    }
    if (e.prevHash !== prev.hash) {
      return fail({
        seq: n,
        kind: 'broken-link',
        message: `event ${n} does not link to event ${prev.chainSeq}`,
      });
    }
    if (e.hashVersion < prev.version) {
      return fail({
        seq: n,
        kind: 'downgraded',
        message: `event ${n} carries an unkeyed hash after keyed events (forged or re-hashed)`,
      });
    }
    if (e.hashVersion === 2 && !key) {
      return fail({
        seq: n,
        kind: 'altered',
        message: `event ${n} is keyed, but no audit key is configured`,
      });
    }
    if (auditHash(e, e.hashVersion, key) !== e.hash) {
      return fail({
        seq: n,
        kind: 'altered',
        message: `event ${n} was altered or forged (its hash does not match)`,
      });
    }
    const anchoredHash = anchored.get(n);
    if (anchoredHash !== undefined && anchoredHash !== e.hash) {
      return fail({
        seq: n,
        kind: 'anchor-mismatch',
        message: `event ${n} differs from the signed anchor (the chain was recomputed or replaced)`,
      });
    }
    prev = { chainSeq: n, hash: e.hash, version: e.hashVersion };
    good += 1;
  }
  return { good, last: prev, problem: null };
}
