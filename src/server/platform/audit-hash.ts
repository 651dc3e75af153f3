import { createHash } from 'node:crypto';

// Pure: the canonical form of an audit event and its chained hash. Used when writing and by
// `npm run audit:verify`, so both always agree.
export const GENESIS_HASH = '0'.repeat(64);

export type AuditRecord = {
  seq: number;
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

export function auditHash(r: AuditRecord): string {
  const payload = JSON.stringify([
    r.seq,
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
  ]);
  return createHash('sha256').update(payload).digest('hex');
}

export type ChainProblem = { seq: number; kind: 'missing' | 'altered' | 'broken-link'; message: string };

/** Checks events in ascending seq order, continuing from the previous batch's last event. */
export function checkChain(
  events: (AuditRecord & { hash: string })[],
  previous: { seq: number; hash: string },
): ChainProblem | null {
  let prev = previous;
  for (const e of events) {
    if (e.seq !== prev.seq + 1) {
      return {
        seq: prev.seq + 1,
        kind: 'missing',
        message: `event ${prev.seq + 1} is missing (next present is ${e.seq})`,
      };
    }
    if (e.prevHash !== prev.hash) {
      return {
        seq: e.seq,
        kind: 'broken-link',
        message: `event ${e.seq} does not link to event ${prev.seq}`,
      };
    }
    if (auditHash(e) !== e.hash) {
      return { seq: e.seq, kind: 'altered', message: `event ${e.seq} was altered (its hash does not match)` };
    }
    prev = { seq: e.seq, hash: e.hash };
  }
  return null;
}
