import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  type AuditRecord,
  auditHash,
  CHAIN_START,
  type ChainedRecord,
  checkChain,
  GENESIS_HASH,
  type HashVersion,
} from './audit-hash';

const key = Buffer.alloc(32, 7);

/** n events; the first `legacy` of them hashed as before the key existed (version 1). */
function chain(n: number, legacy = 0, withKey = key) {
  const events: ChainedRecord[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const r: AuditRecord = {
      seq: seq * 3, // ids may have gaps; the chain position may not
      chainSeq: seq,
      at: new Date(Date.UTC(2026, 0, seq)).toISOString(),
      actorId: null,
      actorEmail: `a${seq}@x.test`,
      orgId: null,
      action: 'test.action',
      entityType: 'thing',
      entityId: String(seq),
      summary: { b: seq, a: { z: 1, y: [1, 2] } },
      requestId: null,
      ip: '127.0.0.1',
      prevHash: prev,
    };
    const hashVersion: HashVersion = seq <= legacy ? 1 : 2;
    const hash = auditHash(r, hashVersion, withKey);
    events.push({ ...r, hash, hashVersion });
    prev = hash;
  }
  return events;
}

describe('audit hash chain', () => {
  it('accepts an intact chain, legacy events followed by keyed ones, and counts them', () => {
    expect(checkChain(chain(5, 2), CHAIN_START, key)).toMatchObject({ good: 5, problem: null });
  });

  it('keeps verifying events hashed before the key existed (version 1 = the first release)', () => {
    const [e] = chain(1, 1);
    // The first release's formula: sha256 of [seq, at, …, prevHash] with seq the chain position.
    const first = createHash('sha256')
      .update(
        JSON.stringify([
          1,
          e!.at,
          null,
          'a1@x.test',
          null,
          'test.action',
          'thing',
          '1',
          { a: { y: [1, 2], z: 1 }, b: 1 },
          null,
          '127.0.0.1',
          GENESIS_HASH,
        ]),
      )
      .digest('hex');
    expect(e!.hash).toBe(first);
  });

  it('does not depend on the key order of the summary (jsonb reorders keys)', () => {
    const [e] = chain(1);
    const reordered = { ...e!, summary: { a: { y: [1, 2], z: 1 }, b: 1 } };
    expect(auditHash(reordered, 2, key)).toBe(e!.hash);
  });

  it('reports the first altered event and how many before it were good', () => {
    const events = chain(5);
    events[2] = { ...events[2]!, actorEmail: 'mallory@x.test' };
    expect(checkChain(events, CHAIN_START, key)).toMatchObject({
      good: 2,
      problem: { seq: 3, kind: 'altered' },
    });
  });

  it('reports a missing event', () => {
    const events = chain(5);
    events.splice(1, 1);
    expect(checkChain(events, CHAIN_START, key)).toMatchObject({
      good: 1,
      problem: { seq: 2, kind: 'missing' },
    });
  });

  it('reports a chain recomputed without the key', () => {
    const forged = chain(4, 0, Buffer.alloc(32, 9));
    expect(checkChain(forged, CHAIN_START, key)).toMatchObject({
      good: 0,
      problem: { seq: 1, kind: 'altered' },
    });
  });

  it('refuses an unkeyed event after keyed ones (a forged append hashed the old way)', () => {
    const events = chain(3, 1);
    const last = events[2]!;
    events[2] = { ...last, hash: auditHash(last, 1, null), hashVersion: 1 };
    expect(checkChain(events, CHAIN_START, key)).toMatchObject({ good: 2, problem: { kind: 'downgraded' } });
  });

  it('reports a re-hashed event that no longer links to its predecessor', () => {
    const events = chain(4);
    const forged = { ...events[1]!, action: 'forged', prevHash: 'f'.repeat(64) };
    events[1] = { ...forged, hash: auditHash(forged, 2, key) };
    expect(checkChain(events, CHAIN_START, key)).toMatchObject({ problem: { seq: 2, kind: 'broken-link' } });
  });

  it('reports an event that differs from its signed anchor', () => {
    const events = chain(3);
    const anchored = new Map([[2, 'a'.repeat(64)]]);
    expect(checkChain(events, CHAIN_START, key, anchored)).toMatchObject({
      good: 1,
      problem: { seq: 2, kind: 'anchor-mismatch' },
    });
  });
});
