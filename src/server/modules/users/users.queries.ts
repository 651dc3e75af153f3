import { and, asc, count, eq, exists, ilike, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { userListQuerySchema } from '../../../shared/contracts/users';
import type { DbOrTx } from '../../db/client';
import { escapeLike } from '../../db/query-helpers';
import { memberships, orgs, users } from '../../db/schema';

export async function listOrgUsers(db: DbOrTx, orgId: string) {
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
  return rows.map((r) => ({ ...r, lastLoginAt: r.lastLoginAt?.toISOString() ?? null }));
}

export async function listUsers(db: DbOrTx, q: z.infer<typeof userListQuerySchema>) {
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
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        isActive: users.isActive,
        isSample: users.isSample,
        lastLoginAt: users.lastLoginAt,
      })
      .from(users)
      .where(cond)
      .orderBy(asc(users.name))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(users).where(cond),
  ]);
  return { rows, total: total?.n ?? 0 };
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
