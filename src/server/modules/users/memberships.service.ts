import { eq } from 'drizzle-orm';
import type { Role } from '../../../shared/contracts/common';
import type { MembershipCreateBody, OrgUsersReply } from '../../../shared/contracts/users';
import type { Db } from '../../db/client';
import { memberships, users } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { type AuditContext, recordAudit } from '../../platform/audit';
import type { Actor } from '../../platform/auth/actor';
import { canManageOrgUsers, grantableRoles, type OrgRef, roleGrantProblem } from '../orgs/orgs.policy';
import { getOrg, getOrgInScope } from '../orgs/orgs.service';
import { userPolicy } from './users.policy';
import { findMembership, listOrgUsers, userMemberships } from './users.queries';

// Who holds which role in which body: granted by the body's admin (body roles) or a platform
// admin (any role, in a body of the right type).

function assertCanGrant(actor: Actor, org: OrgRef, role: Role) {
  const problem = roleGrantProblem(actor, org, role);
  if (problem) throw new AppError(problem);
}

/** A body's users, visible within scope, with what the actor may do with them. */
export async function orgUsers(db: Db, actor: Actor, orgCode: string): Promise<OrgUsersReply> {
  const org = await getOrgInScope(db, actor, orgCode);
  return {
    data: await listOrgUsers(db, org.id),
    abilities: { manage: canManageOrgUsers(actor, org), grantableRoles: grantableRoles(actor, org) },
  };
}

/** The body and the membership, once the actor may manage its users and touch that role. */
async function managedMembership(db: Db, actor: Actor, orgCode: string, membershipId: string) {
  const org = await getOrgInScope(db, actor, orgCode);
  if (!canManageOrgUsers(actor, org)) throw new AppError('FORBIDDEN');
  const m = await findMembership(db, org.id, membershipId);
  if (!m) throw new AppError('NOT_FOUND');
  assertCanGrant(actor, org, m.role); // cannot touch a role one could not have given
  return { org, m };
}

export async function changeMembershipRole(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  orgCode: string,
  membershipId: string,
  role: Role,
) {
  const { org, m } = await managedMembership(db, actor, orgCode, membershipId);
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
  const { org, m } = await managedMembership(db, actor, orgCode, membershipId);
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

/** From the user administration page: the membership is named by user, not by body. */
export async function removeUserMembership(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  userId: string,
  membershipId: string,
) {
  if (!userPolicy.can(actor, 'removeMembership', { id: userId })) throw new AppError('FORBIDDEN');
  const m = (await userMemberships(db, userId)).find((x) => x.id === membershipId);
  if (!m) throw new AppError('NOT_FOUND');
  await removeMembership(db, actor, ctx, m.org.code, m.id);
}

/** Platform admins give any user a role in any body (supervisor roles included). */
export async function addMembership(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  userId: string,
  input: MembershipCreateBody,
) {
  if (!userPolicy.can(actor, 'addMembership', { id: userId })) throw new AppError('FORBIDDEN');
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
