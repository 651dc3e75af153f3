import { and, eq, gt, isNull, ne } from 'drizzle-orm';
import type { UpdateProfileBody } from '../../../shared/contracts/auth';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import { passwordResets, sessions, users } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { type AuditContext, recordAudit } from '../../platform/audit';
import type { Actor } from '../../platform/auth/actor';
import { createSession, loadActor } from '../../platform/auth/session-store';
import { dummyPasswordHash, hashPassword, newToken, sha256, verifyPassword } from '../../platform/crypto';
import type { Mailer } from '../../platform/mail';
import { passwordResetMail } from '../../platform/mail-templates';
import { presentMe } from './auth.presenter';

const RESET_MINUTES = 60;

export async function login(
  db: Db,
  config: Config,
  ctx: AuditContext,
  input: { email: string; password: string; userAgent: string | null },
) {
  const [user] = await db.select().from(users).where(eq(users.email, input.email)).limit(1);
  if (!user) {
    await verifyPassword(await dummyPasswordHash(), input.password); // same timing as a real check
    await db.transaction((tx) =>
      recordAudit(tx, ctx, {
        action: 'auth.login_failed',
        entityType: 'user',
        summary: { email: input.email },
      }),
    );
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (user.lockedUntil && user.lockedUntil > new Date()) {
    throw new AppError('ACCOUNT_LOCKED', { lockedUntil: user.lockedUntil.toISOString() });
  }
  const ok = await verifyPassword(user.passwordHash, input.password);
  if (!ok) {
    const failures = user.failedLogins + 1;
    const lock = failures >= config.loginMaxFailures;
    await db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({
          failedLogins: lock ? 0 : failures,
          lockedUntil: lock ? new Date(Date.now() + config.loginLockMinutes * 60_000) : user.lockedUntil,
        })
        .where(eq(users.id, user.id));
      await recordAudit(
        tx,
        { ...ctx, actorId: user.id, actorEmail: user.email },
        {
          action: lock ? 'auth.account_locked' : 'auth.login_failed',
          entityType: 'user',
          entityId: user.id,
          summary: { failures },
        },
      );
    });
    throw new AppError(lock ? 'ACCOUNT_LOCKED' : 'INVALID_CREDENTIALS');
  }
  if (!user.isActive) throw new AppError('ACCOUNT_DISABLED');
  const session = await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: new Date() })
      .where(eq(users.id, user.id));
    const session = await createSession(tx, user.id, config.sessionTtlHours, {
      ip: ctx.ip,
      userAgent: input.userAgent,
    });
    await recordAudit(
      tx,
      { ...ctx, actorId: user.id, actorEmail: user.email },
      { action: 'auth.login', entityType: 'user', entityId: user.id },
    );
    return session;
  });
  // The new session's actor, as every later request will see it.
  const actor = await loadActor(db, session.token);
  return { session, me: presentMe(actor!), userId: user.id };
}

/** The account's own name and language. */
export async function updateProfile(db: Db, ctx: AuditContext, actor: Actor, input: UpdateProfileBody) {
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(users.id, actor.userId));
    await recordAudit(tx, ctx, {
      action: 'user.profile_updated',
      entityType: 'user',
      entityId: actor.userId,
      summary: { ...input },
    });
  });
  return presentMe({ ...actor, ...input });
}

export async function logout(db: Db, ctx: AuditContext, sessionId: string, userId: string) {
  await db.transaction(async (tx) => {
    await tx.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, sessionId));
    await recordAudit(tx, ctx, { action: 'auth.logout', entityType: 'user', entityId: userId });
  });
}

export async function changePassword(
  db: Db,
  ctx: AuditContext,
  input: { userId: string; sessionId: string; currentPassword: string; newPassword: string },
) {
  const [user] = await db.select().from(users).where(eq(users.id, input.userId)).limit(1);
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('WRONG_PASSWORD');
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, passwordChangedAt: new Date() }).where(eq(users.id, user.id));
    // Other devices must sign in again with the new password; this one stays signed in.
    await tx
      .update(sessions)
      .set({ revokedAt: new Date() })
      .where(and(eq(sessions.userId, user.id), ne(sessions.id, input.sessionId), isNull(sessions.revokedAt)));
    await recordAudit(tx, ctx, { action: 'auth.password_changed', entityType: 'user', entityId: user.id });
  });
}

/** Always succeeds from the caller's view, so it cannot be used to find out which emails exist. */
export async function requestPasswordReset(
  db: Db,
  config: Config,
  mailer: Mailer,
  ctx: AuditContext,
  email: string,
) {
  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  if (!user?.isActive) return;
  const token = newToken();
  await db.transaction(async (tx) => {
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
  await db.transaction(async (tx) => {
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
      .set({ passwordHash, passwordChangedAt: new Date(), failedLogins: 0, lockedUntil: null })
      .where(eq(users.id, reset.userId))
      .returning({ id: users.id, email: users.email });
    await tx
      .update(sessions)
      .set({ revokedAt: new Date() })
      .where(and(eq(sessions.userId, reset.userId), isNull(sessions.revokedAt)));
    await recordAudit(
      tx,
      { ...ctx, actorId: user!.id, actorEmail: user!.email },
      { action: 'auth.password_reset', entityType: 'user', entityId: user!.id },
    );
  });
}
