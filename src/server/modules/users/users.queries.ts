import { and, asc, count, eq, exists, ilike, or, type SQL } from 'drizzle-orm';
import type { OrgUser, User, UserListQuery } from '../../../shared/contracts/users';
import type { DbOrTx } from '../../db/client';
import { escapeLike } from '../../db/query-helpers';
import { memberships, orgs, users } from '../../db/schema';

const userColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  isActive: users.isActive,
  isSample: users.isSample,
  lastLoginAt: users.lastLoginAt,
};

const iso = (d: Date | null) => d?.toISOString() ?? null;

export async function listOrgUsers(db: DbOrTx, orgId: string): Promise<OrgUser[]> {
  const rows = await db
    .select({
      membershipId: memberships.id,
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      isActive: users.isActive,
      lastLoginAt: users.lastLoginAt,
      isSample: users.isSample,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, orgId))
    .orderBy(asc(users.name), asc(memberships.role));
  return rows.map((r) => ({ ...r, lastLoginAt: iso(r.lastLoginAt) }));
}

export async function listUsers(db: DbOrTx, q: UserListQuery): Promise<{ rows: User[]; total: number }> {
  const where: SQL[] = [];
  if (q.q) {
    const term = `%${escapeLike(q.q)}%`;
    where.push(or(ilike(users.name, term), ilike(users.email, term))!);
  }
  if (q.active) where.push(eq(users.isActive, q.active === 'true'));
  if (q.role) {
    where.push(
      exists(
        db
          .select({ one: memberships.id })
          .from(memberships)
          .where(and(eq(memberships.userId, users.id), eq(memberships.role, q.role))),
      ),
    );
  }
  const cond = where.length ? and(...where) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select(userColumns)
      .from(users)
      .where(cond)
      .orderBy(asc(users.name))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(users).where(cond),
  ]);
  return { rows: rows.map((r) => ({ ...r, lastLoginAt: iso(r.lastLoginAt) })), total: total?.n ?? 0 };
}

export async function findUser(db: DbOrTx, id: string): Promise<User | null> {
  const [row] = await db.select(userColumns).from(users).where(eq(users.id, id)).limit(1);
  return row ? { ...row, lastLoginAt: iso(row.lastLoginAt) } : null;
}

export async function userMemberships(db: DbOrTx, userId: string) {
  return db
    .select({
      id: memberships.id,
      role: memberships.role,
      org: { id: orgs.id, code: orgs.code, name: orgs.name, type: orgs.type },
    })
    .from(memberships)
    .innerJoin(orgs, eq(orgs.id, memberships.orgId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(orgs.code));
}

export async function findMembership(db: DbOrTx, orgId: string, membershipId: string) {
  const [m] = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.id, membershipId), eq(memberships.orgId, orgId)))
    .limit(1);
  return m ?? null;
}
