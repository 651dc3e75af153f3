import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
} from 'node:crypto';

// The platform's attestation of a signed commitment: the signature record is serialised
// canonically and signed with an Ed25519 key. This is NOT a certified electronic signature
// (tanda tangan elektronik tersertifikasi); `Signer` is the seam where a certified provider
// (e.g. a BSrE/PSrE service) can be plugged in instead.

/** The fields that are signed; changing any of them invalidates the signature. */
export type SignedRecord = {
  signatureId: string;
  commitmentId: string;
  textVersion: number;
  textHash: string;
  orgCode: string;
  orgName: string;
  signerName: string;
  signerPosition: string;
  signerUserId: string;
  signedAt: string;
};

export type Signer = {
  algorithm: 'Ed25519';
  keyId: string;
  sign(payload: Buffer): Buffer;
};

export type PublicKeyRecord = { keyId: string; publicKeyPem: string };

/** Stable bytes of a record: keys sorted, no whitespace, UTF-8. */
export function canonicalBytes(record: SignedRecord): Buffer {
  const sorted = Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return Buffer.from(JSON.stringify(sorted), 'utf8');
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The hash that pins the exact commitment text (both languages) a leader signed. */
export function textHash(text: { id: string; en: string }): string {
  return sha256Hex(`${text.id}\n\u0000\n${text.en}`);
}

export function generateSigningKey(): { publicKeyPem: string; privateKeyPem: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

export function ed25519Signer(keyId: string, privateKeyPem: string): Signer {
  const key = createPrivateKey(privateKeyPem);
  return { algorithm: 'Ed25519', keyId, sign: (payload) => sign(null, payload, key) };
}

export function signRecord(signer: Signer, record: SignedRecord): string {
  return signer.sign(canonicalBytes(record)).toString('base64');
}

export function verifyRecord(record: SignedRecord, signatureB64: string, publicKeyPem: string): boolean {
  try {
    return verify(
      null,
      canonicalBytes(record),
      createPublicKey(publicKeyPem),
      Buffer.from(signatureB64, 'base64'),
    );
  } catch {
    return false;
  }
}
