import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { rowsOf } from '../../db/query-helpers';
import { mentorships, officialResults, orgs } from '../../db/schema';

// The index block of the home page for several bodies at once: their official results and
// submitted self-assessments by year, and the bodies they are compared with (host, province).

/** The host each body learns from: a host that mentors it, else the first host (Kabupaten Sumedang), as the comparison page does. */
export async function hostsOf(db: DbOrTx, orgIds: string[]) {
  const [mentoring, [fallback]] = await Promise.all([
    db
      .selectDistinctOn([mentorships.menteeOrgId], {
        orgId: mentorships.menteeOrgId,
        id: orgs.id,
        code: orgs.code,
        name: orgs.name,
      })
      .from(mentorships)
      .innerJoin(orgs, eq(orgs.id, mentorships.hostOrgId))
      .where(and(inArray(mentorships.menteeOrgId, orgIds), eq(mentorships.status, 'active')))
      .orderBy(mentorships.menteeOrgId, asc(mentorships.createdAt)),
    db.select({ id: orgs.id, code: orgs.code, name: orgs.name }).from(orgs).where(eq(orgs.code, '32.11')),
  ]);
  const byOrg = new Map(mentoring.map((m) => [m.orgId, { id: m.id, code: m.code, name: m.name }]));
  return new Map(
    orgIds.map((id) => {
      const host = byOrg.get(id) ?? fallback ?? null;
      // A host compares itself with nobody.
      return [id, host && host.id !== id ? host : null];
    }),
  );
}

/** Bodies by code (the provinces of the user's bodies). */
export async function orgsByCode(db: DbOrTx, codes: string[]) {
  if (!codes.length) return [];
  return db
    .select({ id: orgs.id, code: orgs.code, name: orgs.name })
    .from(orgs)
    .where(inArray(orgs.code, codes));
}

/** Every official result of these bodies (a few years each), oldest first. */
export async function officialSeries(db: DbOrTx, orgIds: string[]) {
  if (!orgIds.length) return [];
  return db
    .select({
      orgId: officialResults.orgId,
      year: officialResults.year,
      frameworkId: officialResults.frameworkId,
      index: officialResults.index,
      predicate: officialResults.predicate,
    })
    .from(officialResults)
    .where(inArray(officialResults.orgId, orgIds))
    .orderBy(asc(officialResults.year));
}

export type SelfPoint = {
  orgId: string;
  assessmentId: string;
  year: number;
  frameworkId: string;
  status: string;
  index: number | null;
};

/** Each submitted self-assessment of these bodies with its index as last submitted, oldest first. */
export async function selfSeries(db: DbOrTx, orgIds: string[]): Promise<SelfPoint[]> {
  if (!orgIds.length) return [];
  const rows = rowsOf(
    await db.execute(sql`select distinct on (a.id) a.org_id as "orgId", a.id as "assessmentId", a.year, a.framework_id as "frameworkId",
        a.status, s.index
      from assessments a join assessment_submissions s on s.assessment_id = a.id
      where a.org_id = any(${sql.param(orgIds)}::uuid[])
      order by a.id, s.round desc`),
  );
  return rows
    .map((r) => ({
      orgId: String(r.orgId),
      assessmentId: String(r.assessmentId),
      year: Number(r.year),
      frameworkId: String(r.frameworkId),
      status: String(r.status),
      index: r.index === null || r.index === undefined ? null : Number(r.index),
    }))
    .sort((a, b) => a.year - b.year);
}
