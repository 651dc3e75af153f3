import { describe, expect, it } from 'vitest';
import {
  canonicalBytes,
  ed25519Signer,
  generateSigningKey,
  type SignedRecord,
  signRecord,
  textHash,
  verifyRecord,
} from './commitments.signing';

const record: SignedRecord = {
  signatureId: '0b8f5c1e-1111-4222-8333-444455556666',
  commitmentId: 'c-1',
  textVersion: 2,
  textHash: textHash({ id: 'Kami berkomitmen…', en: 'We commit…' }),
  orgCode: '32.05',
  orgName: 'Kabupaten Garut',
  signerName: 'Bupati Garut',
  signerPosition: 'Bupati',
  signerUserId: 'u-1',
  signedAt: '2026-11-28T01:00:00.000Z',
};

describe('commitment signatures', () => {
  const key = generateSigningKey();
  const signer = ed25519Signer('k1', key.privateKeyPem);

  it('verifies an untouched record and refuses any altered field', () => {
    const sig = signRecord(signer, record);
    expect(verifyRecord(record, sig, key.publicKeyPem)).toBe(true);
    for (const field of Object.keys(record) as (keyof SignedRecord)[]) {
      const altered = { ...record, [field]: field === 'textVersion' ? 3 : `${record[field]}x` };
      expect(verifyRecord(altered, sig, key.publicKeyPem), field).toBe(false);
    }
    expect(verifyRecord(record, `${sig.slice(0, -4)}AAAA`, key.publicKeyPem)).toBe(false);
    expect(verifyRecord(record, 'not base64 at all', key.publicKeyPem)).toBe(false);
  });

  it('keeps old signatures verifiable with the old public key after rotation', () => {
    const old = signRecord(signer, record);
    const next = generateSigningKey();
    const fresh = signRecord(ed25519Signer('k2', next.privateKeyPem), record);
    expect(verifyRecord(record, old, key.publicKeyPem)).toBe(true);
    expect(verifyRecord(record, fresh, next.publicKeyPem)).toBe(true);
    expect(verifyRecord(record, old, next.publicKeyPem)).toBe(false);
  });

  it('serialises canonically, whatever the key order', () => {
    const shuffled = Object.fromEntries(Object.entries(record).reverse()) as SignedRecord;
    expect(canonicalBytes(shuffled).equals(canonicalBytes(record))).toBe(true);
    expect(textHash({ id: 'a', en: 'b' })).not.toBe(textHash({ id: 'a\n', en: 'b' }));
  });
});
