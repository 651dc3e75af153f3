import { randomUUID } from 'node:crypto';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '../../db/client';
import { commitmentSignatures, commitmentTexts, signingKeys } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { type AuditContext, recordAudit } from '../../platform/audit';
import { type Actor, hasNationalRole, isPlatformAdmin } from '../../platform/auth/actor';
import { refreshFollowupFacts } from '../followup/followup.facts';
import { holdsRoleIn, type OrgRef } from '../orgs/orgs.policy';
import {
  ed25519Signer,
  generateSigningKey,
  type SignedRecord,
  type Signer,
  signRecord,
  textHash,
  verifyRecord,
} from './signing';

// What the UI and the verification answer say about the nature of the signature.
export const ATTESTATION_NOTICE = {
  id: 'Tanda tangan ini adalah pernyataan (atestasi) platform Living Lab SPBE bahwa pimpinan instansi menyetujui teks komitmen ini melalui akunnya. Ini bukan tanda tangan elektronik tersertifikasi.',
  en: 'This signature is the Living Lab SPBE platform’s attestation that the body’s leader agreed to this commitment text through their account. It is not a certified electronic signature.',
};

export function canPublishCommitments(actor: Actor): boolean {
  return hasNationalRole(actor);
}

export function canSignFor(actor: Actor, org: OrgRef): boolean {
  return holdsRoleIn(actor, org, ['leader']);
}

export function canRevoke(actor: Actor, orgId: string): boolean {
  return canPublishCommitments(actor) || holdsRoleIn(actor, { id: orgId }, ['leader']);
}

export async function currentText(db: DbOrTx) {
  const [t] = await db.select().from(commitmentTexts).where(eq(commitmentTexts.isCurrent, true));
  return t ?? null;
}

export async function publishText(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  input: { title: string; textId: string; textEn: string },
) {
  if (!canPublishCommitments(actor)) throw new AppError('FORBIDDEN');
  return db.transaction(async (tx) => {
    // One publisher at a time, so versions never collide.
    await tx.execute(sql`select pg_advisory_xact_lock(73012031)`);
    const [last] = await tx
      .select({ v: commitmentTexts.version })
      .from(commitmentTexts)
      .orderBy(desc(commitmentTexts.version))
      .limit(1);
    await tx.update(commitmentTexts).set({ isCurrent: false }).where(eq(commitmentTexts.isCurrent, true));
    const [row] = await tx
      .insert(commitmentTexts)
      .values({
        version: (last?.v ?? 0) + 1,
        title: input.title,
        textId: input.textId,
        textEn: input.textEn,
        hash: textHash({ id: input.textId, en: input.textEn }),
        isCurrent: true,
        publishedBy: actor.userId,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'commitment.published',
      entityType: 'commitment_text',
      entityId: row!.id,
      summary: { version: row!.version, title: row!.title, hash: row!.hash },
    });
    return row!;
  });
}

/** The key that signs now: created on first use. This is where a certified provider would plug in. */
export async function currentSigner(tx: Tx): Promise<Signer> {
  await tx.execute(sql`select pg_advisory_xact_lock(73012032)`);
  const [key] = await tx
    .select()
    .from(signingKeys)
    .where(isNull(signingKeys.retiredAt))
    .orderBy(desc(signingKeys.createdAt))
    .limit(1);
  if (key?.privateKeyPem) return ed25519Signer(key.id, key.privateKeyPem);
  const fresh = generateSigningKey();
  const id = `ed25519-${new Date().toISOString().slice(0, 10)}-${randomUUID().slice(0, 8)}`;
  await tx
    .insert(signingKeys)
    .values({ id, publicKeyPem: fresh.publicKeyPem, privateKeyPem: fresh.privateKeyPem });
  return ed25519Signer(id, fresh.privateKeyPem);
}

/** Retires the signing key (its private half is erased; the public half stays for verifying). */
export async function rotateKey(db: Db, actor: Actor, ctx: AuditContext) {
  if (!isPlatformAdmin(actor)) throw new AppError('FORBIDDEN');
  return db.transaction(async (tx) => {
    const retired = await tx
      .update(signingKeys)
      .set({ retiredAt: new Date(), privateKeyPem: null })
      .where(isNull(signingKeys.retiredAt))
      .returning({ id: signingKeys.id });
    const signer = await currentSigner(tx);
    await recordAudit(tx, ctx, {
      action: 'commitment.key_rotated',
      entityType: 'signing_key',
      entityId: signer.keyId,
      summary: { retired: retired.map((r) => r.id), current: signer.keyId },
    });
    return { retired: retired.map((r) => r.id), current: signer.keyId };
  });
}

export async function signCommitment(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  org: OrgRef & { name: string },
  input: { signerName: string; signerPosition: string; textVersion: number },
) {
  if (!canSignFor(actor, org)) throw new AppError('FORBIDDEN');
  return db.transaction(async (tx) => {
    const text = await currentText(tx);
    if (!text) throw new AppError('NOT_FOUND');
    if (text.version !== input.textVersion) {
      throw new AppError('CONFLICT', { reason: 'text_changed', currentVersion: text.version });
    }
    const [existing] = await tx
      .select({ id: commitmentSignatures.id })
      .from(commitmentSignatures)
      .where(
        and(
          eq(commitmentSignatures.orgId, org.id),
          eq(commitmentSignatures.textVersion, text.version),
          isNull(commitmentSignatures.revokedAt),
        ),
      )
      .for('update');
    if (existing) throw new AppError('CONFLICT', { reason: 'already_signed', signatureId: existing.id });
    const signer = await currentSigner(tx);
    const record: SignedRecord = {
      signatureId: randomUUID(),
      commitmentId: text.id,
      textVersion: text.version,
      textHash: text.hash,
      orgCode: org.code,
      orgName: org.name,
      signerName: input.signerName,
      signerPosition: input.signerPosition,
      signerUserId: actor.userId,
      signedAt: new Date().toISOString(),
    };
    const signature = signRecord(signer, record);
    await tx.insert(commitmentSignatures).values({
      id: record.signatureId,
      commitmentTextId: text.id,
      textVersion: text.version,
      textHash: text.hash,
      orgId: org.id,
      orgCode: org.code,
      orgName: org.name,
      signerUserId: actor.userId,
      signerName: input.signerName,
      signerPosition: input.signerPosition,
      signedAt: record.signedAt,
      keyId: signer.keyId,
      signature,
    });
    await recordAudit(tx, ctx, {
      action: 'commitment.signed',
      entityType: 'commitment_signature',
      entityId: record.signatureId,
      orgId: org.id,
      summary: {
        version: text.version,
        signer: input.signerName,
        position: input.signerPosition,
        keyId: signer.keyId,
      },
    });
    await refreshFollowupFacts(tx, [org.id]);
    return record.signatureId;
  });
}

type SignatureRow = typeof commitmentSignatures.$inferSelect;

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
  const [[key], [text]] = await Promise.all([
    db.select().from(signingKeys).where(eq(signingKeys.id, row.keyId)),
    db.select().from(commitmentTexts).where(eq(commitmentTexts.id, row.commitmentTextId)),
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
  const status: 'valid' | 'revoked' | 'invalid' = problems.length
    ? 'invalid'
    : row.revokedAt
      ? 'revoked'
      : 'valid';
  return { status, problems, algorithm: key?.algorithm ?? 'Ed25519', text: text ?? null };
}

export function presentSignature(
  row: SignatureRow,
  status: 'valid' | 'revoked' | 'invalid',
  algorithm: string,
) {
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

export async function revokeSignature(db: Db, actor: Actor, ctx: AuditContext, id: string, reason: string) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(commitmentSignatures)
      .where(eq(commitmentSignatures.id, id))
      .for('update');
    if (!row) throw new AppError('NOT_FOUND');
    if (!canRevoke(actor, row.orgId)) throw new AppError('FORBIDDEN');
    if (row.revokedAt) throw new AppError('INVALID_STATE', { revokedAt: row.revokedAt.toISOString() });
    await tx
      .update(commitmentSignatures)
      .set({ revokedAt: new Date(), revokedReason: reason, revokedBy: actor.userId })
      .where(eq(commitmentSignatures.id, id));
    await recordAudit(tx, ctx, {
      action: 'commitment.revoked',
      entityType: 'commitment_signature',
      entityId: id,
      orgId: row.orgId,
      summary: { reason },
    });
    await refreshFollowupFacts(tx, [row.orgId]);
  });
}
