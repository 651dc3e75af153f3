import { randomUUID } from 'node:crypto';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { CommitmentTextBody, SignBody } from '../../../shared/contracts/commitments';
import type { Db } from '../../db/client';
import { commitmentSignatures, commitmentTexts } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { type AuditContext, recordAudit } from '../../platform/audit';
import type { Actor } from '../../platform/auth/actor';
import { refreshFollowupFacts } from '../followup/followup.facts';
import { getOrgInScope } from '../orgs/orgs.service';
import { currentSigner } from './commitments.keys.service';
import { canRevokeFor, commitmentPolicy } from './commitments.policy';
import { presentText } from './commitments.presenter';
import { currentText, signatureRow, verifiedSignature } from './commitments.queries';
import { type SignedRecord, signRecord, textHash } from './commitments.signing';

// The commitment's writes: publishing a text version, signing it for a body, revoking a signature.

export async function publishText(db: Db, actor: Actor, ctx: AuditContext, input: CommitmentTextBody) {
  if (!commitmentPolicy.can(actor, 'publish', null)) throw new AppError('FORBIDDEN');
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
    return presentText(row!);
  });
}

export async function signCommitment(db: Db, actor: Actor, ctx: AuditContext, code: string, input: SignBody) {
  const org = await getOrgInScope(db, actor, code);
  if (!commitmentPolicy.can(actor, 'sign', org)) throw new AppError('FORBIDDEN');
  const id = await db.transaction(async (tx) => {
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
  return verifiedSignature(db, await signatureRow(db, id));
}

export async function revokeSignature(db: Db, actor: Actor, ctx: AuditContext, id: string, reason: string) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(commitmentSignatures)
      .where(eq(commitmentSignatures.id, id))
      .for('update');
    if (!row) throw new AppError('NOT_FOUND');
    if (!canRevokeFor(actor, { id: row.orgId })) throw new AppError('FORBIDDEN');
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
