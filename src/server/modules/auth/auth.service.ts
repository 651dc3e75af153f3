import { and, eq, isNull, ne } from 'drizzle-orm';
import type { UpdateProfileBody } from '../../../shared/contracts/auth';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import { sessions, users } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { type AuditContext, recordAudit } from '../../platform/audit';
import type { Actor } from '../../platform/auth/actor';
import { createSession, loadActor } from '../../platform/auth/session-store';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../../platform/crypto';
import { presentMe } from './auth.presenter';
import { revokeResetTokens } from './auth.reset.service';
import { assertNotThrottled, clearAddressFailures, recordLoginFailure, signedInFrom } from './auth.throttle';

export async function login(
  db: Db,
  config: Config,
  ctx: AuditContext,
  input: { email: string; password: string; userAgent: string | null },
) {
  // Every step up to the password check is the same for unknown and known emails: the same
  // throttle rows, one argon2 verification (a dummy hash when there is no account), the same 401.
  const address = ctx.ip ?? 'unknown';
  await assertNotThrottled(db, input.email, address);
  const [user] = await db.select().from(users).where(eq(users.email, input.email)).limit(1);
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!user || !ok) {
    await recordFailedLogin(db, config, ctx, { email: input.email, address, user: user ?? null });
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (!user.isActive) throw new AppError('ACCOUNT_DISABLED');
  await clearAddressFailures(db, input.email, address);
  const session = await db.transaction(async (tx) => {
    await tx.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, user.id));
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

async function recordFailedLogin(
  db: Db,
  config: Config,
  ctx: AuditContext,
  input: { email: string; address: string; user: { id: string; email: string } | null },
) {
  const { email, address, user } = input;
  const knownAddress = await signedInFrom(db, email, address);
  const { failures, blocks } = await recordLoginFailure(db, config.loginThrottle, {
    email,
    address,
    knownAddress,
  });
  const actorCtx = user ? { ...ctx, actorId: user.id, actorEmail: user.email } : ctx;
  await db.transaction(async (tx) => {
    await recordAudit(tx, actorCtx, {
      action: 'auth.login_failed',
      entityType: 'user',
      entityId: user?.id,
      summary: user ? { failures } : { email },
    });
    // Only the failure that starts a wait is recorded, not every refused attempt during it: an
    // attacker must not be able to fill the audit log (or hold its lock) by hammering.
    for (const block of blocks) {
      await recordAudit(tx, actorCtx, {
        action: 'auth.login_throttled',
        entityType: 'user',
        entityId: user?.id,
        summary: { email, ...block },
      });
    }
  });
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
    // A reset link mailed before the change must not undo it.
    await revokeResetTokens(tx, user.id);
    // Other devices must sign in again with the new password; this one stays signed in.
    await tx
      .update(sessions)
      .set({ revokedAt: new Date() })
      .where(and(eq(sessions.userId, user.id), ne(sessions.id, input.sessionId), isNull(sessions.revokedAt)));
    await recordAudit(tx, ctx, { action: 'auth.password_changed', entityType: 'user', entityId: user.id });
  });
}
