import { and, desc, eq, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  assessmentItems,
  assessments,
  mentorships,
  officialResults,
  orgs,
  scenarios,
  users,
} from '../../db/schema';
import { levelsByAssessment } from '../assessments/assessments.queries';
import { findFramework } from '../frameworks/frameworks.registry';

// The lookups comparison and calibration share (a body's self-assessment and official result for a
// year, the levels peers share, the host a body learns from) and the saved scenarios.
export type Levels = Record<string, number>;
export type OrgLike = { id: string; code: string; name: string; type: string; provinceCode: string | null };

/** A body's own self-assessment for a year (any status), with its levels and the framework version it recorded. */
export async function selfAssessment(db: DbOrTx, orgId: string, frameworkId: string, year: number) {
  const [a] = await db
    .select()
    .from(assessments)
    .where(
      and(eq(assessments.orgId, orgId), eq(assessments.frameworkId, frameworkId), eq(assessments.year, year)),
    );
  if (!a) return null;
  const levels = await levelsByAssessment(db, [a.id]);
  const framework = await findFramework(db, a.frameworkId, a.frameworkVersion);
  return { assessment: a, levels: levels.get(a.id) ?? {}, framework };
}

export async function officialResult(
  db: DbOrTx,
  orgId: string | null,
  frameworkId: string,
  year: number,
  opts: { latestUpTo?: boolean } = {},
) {
  const [r] = await db
    .select()
    .from(officialResults)
    .where(
      and(
        orgId ? eq(officialResults.orgId, orgId) : isNull(officialResults.orgId),
        eq(officialResults.frameworkId, frameworkId),
        opts.latestUpTo ? lte(officialResults.year, year) : eq(officialResults.year, year),
      ),
    )
    .orderBy(desc(officialResults.year))
    .limit(1);
  return r ?? null;
}

/**
 * The latest levels (up to a year) of the bodies that share them with peers: official levels when
 * published, otherwise an accepted self-assessment. Bodies that do not share are never read.
 * `onlyOrgId` reads one body's (the host's, for a report) instead of every sharing body's.
 */
export async function sharedLevels(
  db: DbOrTx,
  frameworkId: string,
  year: number,
  onlyOrgId?: string,
): Promise<Map<string, Levels>> {
  const [official, accepted] = await Promise.all([
    db
      .select({ orgId: officialResults.orgId, year: officialResults.year, levels: officialResults.levels })
      .from(officialResults)
      .innerJoin(orgs, eq(orgs.id, officialResults.orgId))
      .where(
        and(
          eq(orgs.shareLevels, true),
          eq(officialResults.frameworkId, frameworkId),
          lte(officialResults.year, year),
          isNotNull(officialResults.levels),
          onlyOrgId ? eq(orgs.id, onlyOrgId) : undefined,
        ),
      ),
    db
      .select({
        orgId: assessments.orgId,
        year: assessments.year,
        levels: sql<Levels>`jsonb_object_agg(${assessmentItems.indicator}::text, ${assessmentItems.level})`,
      })
      .from(assessments)
      .innerJoin(orgs, eq(orgs.id, assessments.orgId))
      .innerJoin(assessmentItems, eq(assessmentItems.assessmentId, assessments.id))
      .where(
        and(
          eq(orgs.shareLevels, true),
          eq(assessments.status, 'accepted'),
          eq(assessments.frameworkId, frameworkId),
          lte(assessments.year, year),
          onlyOrgId ? eq(orgs.id, onlyOrgId) : undefined,
        ),
      )
      .groupBy(assessments.orgId, assessments.year),
  ]);
  // Per body the latest year wins; in the same year the official levels win.
  const best = new Map<string, { year: number; official: boolean; levels: Levels }>();
  const consider = (orgId: string | null, y: number, levels: Levels | null, official: boolean) => {
    if (!orgId || !levels) return;
    const cur = best.get(orgId);
    if (!cur || y > cur.year || (y === cur.year && official && !cur.official))
      best.set(orgId, { year: y, official, levels });
  };
  for (const a of accepted) consider(a.orgId, a.year, a.levels, false);
  for (const o of official) consider(o.orgId, o.year, o.levels, true);
  return new Map([...best].map(([id, v]) => [id, v.levels]));
}

/** The host a body learns from: a host that mentors it, else the first host (Sumedang). */
export async function hostFor(db: DbOrTx, orgId: string) {
  const [mentor] = await db
    .select({ id: orgs.id, code: orgs.code, name: orgs.name, shareLevels: orgs.shareLevels })
    .from(mentorships)
    .innerJoin(orgs, eq(orgs.id, mentorships.hostOrgId))
    .where(and(eq(mentorships.menteeOrgId, orgId), eq(mentorships.status, 'active')))
    .limit(1);
  if (mentor) return mentor;
  const [first] = await db
    .select({ id: orgs.id, code: orgs.code, name: orgs.name, shareLevels: orgs.shareLevels })
    .from(orgs)
    .where(eq(orgs.code, '32.11'));
  return first ?? null;
}

export const presentOfficial = (r: Awaited<ReturnType<typeof officialResult>>) =>
  r
    ? { year: r.year, index: r.index, predicate: r.predicate, source: r.source, isReference: r.isReference }
    : null;

/** A body's saved scenarios for a framework, newest first, with their authors' names. */
export async function scenariosOf(db: DbOrTx, orgId: string, frameworkId?: string) {
  return db
    .select({ s: scenarios, author: users.name })
    .from(scenarios)
    .leftJoin(users, eq(users.id, scenarios.createdBy))
    .where(and(eq(scenarios.orgId, orgId), frameworkId ? eq(scenarios.frameworkId, frameworkId) : undefined))
    .orderBy(desc(scenarios.createdAt))
    .limit(200);
}
