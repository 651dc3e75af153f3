import { and, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { memberships, mentorships, orgs, sessions, users } from '../../db/schema';
import { newToken, sha256 } from '../crypto';
import type { Actor } from './actor';

export const SESSION_COOKIE = 'll_session';
export const CSRF_COOKIE = 'll_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export async function createSession(
  db: DbOrTx,
  userId: string,
  ttlHours: number,
  meta: { ip: string | null; userAgent: string | null },
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(Date.now() + ttlHours * 3600_000);
  await db.insert(sessions).values({
    id: sha256(token),
    userId,
    csrfToken,
    expiresAt,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken, expiresAt };
}

export async function revokeSession(db: DbOrTx, sessionId: string): Promise<void> {
  await db.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, sessionId));
}

/** Resolves the actor for a session token, or null when missing, expired, revoked or disabled. */
export async function loadActor(db: DbOrTx, token: string): Promise<Actor | null> {
  const sessionId = sha256(token);
  const [row] = await db
    .select({
      userId: users.id,
      email: users.email,
      name: users.name,
      locale: users.locale,
      isSample: users.isSample,
      csrfToken: sessions.csrfToken,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, sessionId),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, new Date()),
        eq(users.isActive, true),
      ),
    )
    .limit(1);
  if (!row) return null;
  const ms = await db
    .select({
      id: memberships.id,
      orgId: orgs.id,
      orgCode: orgs.code,
      orgName: orgs.name,
      orgType: orgs.type,
      provinceCode: orgs.provinceCode,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(orgs, eq(orgs.id, memberships.orgId))
    .where(eq(memberships.userId, row.userId));
  const hostIds = ms.filter((m) => m.role === 'mentor').map((m) => m.orgId);
  const mentored = hostIds.length
    ? await db
        .select({ id: mentorships.menteeOrgId })
        .from(mentorships)
        // Only access the mentee confirmed (or a supervisor over it): a pending visit grants nothing.
        .where(and(inArray(mentorships.hostOrgId, hostIds), eq(mentorships.status, 'active')))
    : [];
  return { ...row, sessionId, memberships: ms, mentoredOrgIds: mentored.map((m) => m.id) };
}
