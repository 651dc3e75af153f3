import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';
import type { DbOrTx } from '../../db/client';
import { chainAuditEvents, recordAudit, verifyAuditChain } from '../../platform/audit';
import { writeAnchor } from '../../platform/audit-anchor';
import { auditHash, GENESIS_HASH } from '../../platform/audit-hash';

// The chain as the chainer builds it, and what `npm run audit:verify` must catch. Each tampering
// runs inside a transaction that is rolled back, so the cases do not disturb each other.

let t: TestApp;
let key: Buffer;
let anchorDir: string;
let base = 0;
const ctx = { actorId: null, actorEmail: 'chain@x.test', requestId: null, ip: '127.0.0.1' };

class Rollback extends Error {}
async function inRolledBack<T>(work: (tx: DbOrTx) => Promise<T>): Promise<T> {
  let out: T | undefined;
  await t.database.db
    .transaction(async (tx) => {
      out = await work(tx);
      throw new Rollback();
    })
    .catch((err) => {
      if (!(err instanceof Rollback)) throw err;
    });
  return out as T;
}

const verify = (db: DbOrTx, dir: string | null = anchorDir) => verifyAuditChain(db, { key, anchorDir: dir });
const rows = async (db: DbOrTx, q: ReturnType<typeof sql>) =>
  ((await db.execute(q)) as unknown as { rows: Record<string, unknown>[] }).rows;

async function writeEvents(n: number) {
  // Concurrent transactions, each appending one event (as concurrent requests do).
  await Promise.all(
    Array.from({ length: n }, (_, i) =>
      t.database.db.transaction((tx) =>
        recordAudit(tx, ctx, {
          action: 'org.updated',
          entityType: 'org',
          entityId: `e${i}`,
          summary: { name: { from: 'a', to: `e${i}` } },
        }),
      ),
    ),
  );
}

beforeAll(async () => {
  t = await createTestApp();
  key = t.app.auditChain.key;
  anchorDir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-anchors-'));
  // The template database holds a few events already (reference data): chain them first.
  base = (await chainAuditEvents(t.database.db, key)).head?.chainSeq ?? 0;
  await writeEvents(20);
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(anchorDir, { recursive: true, force: true });
});

describe('audit chain', () => {
  it('leaves events unchained until the chainer links them, then links all in one order', async () => {
    const before = await verify(t.database.db);
    expect(before).toMatchObject({ ok: true, pending: 20 });
    const run = await chainAuditEvents(t.database.db, key);
    expect(run.chained).toBe(20);
    const chained = await rows(
      t.database.db,
      sql`select seq, chain_seq, prev_hash, hash from audit_events order by chain_seq`,
    );
    // Gapless positions 1…n in id order, each linking to the one before.
    expect(chained.map((r) => Number(r.chain_seq))).toEqual(chained.map((_, i) => i + 1));
    expect(chained).toHaveLength(base + 20);
    expect(chained.map((r) => Number(r.seq))).toEqual(
      [...chained.map((r) => Number(r.seq))].sort((a, b) => a - b),
    );
    expect(chained[0]!.prev_hash).toBe(GENESIS_HASH);
    for (let i = 1; i < chained.length; i++) expect(chained[i]!.prev_hash).toBe(chained[i - 1]!.hash);
    expect(await verify(t.database.db)).toMatchObject({ ok: true, count: base + 20, pending: 0 });
  });

  it('chains later events onto the head, also when a chainer runs while they are written', async () => {
    await Promise.all([writeEvents(10), chainAuditEvents(t.database.db, key), writeEvents(5)]);
    await t.app.auditChain.flush();
    expect(await verify(t.database.db)).toMatchObject({ ok: true, count: base + 35, pending: 0 });
    writeAnchor(anchorDir, key, (await chainAuditEvents(t.database.db, key)).head!);
    expect(await verify(t.database.db)).toMatchObject({ ok: true, count: base + 35, anchors: 1 });
  });

  it('reports deleted events at the end of the chain against the anchor', async () => {
    const r = await inRolledBack(async (tx) => {
      await tx.execute(sql`delete from audit_events where chain_seq > ${base + 32}`);
      return verify(tx);
    });
    expect(r).toMatchObject({ ok: false, count: base + 32, problem: { kind: 'truncated' } });
    // Without the anchors the same deletion is invisible: that is what anchors are for.
    const blind = await inRolledBack(async (tx) => {
      await tx.execute(sql`delete from audit_events where chain_seq > ${base + 32}`);
      return verify(tx, null);
    });
    expect(blind.ok).toBe(true);
  });

  it('reports a chain recomputed without the key, from the altered event on', async () => {
    const r = await inRolledBack(async (tx) => {
      await tx.execute(
        sql`update audit_events set actor_email = 'mallory@x.test' where chain_seq = ${base + 11}`,
      );
      // Recompute every hash from 11 on as an intruder would: with a key of their own.
      const list = await rows(
        tx,
        sql`select * from audit_events where chain_seq >= ${base + 10} order by chain_seq`,
      );
      let prev = String(list[0]!.hash);
      for (const e of list.slice(1)) {
        const record = {
          seq: Number(e.seq),
          chainSeq: Number(e.chain_seq),
          at: new Date(e.at as string).toISOString(),
          actorId: null,
          actorEmail: e.actor_email as string,
          orgId: null,
          action: e.action as string,
          entityType: e.entity_type as string,
          entityId: e.entity_id as string,
          summary: e.summary,
          requestId: null,
          ip: e.ip as string,
          prevHash: prev,
        };
        prev = auditHash(record, 2, Buffer.alloc(32, 1));
        await tx.execute(sql`update audit_events set prev_hash = ${record.prevHash}, hash = ${prev}
          where seq = ${record.seq}`);
      }
      return verify(tx);
    });
    expect(r).toMatchObject({ ok: false, count: base + 10, problem: { seq: base + 11, kind: 'altered' } });
  });

  it('reports a forged event appended at the end', async () => {
    const r = await inRolledBack(async (tx) => {
      const [head] = await rows(
        tx,
        sql`select chain_seq, hash from audit_events order by chain_seq desc limit 1`,
      );
      const forged = {
        seq: 999_999,
        chainSeq: Number(head!.chain_seq) + 1,
        at: new Date().toISOString(),
        actorId: null,
        actorEmail: 'admin@x.test',
        orgId: null,
        action: 'user.role_granted',
        entityType: 'user',
        entityId: 'x',
        summary: {},
        requestId: null,
        ip: null,
        prevHash: String(head!.hash),
      };
      // Hashed the unkeyed (legacy) way, the only way open to someone without the key.
      await tx.execute(sql`insert into audit_events
        (seq, chain_seq, at, actor_email, action, entity_type, entity_id, summary, prev_hash, hash, hash_version)
        values (${forged.seq}, ${forged.chainSeq}, ${forged.at}, ${forged.actorEmail}, ${forged.action},
          ${forged.entityType}, ${forged.entityId}, '{}'::jsonb, ${forged.prevHash}, ${auditHash(forged, 1, null)}, 1)`);
      return verify(tx);
    });
    expect(r).toMatchObject({ ok: false, count: base + 35, problem: { seq: base + 36, kind: 'downgraded' } });
  });

  it('reports an anchor that was altered, and an event that differs from its anchor', async () => {
    const file = path.join(anchorDir, 'anchors.jsonl');
    const original = fs.readFileSync(file, 'utf8');
    try {
      fs.writeFileSync(file, original.replace(`"chainSeq":${base + 35}`, `"chainSeq":${base + 34}`));
      expect(await verify(t.database.db)).toMatchObject({
        ok: false,
        count: base + 35,
        problem: { kind: 'bad-anchor' },
      });
    } finally {
      fs.writeFileSync(file, original);
    }
    // A chain recomputed by someone who had the key but not the anchors: it verifies on its own,
    // but not against the anchor written before (simulated by an anchor of another hash).
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'll-anchors-'));
    try {
      writeAnchor(elsewhere, key, { chainSeq: base + 20, hash: 'a'.repeat(64) });
      expect(await verify(t.database.db, elsewhere)).toMatchObject({
        ok: false,
        count: base + 19,
        problem: { seq: base + 20, kind: 'anchor-mismatch' },
      });
    } finally {
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('refuses to extend a chain whose head was not written with this key', async () => {
    const other = Buffer.alloc(32, 5);
    await writeEvents(1);
    await expect(chainAuditEvents(t.database.db, other)).rejects.toThrow(/AUDIT_KEY/);
    await chainAuditEvents(t.database.db, key);
    expect(await verify(t.database.db)).toMatchObject({ ok: true, count: base + 36 });
  });
});
