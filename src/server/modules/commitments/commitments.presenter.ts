import type {
  CommitmentText,
  PublicKey,
  Signature,
  SignatureStatus,
} from '../../../shared/contracts/commitments';
import { inBoth } from '../../../shared/texts';
import type { commitmentSignatures, commitmentTexts, signingKeys } from '../../db/schema';

// The API shapes of the commitment's records (contracts/commitments.ts).

export type SignatureRow = typeof commitmentSignatures.$inferSelect;

/** What the verification answer says about the nature of the signature, in both languages. */
export const attestationNotice = () => inBoth('ATTESTATION_NOTICE');

export const presentText = (t: typeof commitmentTexts.$inferSelect): CommitmentText => ({
  id: t.id,
  version: t.version,
  title: t.title,
  textId: t.textId,
  textEn: t.textEn,
  hash: t.hash,
  isCurrent: t.isCurrent,
  publishedAt: t.publishedAt.toISOString(),
});

export const presentKey = (k: typeof signingKeys.$inferSelect): PublicKey => ({
  keyId: k.id,
  algorithm: k.algorithm,
  publicKeyPem: k.publicKeyPem,
  createdAt: k.createdAt.toISOString(),
  retiredAt: k.retiredAt?.toISOString() ?? null,
});

export function presentSignature(row: SignatureRow, status: SignatureStatus, algorithm: string): Signature {
  return {
    id: row.id,
    org: { code: row.orgCode, name: row.orgName },
    signerName: row.signerName,
    signerPosition: row.signerPosition,
    signedAt: row.signedAt,
    textVersion: row.textVersion,
    textHash: row.textHash,
    keyId: row.keyId,
    algorithm,
    status,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    revokedReason: row.revokedReason,
    isSample: row.isSample,
  };
}
