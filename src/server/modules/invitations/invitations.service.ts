import type { InviteBody } from '../../../shared/contracts/users';
import { type TextKey, text } from '../../../shared/texts';
import { roleTextKey } from '../../../shared/texts/users';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import { invitations, memberships, users } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { type AuditContext, recordAudit } from '../../platform/audit';
import type { Actor } from '../../platform/auth/actor';
import { hashPassword, newToken, sha256, verifyPassword } from '../../platform/crypto';
import type { Mailer } from '../../platform/mail';
import { invitationMail } from '../../platform/mail-templates';
import { canManageOrgUsers, roleGrantProblem } from '../orgs/orgs.policy';
import { getOrgInScope } from '../orgs/orgs.service';
import {
  closeInvitation,
  findUserByEmail,
  findValidInvitation,
  holdsRole,
  pendingInvitations,
  presentInvitation,
  revokeOpenInvitations,
} from './invitations.queries';

const INVITATION_DAYS = 7;

/** The body, once the actor may manage its users (a body admin there, or a platform admin). */
async function managedOrg(db: Db, actor: Actor, orgCode: string) {
  const org = await getOrgInScope(db, actor, orgCode);
  if (!canManageOrgUsers(actor, org)) throw new AppError('FORBIDDEN');
  return org;
}

export async function inviteUser(
  deps: { db: Db; config: Config; mailer: Mailer },
  actor: Actor,
  ctx: AuditContext,
  orgCode: string,
  input: InviteBody,
) {
  const { db, config, mailer } = deps;
  const org = await managedOrg(db, actor, orgCode);
  const problem = roleGrantProblem(actor, org, input.role);
  if (problem) throw new AppError(problem);
  const token = newToken();
  const invitation = await db.transaction(async (tx) => {
    if (await holdsRole(tx, input.email, org.id, input.role)) {
      throw new AppError('CONFLICT', {
        reason: 'has_role',
        message: 'USER_ALREADY_HAS_ROLE' satisfies TextKey,
      });
    }
    await revokeOpenInvitations(tx, input.email, org.id, input.role);
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
  // Each language block of the email names the role in its own language.
  const role = roleTextKey(input.role);
  const mail = invitationMail(
    link,
    org.name,
    { id: text('id', role), en: text('en', role) },
    actor.name,
    INVITATION_DAYS,
  );
  const delivery = await mailer.send(db, { kind: 'invitation', to: input.email, ...mail });
  return { data: presentInvitation(invitation), delivery: delivery.status };
}

export async function listPendingInvitations(db: Db, actor: Actor, orgCode: string) {
  const org = await managedOrg(db, actor, orgCode);
  return pendingInvitations(db, org.id);
}

export async function revokeInvitation(db: Db, actor: Actor, ctx: AuditContext, orgCode: string, id: string) {
  const org = await managedOrg(db, actor, orgCode);
  await db.transaction(async (tx) => {
    const row = await closeInvitation(tx, id, 'revokedAt', org.id);
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

async function validInvitation(db: Db, token: string) {
  const row = await findValidInvitation(db, token);
  if (!row) throw new AppError('TOKEN_INVALID');
  return row;
}

export async function lookupInvitation(db: Db, token: string) {
  const row = await validInvitation(db, token);
  const user = await findUserByEmail(db, row.invitation.email);
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
  const inv = (await validInvitation(db, input.token)).invitation;
  const existing = await findUserByEmail(db, inv.email);
  if (existing && !(await verifyPassword(existing.passwordHash, input.password))) {
    throw new AppError('WRONG_PASSWORD');
  }
  const passwordHash = existing ? null : await hashPassword(input.password);
  return db.transaction(async (tx) => {
    if (!(await closeInvitation(tx, inv.id, 'acceptedAt'))) throw new AppError('TOKEN_INVALID');
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
