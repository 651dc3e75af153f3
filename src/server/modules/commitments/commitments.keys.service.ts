import { randomUUID } from 'node:crypto';
import { desc, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { signingKeys } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { type AuditContext, recordAudit } from '../../platform/audit';
import type { Actor } from '../../platform/auth/actor';
import { commitmentPolicy } from './commitments.policy';
import { ed25519Signer, generateSigningKey, type Signer } from './commitments.signing';

// The platform's signing keys: the current one signs, retired ones only verify.

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
  if (!commitmentPolicy.can(actor, 'rotateKeys', null)) throw new AppError('FORBIDDEN');
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
