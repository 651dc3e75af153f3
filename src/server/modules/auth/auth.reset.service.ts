import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Config } from '../../config';
import type { Db, DbOrTx } from '../../db/client';
import { passwordResets, sessions, users } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { type AuditContext, recordAudit } from '../../platform/audit';
import type { Background } from '../../platform/background';
import { hashPassword, newToken, sha256 } from '../../platform/crypto';
import type { Mailer } from '../../platform/mail';
import { passwordResetMail } from '../../platform/mail-templates';
import { clearAddressFailures } from './auth.throttle';

const RESET_MINUTES = 60;

/**
 * Ends every reset link the user still holds: only the newest link may work, and none after the
 * password was reset or changed (issue 9: an older token kept working after a newer one).
 */
export async function revokeResetTokens(tx: DbOrTx, userId: string) {
  await tx
    .delete(passwordResets)
    .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
}

type ResetDeps = { db: Db; config: Config; mailer: Mailer; background: Background };

/**
 * Answers at once and the same for every email: looking the account up, storing the token and
 * mailing run in the background after the reply, so neither the answer nor its timing tells
 * which emails have an account.
 */
export function requestPasswordReset(deps: ResetDeps, ctx: AuditContext, email: string) {
  deps.background.run('password-reset-mail', () => sendPasswordReset(deps, ctx, email));
}

async function sendPasswordReset({ db, config, mailer }: ResetDeps, ctx: AuditContext, email: string) {
  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  if (!user?.isActive) return;
  const token = newToken();
  await db.transaction(async (tx) => {
    await revokeResetTokens(tx, user.id);
    await tx.insert(passwordResets).values({
      tokenHash: sha256(token),
      userId: user.id,
      expiresAt: new Date(Date.now() + RESET_MINUTES * 60_000),
    });
    await recordAudit(
      tx,
      { ...ctx, actorId: user.id, actorEmail: user.email },
      { action: 'auth.password_reset_requested', entityType: 'user', entityId: user.id },
    );
  });
  const link = `${config.publicUrl}/reset-password?token=${encodeURIComponent(token)}`;
  await mailer.send(db, {
    kind: 'password_reset',
    to: user.email,
    ...passwordResetMail(link, RESET_MINUTES),
  });
}

export async function resetPassword(
  db: Db,
  ctx: AuditContext,
  input: { token: string; newPassword: string },
) {
  const tokenHash = sha256(input.token);
  const passwordHash = await hashPassword(input.newPassword);
  const user = await db.transaction(async (tx) => {
    // Marking the token used in the same statement that checks it makes it single-use under races.
    const [reset] = await tx
      .update(passwordResets)
      .set({ usedAt: new Date() })
      .where(
        and(
          eq(passwordResets.tokenHash, tokenHash),
          isNull(passwordResets.usedAt),
          gt(passwordResets.expiresAt, new Date()),
        ),
      )
      .returning({ userId: passwordResets.userId });
    if (!reset) throw new AppError('TOKEN_INVALID');
    const [user] = await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: new Date() })
      .where(eq(users.id, reset.userId))
      .returning({ id: users.id, email: users.email });
    await revokeResetTokens(tx, reset.userId);
    // Whoever held the old password is signed out everywhere.
    await tx
      .update(sessions)
      .set({ revokedAt: new Date() })
      .where(and(eq(sessions.userId, reset.userId), isNull(sessions.revokedAt)));
    await recordAudit(
      tx,
      { ...ctx, actorId: user!.id, actorEmail: user!.email },
      { action: 'auth.password_reset', entityType: 'user', entityId: user!.id },
    );
    return user!;
  });
  // The owner proved themselves with the mailed link: their address may sign in at once again.
  await clearAddressFailures(db, user.email, ctx.ip ?? 'unknown');
}
