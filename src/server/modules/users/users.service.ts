import { and, eq, isNull } from 'drizzle-orm';
import type { UserListQuery, UserUpdateBody } from '../../../shared/contracts/users';
import type { TextKey } from '../../../shared/texts';
import type { Db } from '../../db/client';
import { pagination } from '../../db/query-helpers';
import { sessions, users } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { type AuditContext, recordAudit } from '../../platform/audit';
import type { Actor } from '../../platform/auth/actor';
import { userAbilities, userPolicy } from './users.policy';
import { findUser, listUsers, userMemberships } from './users.queries';

// Platform-wide user administration (platform admins): the list, one account, enabling/disabling.

export async function listUsersPage(db: Db, actor: Actor, query: UserListQuery) {
  if (!userPolicy.can(actor, 'read', null)) throw new AppError('FORBIDDEN');
  const { rows, total } = await listUsers(db, query);
  return { data: rows, pagination: pagination(query, total) };
}

export async function userDetail(db: Db, actor: Actor, userId: string) {
  if (!userPolicy.can(actor, 'read', null)) throw new AppError('FORBIDDEN');
  const user = await findUser(db, userId);
  if (!user) throw new AppError('NOT_FOUND');
  return {
    data: { ...user, memberships: await userMemberships(db, user.id) },
    abilities: userAbilities(actor, user),
  };
}

export async function updateUser(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  userId: string,
  input: UserUpdateBody,
) {
  if (!userPolicy.can(actor, 'update', { id: userId })) throw new AppError('FORBIDDEN');
  if (input.isActive === false && !userPolicy.can(actor, 'disable', { id: userId })) {
    throw new AppError('CONFLICT', { reason: 'self', message: 'USER_SELF_DISABLE' satisfies TextKey });
  }
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, userId)).limit(1);
    if (!before) throw new AppError('NOT_FOUND');
    await tx
      .update(users)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(users.id, userId));
    if (input.isActive === false) {
      await tx
        .update(sessions)
        .set({ revokedAt: new Date() })
        .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
    }
    await recordAudit(tx, ctx, {
      action: input.isActive === false ? 'user.disabled' : input.isActive ? 'user.enabled' : 'user.updated',
      entityType: 'user',
      entityId: userId,
      summary: Object.fromEntries(
        Object.entries(input).map(([k, v]) => [k, { from: before[k as keyof typeof before], to: v }]),
      ),
    });
  });
}
