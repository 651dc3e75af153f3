import { and, eq, isNull } from 'drizzle-orm';
import type { Role } from '../../../shared/contracts/common';
import type { Db } from '../../db/client';
import { memberships, sessions, users } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { type AuditContext, recordAudit } from '../../platform/audit';
import { type Actor, isPlatformAdmin } from '../../platform/auth/actor';
import { canManageOrgUsers, type OrgRef, roleGrantProblem } from '../orgs/orgs.policy';
import { getOrg, getOrgInScope } from '../orgs/orgs.service';

function assertCanGrant(actor: Actor, org: OrgRef, role: Role) {
  const problem = roleGrantProblem(actor, org, role);
  if (problem) throw new AppError(problem);
}

async function membershipOf(db: Db, orgId: string, membershipId: string) {
  const [m] = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.id, membershipId), eq(memberships.orgId, orgId)))
    .limit(1);
  if (!m) throw new AppError('NOT_FOUND');
  return m;
}

export async function changeMembershipRole(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  orgCode: string,
  membershipId: string,
  role: Role,
) {
  const org = await getOrgInScope(db, actor, orgCode);
  if (!canManageOrgUsers(actor, org)) throw new AppError('FORBIDDEN');
  const m = await membershipOf(db, org.id, membershipId);
  assertCanGrant(actor, org, m.role); // cannot touch a role one could not have given
  assertCanGrant(actor, org, role);
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(memberships)
      .set({ role })
      .where(eq(memberships.id, m.id))
      .returning({ id: memberships.id })
      .catch((err) => {
        if (String(err?.cause?.code ?? err?.code) === '23505') throw new AppError('CONFLICT');
        throw err;
      });
    if (!updated) throw new AppError('NOT_FOUND');
    await recordAudit(tx, ctx, {
      action: 'membership.role_changed',
      entityType: 'membership',
      entityId: m.id,
      orgId: org.id,
      summary: { userId: m.userId, from: m.role, to: role },
    });
  });
}

export async function removeMembership(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  orgCode: string,
  membershipId: string,
) {
  const org = await getOrgInScope(db, actor, orgCode);
  if (!canManageOrgUsers(actor, org)) throw new AppError('FORBIDDEN');
  const m = await membershipOf(db, org.id, membershipId);
  assertCanGrant(actor, org, m.role);
  await db.transaction(async (tx) => {
    await tx.delete(memberships).where(eq(memberships.id, m.id));
    await recordAudit(tx, ctx, {
      action: 'membership.removed',
      entityType: 'membership',
      entityId: m.id,
      orgId: org.id,
      summary: { userId: m.userId, role: m.role },
    });
  });
}

/** Platform admins give any user a role in any body (supervisor roles included). */
export async function addMembership(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  userId: string,
  input: { orgCode: string; role: Role },
) {
  if (!isPlatformAdmin(actor)) throw new AppError('FORBIDDEN');
  const org = await getOrg(db, input.orgCode);
  assertCanGrant(actor, org, input.role);
  return db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).limit(1);
    if (!user) throw new AppError('NOT_FOUND');
    const [created] = await tx
      .insert(memberships)
      .values({ userId, orgId: org.id, role: input.role })
      .onConflictDoNothing()
      .returning({ id: memberships.id });
    if (!created) throw new AppError('CONFLICT');
    await recordAudit(tx, ctx, {
      action: 'membership.added',
      entityType: 'membership',
      entityId: created.id,
      orgId: org.id,
      summary: { userId, role: input.role },
    });
    return created;
  });
}

export async function updateUser(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  userId: string,
  input: { name?: string; isActive?: boolean },
) {
  if (!isPlatformAdmin(actor)) throw new AppError('FORBIDDEN');
  if (input.isActive === false && userId === actor.userId) {
    throw new AppError('CONFLICT', {
      reason: 'Tidak dapat menonaktifkan akun sendiri / cannot disable yourself',
    });
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
