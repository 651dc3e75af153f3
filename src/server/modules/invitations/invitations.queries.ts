import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Role } from '../../../shared/contracts/common';
import type { Invitation } from '../../../shared/contracts/users';
import type { DbOrTx } from '../../db/client';
import { invitations, memberships, orgs, users } from '../../db/schema';
import { sha256 } from '../../platform/crypto';

type InvitationRow = typeof invitations.$inferSelect;

export function presentInvitation(r: InvitationRow): Invitation {
  return {
    id: r.id,
    email: r.email,
    role: r.role,
    expiresAt: r.expiresAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
  };
}

/** Still open: neither accepted nor revoked nor expired. */
const open = () => and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt));
const pending = () => and(open(), gt(invitations.expiresAt, new Date()));

export async function pendingInvitations(db: DbOrTx, orgId: string): Promise<Invitation[]> {
  const rows = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.orgId, orgId), pending()))
    .orderBy(desc(invitations.createdAt));
  return rows.map(presentInvitation);
}

/** The invitation a link's token opens, with its body, or null when used, revoked or expired. */
export async function findValidInvitation(db: DbOrTx, token: string) {
  const [row] = await db
    .select({ invitation: invitations, orgName: orgs.name, orgCode: orgs.code })
    .from(invitations)
    .innerJoin(orgs, eq(orgs.id, invitations.orgId))
    .where(and(eq(invitations.tokenHash, sha256(token)), pending()))
    .limit(1);
  return row ?? null;
}

export async function findUserByEmail(db: DbOrTx, email: string) {
  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  return user ?? null;
}

export async function holdsRole(db: DbOrTx, email: string, orgId: string, role: Role) {
  const [existing] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(users.email, email), eq(memberships.orgId, orgId), eq(memberships.role, role)))
    .limit(1);
  return Boolean(existing);
}

/** A new invitation for the same email, body and role replaces the pending one. */
export async function revokeOpenInvitations(db: DbOrTx, email: string, orgId: string, role: Role) {
  await db
    .update(invitations)
    .set({ revokedAt: new Date() })
    .where(
      and(eq(invitations.email, email), eq(invitations.orgId, orgId), eq(invitations.role, role), open()),
    );
}

/** Marks one invitation used or revoked, only if still open; null when it was not. */
export async function closeInvitation(
  db: DbOrTx,
  id: string,
  how: 'acceptedAt' | 'revokedAt',
  orgId?: string,
) {
  const [row] = await db
    .update(invitations)
    .set({ [how]: new Date() })
    .where(and(eq(invitations.id, id), orgId ? eq(invitations.orgId, orgId) : undefined, open()))
    .returning({ id: invitations.id, email: invitations.email });
  return row ?? null;
}
