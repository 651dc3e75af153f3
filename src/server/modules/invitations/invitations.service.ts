import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Role } from '../../../shared/contracts/common';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import { invitations, memberships, orgs, users } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { type AuditContext, recordAudit } from '../../platform/audit';
import type { Actor } from '../../platform/auth/actor';
import { hashPassword, newToken, sha256, verifyPassword } from '../../platform/crypto';
import type { Mailer } from '../../platform/mail';
import { invitationMail } from '../../platform/mail-templates';
import { canManageOrgUsers, roleGrantProblem } from '../orgs/orgs.policy';
import { getOrgInScope } from '../orgs/orgs.service';

const INVITATION_DAYS = 7;

const roleLabels: Record<Role, string> = {
  platform_admin: 'Admin Platform',
  national_supervisor: 'Pembina Nasional',
  province_supervisor: 'Pembina Provinsi',
  body_admin: 'Admin Instansi',
  leader: 'Pimpinan',
  operator: 'Operator',
  viewer: 'Pembaca',
  mentor: 'Mentor',
};

export async function inviteUser(
  db: Db,
  config: Config,
  mailer: Mailer,
  actor: Actor,
  ctx: AuditContext,
  orgCode: string,
  input: { email: string; role: Role },
) {
  const org = await getOrgInScope(db, actor, orgCode);
  if (!canManageOrgUsers(actor, org)) throw new AppError('FORBIDDEN');
  const problem = roleGrantProblem(actor, org, input.role);
  if (problem) throw new AppError(problem);
  const token = newToken();
  const invitation = await db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(eq(users.email, input.email), eq(memberships.orgId, org.id), eq(memberships.role, input.role)),
      )
      .limit(1);
    if (existing)
      throw new AppError('CONFLICT', { reason: 'Pengguna sudah memiliki peran ini / already has this role' });
    // A new invitation for the same email, body and role replaces the pending one.
    await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(invitations.email, input.email),
          eq(invitations.orgId, org.id),
          eq(invitations.role, input.role),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      );
    const [created] = await tx
      .insert(invitations)
      .values({
        tokenHash: sha256(token),
        email: input.email,
        orgId: org.id,
        role: input.role,
        invitedBy: actor.userId,
        expiresAt: new Date(Date.now() + INVITATION_DAYS * 86400_000),
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'invitation.created',
      entityType: 'invitation',
      entityId: created!.id,
      orgId: org.id,
      summary: { email: input.email, role: input.role },
    });
    return created!;
  });
  const link = `${config.publicUrl}/invitation?token=${encodeURIComponent(token)}`;
  const mail = invitationMail(link, org.name, roleLabels[input.role], actor.name, INVITATION_DAYS);
  const delivery = await mailer.send(db, { kind: 'invitation', to: input.email, ...mail });
  return { invitation, delivery: delivery.status };
}

export async function listPendingInvitations(db: Db, actor: Actor, orgCode: string) {
  const org = await getOrgInScope(db, actor, orgCode);
  if (!canManageOrgUsers(actor, org)) throw new AppError('FORBIDDEN');
  const rows = await db
    .select()
    .from(invitations)
    .where(
      and(
        eq(invitations.orgId, org.id),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, new Date()),
      ),
    )
    .orderBy(desc(invitations.createdAt));
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    role: r.role,
    expiresAt: r.expiresAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
  }));
}

export async function revokeInvitation(db: Db, actor: Actor, ctx: AuditContext, orgCode: string, id: string) {
  const org = await getOrgInScope(db, actor, orgCode);
  if (!canManageOrgUsers(actor, org)) throw new AppError('FORBIDDEN');
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(invitations.id, id),
          eq(invitations.orgId, org.id),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      )
      .returning({ email: invitations.email });
    if (!row) throw new AppError('NOT_FOUND');
    await recordAudit(tx, ctx, {
      action: 'invitation.revoked',
      entityType: 'invitation',
      entityId: id,
      orgId: org.id,
      summary: { email: row.email },
    });
  });
}

async function findValidInvitation(db: Db, token: string) {
  const [row] = await db
    .select({ invitation: invitations, orgName: orgs.name, orgCode: orgs.code })
    .from(invitations)
    .innerJoin(orgs, eq(orgs.id, invitations.orgId))
    .where(
      and(
        eq(invitations.tokenHash, sha256(token)),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, new Date()),
      ),
    )
    .limit(1);
  if (!row) throw new AppError('TOKEN_INVALID');
  return row;
}

export async function lookupInvitation(db: Db, token: string) {
  const row = await findValidInvitation(db, token);
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, row.invitation.email))
    .limit(1);
  return {
    email: row.invitation.email,
    role: row.invitation.role,
    org: { code: row.orgCode, name: row.orgName },
    existingAccount: Boolean(user),
  };
}

/**
 * A new person sets name and password; someone who already has an account proves it with their
 * current password, and only gains the membership.
 */
export async function acceptInvitation(
  db: Db,
  ctx: AuditContext,
  input: { token: string; name: string; password: string },
) {
  const row = await findValidInvitation(db, input.token);
  const inv = row.invitation;
  const [existing] = await db.select().from(users).where(eq(users.email, inv.email)).limit(1);
  if (existing && !(await verifyPassword(existing.passwordHash, input.password))) {
    throw new AppError('WRONG_PASSWORD');
  }
  const passwordHash = existing ? null : await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(invitations)
      .set({ acceptedAt: new Date() })
      .where(and(eq(invitations.id, inv.id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
      .returning({ id: invitations.id });
    if (!claimed) throw new AppError('TOKEN_INVALID');
    let userId = existing?.id;
    if (!userId) {
      const [created] = await tx
        .insert(users)
        .values({ email: inv.email, name: input.name, passwordHash, passwordChangedAt: new Date() })
        .returning({ id: users.id });
      userId = created!.id;
    }
    await tx.insert(memberships).values({ userId, orgId: inv.orgId, role: inv.role }).onConflictDoNothing();
    await recordAudit(
      tx,
      { ...ctx, actorId: userId, actorEmail: inv.email },
      {
        action: 'invitation.accepted',
        entityType: 'invitation',
        entityId: inv.id,
        orgId: inv.orgId,
        summary: { role: inv.role, newAccount: !existing },
      },
    );
    return { email: inv.email };
  });
}
