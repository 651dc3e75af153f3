import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { auditKeyId } from './audit-hash';

// The audit chain's key and its anchors, both kept outside the database: whoever can rewrite the
// database can rewrite a hash chain, but without the key cannot forge a keyed hash, and cannot
// make the chain agree with the anchors written before.

/**
 * AUDIT_KEY when set; else the key file, created once (atomically, so instances sharing DATA_DIR
 * agree). With `create: false` (the verifier, which must not invent a key) a missing file is null.
 */
export function loadAuditKey(opts: { auditKey: string | undefined; auditKeyFile: string }): Buffer;
export function loadAuditKey(
  opts: { auditKey: string | undefined; auditKeyFile: string },
  mode: { create: false },
): Buffer | null;
export function loadAuditKey(
  opts: { auditKey: string | undefined; auditKeyFile: string },
  mode: { create: boolean } = { create: true },
): Buffer | null {
  if (opts.auditKey) return parseKey(opts.auditKey);
  try {
    return parseKey(fs.readFileSync(opts.auditKeyFile, 'utf8').trim());
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  if (!mode.create) return null;
  fs.mkdirSync(path.dirname(opts.auditKeyFile), { recursive: true });
  const tmp = `${opts.auditKeyFile}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
  try {
    // link() fails when another process created the file first: then its key wins.
    fs.linkSync(tmp, opts.auditKeyFile);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  return parseKey(fs.readFileSync(opts.auditKeyFile, 'utf8').trim());
}

function parseKey(text: string): Buffer {
  const key =
    /^[0-9a-f]+$/i.test(text) && text.length % 2 === 0
      ? Buffer.from(text, 'hex')
      : Buffer.from(text, 'base64');
  if (key.length < 32) throw new Error('the audit key must have at least 32 bytes');
  return key;
}

/** A signed statement "the chain's event chainSeq had this hash at this time". */
export type Anchor = { chainSeq: number; hash: string; at: string; keyId: string; mac: string };

const ANCHOR_FILE = 'anchors.jsonl';

function anchorMac(key: Buffer, a: Omit<Anchor, 'mac'>): string {
  return createHmac('sha256', key)
    .update(`audit-anchor:1:${a.chainSeq}:${a.hash}:${a.at}:${a.keyId}`)
    .digest('hex');
}

/** Appends one anchor line (O_APPEND: lines from several instances do not interleave). */
export function writeAnchor(
  dir: string,
  key: Buffer,
  head: { chainSeq: number; hash: string },
  at = new Date(),
) {
  fs.mkdirSync(dir, { recursive: true });
  const body = { chainSeq: head.chainSeq, hash: head.hash, at: at.toISOString(), keyId: auditKeyId(key) };
  const line = `${JSON.stringify({ ...body, mac: anchorMac(key, body) })}\n`;
  fs.appendFileSync(path.join(dir, ANCHOR_FILE), line, { mode: 0o640 });
}

export type AnchorReading = {
  /** chainSeq → hash, from the anchors whose signature checks out. */
  anchored: Map<number, string>;
  count: number;
  latest: Anchor | null;
  /** The first line that is not a valid anchor signed with this key (altered, forged, other key). */
  bad: { line: number; reason: string } | null;
};

export function readAnchors(dir: string, key: Buffer): AnchorReading {
  const reading: AnchorReading = { anchored: new Map(), count: 0, latest: null, bad: null };
  let text: string;
  try {
    text = fs.readFileSync(path.join(dir, ANCHOR_FILE), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return reading;
    throw err;
  }
  const keyId = auditKeyId(key);
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    if (!raw) continue;
    const a = parseAnchor(raw);
    const reason = !a
      ? 'not an anchor record'
      : a.keyId !== keyId
        ? `signed with another key (${a.keyId}, this key is ${keyId})`
        : !sameHex(a.mac, anchorMac(key, a))
          ? 'its signature does not match (altered or forged)'
          : null;
    if (reason || !a) {
      reading.bad ??= { line: i + 1, reason: reason ?? 'unreadable' };
      continue;
    }
    const earlier = reading.anchored.get(a.chainSeq);
    if (earlier !== undefined && earlier !== a.hash) {
      reading.bad ??= { line: i + 1, reason: `contradicts an earlier anchor of event ${a.chainSeq}` };
      continue;
    }
    reading.anchored.set(a.chainSeq, a.hash);
    reading.count += 1;
    if (!reading.latest || a.chainSeq >= reading.latest.chainSeq) reading.latest = a;
  }
  return reading;
}

function parseAnchor(raw: string): Anchor | null {
  try {
    const a = JSON.parse(raw) as Record<string, unknown>;
    const ok =
      Number.isSafeInteger(a.chainSeq) &&
      typeof a.hash === 'string' &&
      typeof a.at === 'string' &&
      typeof a.keyId === 'string' &&
      typeof a.mac === 'string';
    return ok ? (a as Anchor) : null;
  } catch {
    return null;
  }
}

function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}
