import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAuditKey, readAnchors, writeAnchor } from './audit-anchor';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-audit-key-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('audit key', () => {
  it('creates the key file once, private, and reads the same key afterwards', () => {
    const auditKeyFile = path.join(dir, 'data', 'audit.key');
    expect(loadAuditKey({ auditKey: undefined, auditKeyFile }, { create: false })).toBeNull();
    const first = loadAuditKey({ auditKey: undefined, auditKeyFile });
    expect(first).toHaveLength(32);
    expect(fs.statSync(auditKeyFile).mode & 0o777).toBe(0o600);
    expect(loadAuditKey({ auditKey: undefined, auditKeyFile }).equals(first)).toBe(true);
  });

  it('prefers AUDIT_KEY (hex or base64) and refuses short keys', () => {
    const auditKeyFile = path.join(dir, 'unused.key');
    expect(loadAuditKey({ auditKey: 'ab'.repeat(32), auditKeyFile })).toEqual(Buffer.alloc(32, 0xab));
    expect(loadAuditKey({ auditKey: Buffer.alloc(40, 1).toString('base64'), auditKeyFile })).toHaveLength(40);
    expect(() => loadAuditKey({ auditKey: 'abcd', auditKeyFile })).toThrow(/32 bytes/);
    expect(fs.existsSync(auditKeyFile)).toBe(false);
  });
});

describe('anchors', () => {
  const key = Buffer.alloc(32, 3);
  const anchors = path.join(dir, 'anchors');

  it('reads back what was written, and names the first line that is not signed with the key', () => {
    writeAnchor(anchors, key, { chainSeq: 10, hash: 'a'.repeat(64) });
    writeAnchor(anchors, key, { chainSeq: 25, hash: 'b'.repeat(64) });
    expect(readAnchors(anchors, key)).toMatchObject({ count: 2, bad: null, latest: { chainSeq: 25 } });
    writeAnchor(anchors, Buffer.alloc(32, 4), { chainSeq: 30, hash: 'c'.repeat(64) });
    fs.appendFileSync(path.join(anchors, 'anchors.jsonl'), 'not json\n');
    const r = readAnchors(anchors, key);
    expect(r).toMatchObject({ count: 2, latest: { chainSeq: 25 }, bad: { line: 3 } });
    expect(r.bad!.reason).toMatch(/another key/);
  });

  it('reads no anchors where none were written', () => {
    expect(readAnchors(path.join(dir, 'none'), key)).toMatchObject({ count: 0, latest: null, bad: null });
  });
});
