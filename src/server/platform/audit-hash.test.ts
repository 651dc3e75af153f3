import { describe, expect, it } from 'vitest';
import { type AuditRecord, auditHash, checkChain, GENESIS_HASH } from './audit-hash';

function chain(n: number) {
  const events: (AuditRecord & { hash: string })[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const r: AuditRecord = {
      seq,
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
    const hash = auditHash(r);
    events.push({ ...r, hash });
    prev = hash;
  }
  return events;
}

describe('audit hash chain', () => {
  it('accepts an intact chain', () => {
    expect(checkChain(chain(5), { seq: 0, hash: GENESIS_HASH })).toBeNull();
  });

  it('does not depend on the key order of the summary (jsonb reorders keys)', () => {
    const [e] = chain(1);
    const reordered = { ...e!, summary: { a: { y: [1, 2], z: 1 }, b: 1 } };
    expect(auditHash(reordered)).toBe(e!.hash);
  });

  it('reports the first altered event', () => {
    const events = chain(5);
    events[2] = { ...events[2]!, actorEmail: 'mallory@x.test' };
    expect(checkChain(events, { seq: 0, hash: GENESIS_HASH })).toMatchObject({ seq: 3, kind: 'altered' });
  });

  it('reports a missing event', () => {
    const events = chain(5);
    events.splice(1, 1);
    expect(checkChain(events, { seq: 0, hash: GENESIS_HASH })).toMatchObject({ seq: 2, kind: 'missing' });
  });

  it('reports a re-hashed event that no longer links to its predecessor', () => {
    const events = chain(4);
    const forged = { ...events[1]!, action: 'forged', prevHash: 'f'.repeat(64) };
    events[1] = { ...forged, hash: auditHash(forged) };
    expect(checkChain(events, { seq: 0, hash: GENESIS_HASH })).toMatchObject({ seq: 2, kind: 'broken-link' });
  });
});
