import { asc, desc, eq } from 'drizzle-orm';
import type { SignatureStatus } from '../../../shared/contracts/commitments';
import type { DbOrTx } from '../../db/client';
import { commitmentSignatures, commitmentTexts, signingKeys } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { presentKey, presentSignature, presentText, type SignatureRow } from './commitments.presenter';
import { type SignedRecord, textHash, verifyRecord } from './commitments.signing';

// Reads of the commitment: texts, keys, signatures and their verification.

export async function currentText(db: DbOrTx) {
  const [t] = await db.select().from(commitmentTexts).where(eq(commitmentTexts.isCurrent, true));
  return t ?? null;
}

/** Every published version of the text, newest first. */
export async function listTexts(db: DbOrTx) {
  return (await db.select().from(commitmentTexts).orderBy(desc(commitmentTexts.version))).map(presentText);
}

export async function findText(db: DbOrTx, id: string) {
  const [text] = await db.select().from(commitmentTexts).where(eq(commitmentTexts.id, id));
  return text ?? null;
}

/** The platform's public keys, current and retired. */
export async function listPublicKeys(db: DbOrTx) {
  return (await db.select().from(signingKeys).orderBy(asc(signingKeys.createdAt))).map(presentKey);
}

/** A signature's row (404 when there is none). */
export async function signatureRow(db: DbOrTx, id: string) {
  const [row] = await db.select().from(commitmentSignatures).where(eq(commitmentSignatures.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function signatureRowsOf(db: DbOrTx, orgId: string) {
  return db
    .select()
    .from(commitmentSignatures)
    .where(eq(commitmentSignatures.orgId, orgId))
    .orderBy(desc(commitmentSignatures.signedAt));
}

export function recordOf(row: SignatureRow): SignedRecord {
  return {
    signatureId: row.id,
    commitmentId: row.commitmentTextId,
    textVersion: row.textVersion,
    textHash: row.textHash,
    orgCode: row.orgCode,
    orgName: row.orgName,
    signerName: row.signerName,
    signerPosition: row.signerPosition,
    signerUserId: row.signerUserId,
    signedAt: row.signedAt,
  };
}

/** Checks a stored signature against its key and the text it names. */
export async function verifySignature(db: DbOrTx, row: SignatureRow) {
  const [[key], text] = await Promise.all([
    db.select().from(signingKeys).where(eq(signingKeys.id, row.keyId)),
    findText(db, row.commitmentTextId),
  ]);
  const problems: string[] = [];
  if (!key || !verifyRecord(recordOf(row), row.signature, key.publicKeyPem)) problems.push('signature');
  if (
    !text ||
    text.hash !== textHash({ id: text.textId, en: text.textEn }) ||
    text.hash !== row.textHash ||
    text.version !== row.textVersion
  ) {
    problems.push('text');
  }
  const status: SignatureStatus = problems.length ? 'invalid' : row.revokedAt ? 'revoked' : 'valid';
  return { status, problems, algorithm: key?.algorithm ?? 'Ed25519', text };
}

/** A signature as the API returns it, with its verified status. */
export async function verifiedSignature(db: DbOrTx, row: SignatureRow) {
  const v = await verifySignature(db, row);
  return presentSignature(row, v.status, v.algorithm);
}
