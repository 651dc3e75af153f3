import { and, asc, count, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { OrgListQuery } from '../../../shared/contracts/orgs';
import type { DbOrTx } from '../../db/client';
import { escapeLike } from '../../db/query-helpers';
import { memberships, mentorships, orgs } from '../../db/schema';

const province = alias(orgs, 'province');

/**
 * A body's columns as every read presents it (with its province's name). Exported with the
 * province alias so a record can be read together with its body in one query (see
 * findAssessmentWithOrg): join `orgs`, then left-join `orgProvince` on the body's province code.
 */
export const orgProvince = province;
export const orgColumns = {
  id: orgs.id,
  code: orgs.code,
  name: orgs.name,
  type: orgs.type,
  provinceCode: orgs.provinceCode,
  provinceName: province.name,
  isReference: orgs.isReference,
  isMember: orgs.isMember,
  memberSince: orgs.memberSince,
  isHost: orgs.isHost,
  evaluated: orgs.evaluated,
  shareLevels: orgs.shareLevels,
  isSample: orgs.isSample,
};

export type OrgRow = Awaited<ReturnType<typeof findOrgByCode>> & {};

export async function listOrgs(db: DbOrTx, q: OrgListQuery) {
  const where: SQL[] = [];
  if (q.q) {
    const term = escapeLike(q.q);
    where.push(or(ilike(orgs.name, `%${term}%`), ilike(orgs.code, `${term}%`))!);
  }
  if (q.type) where.push(eq(orgs.type, q.type));
  if (q.province) where.push(or(eq(orgs.provinceCode, q.province), eq(orgs.code, q.province))!);
  if (q.member) where.push(eq(orgs.isMember, q.member === 'true'));
  const cond = where.length ? and(...where) : undefined;
  const sortCol = { code: orgs.code, name: orgs.name, type: orgs.type }[q.sort];
  const order = q.dir === 'desc' ? desc(sortCol) : asc(sortCol);
  const [rows, [total]] = await Promise.all([
    db
      .select(orgColumns)
      .from(orgs)
      .leftJoin(province, eq(province.code, orgs.provinceCode))
      .where(cond)
      .orderBy(order, asc(orgs.code))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(orgs).where(cond),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** One body with its province's name, found by code or by id. */
async function findOrg(db: DbOrTx, where: SQL) {
  const [row] = await db
    .select(orgColumns)
    .from(orgs)
    .leftJoin(province, eq(province.code, orgs.provinceCode))
    .where(where)
    .limit(1);
  return row ?? null;
}

export const findOrgByCode = (db: DbOrTx, code: string) => findOrg(db, eq(orgs.code, code));

export const findOrgById = (db: DbOrTx, id: string) => findOrg(db, eq(orgs.id, id));

export async function findOrgsByCodes(db: DbOrTx, codes: string[]) {
  if (!codes.length) return [];
  return db.select({ code: orgs.code, name: orgs.name }).from(orgs).where(inArray(orgs.code, codes));
}

export async function mentorsOf(db: DbOrTx, orgId: string) {
  return db
    .select({ code: orgs.code, name: orgs.name })
    .from(mentorships)
    .innerJoin(orgs, eq(orgs.id, mentorships.hostOrgId))
    .where(and(eq(mentorships.menteeOrgId, orgId), eq(mentorships.status, 'active')));
}

export async function countOrgUsers(db: DbOrTx, orgId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(distinct ${memberships.userId})::int` })
    .from(memberships)
    .where(eq(memberships.orgId, orgId));
  return row?.n ?? 0;
}

export async function orgHasMembers(db: DbOrTx, orgId: string) {
  const [member] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(eq(memberships.orgId, orgId))
    .limit(1);
  return Boolean(member);
}

/** Bodies by id, in code order, with what the policies read of them (type, province, host). */
export async function orgRefs(db: DbOrTx, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select({
      id: orgs.id,
      code: orgs.code,
      name: orgs.name,
      type: orgs.type,
      provinceCode: orgs.provinceCode,
      isHost: orgs.isHost,
    })
    .from(orgs)
    .where(inArray(orgs.id, ids))
    .orderBy(asc(orgs.code));
}
