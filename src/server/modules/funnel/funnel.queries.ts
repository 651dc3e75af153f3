import { and, asc, eq, gt, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Journey } from '../../../shared/contracts/followup';
import type { BodyInfo } from '../../../shared/followup/facts';
import type { BodyReasons, BodySummary } from '../../../shared/followup/milestones';
import type { DbOrTx } from '../../db/client';
import {
  actionItems,
  actionPlans,
  assessmentSubmissions,
  assessments,
  commitmentSignatures,
  commitmentTexts,
  followupFacts,
  officialResults,
  orgs,
  programmes,
  visits,
} from '../../db/schema';

// Reads for the follow-up measure. The measure itself is computed from stored per-body facts by
// the pure rules in src/shared/followup; nothing here decides a milestone.

export async function orgByCode(db: DbOrTx, code: string) {
  const [o] = await db.select().from(orgs).where(eq(orgs.code, code));
  return o;
}

export async function programmeById(db: DbOrTx, id: string) {
  const [p] = await db.select().from(programmes).where(eq(programmes.id, id));
  return p;
}

export async function commitmentText(db: DbOrTx, version: number) {
  const [t] = await db.select().from(commitmentTexts).where(eq(commitmentTexts.version, version));
  return t;
}

/**
 * Every joined body's stored summary with its public facts: one read of ~650 small rows for the
 * nation. Reasons (texts) only when a page lists bodies.
 */
export async function storedBodies(db: DbOrTx, withReasons: boolean, orgIds?: string[]) {
  const rows = await db
    .select({
      summary: followupFacts.summary,
      reasons: withReasons ? followupFacts.reasons : sql<null>`null`,
      orgId: orgs.id,
      code: orgs.code,
      name: orgs.name,
      provinceCode: orgs.provinceCode,
      type: orgs.type,
    })
    .from(followupFacts)
    .innerJoin(orgs, eq(orgs.id, followupFacts.orgId))
    .where(and(isNotNull(followupFacts.summary), orgIds ? inArray(followupFacts.orgId, orgIds) : undefined));
  return rows.map(({ summary, reasons, ...info }) => ({
    summary: summary as BodySummary,
    reasons: reasons as BodyReasons | null,
    info: info as BodyInfo,
  }));
}

export async function hosts(db: DbOrTx) {
  return db
    .select({ id: orgs.id, code: orgs.code, name: orgs.name })
    .from(orgs)
    .where(eq(orgs.isHost, true))
    .orderBy(asc(orgs.code));
}

export async function provinces(db: DbOrTx) {
  return db
    .select({ code: orgs.code, name: orgs.name })
    .from(orgs)
    .where(eq(orgs.type, 'province'))
    .orderBy(asc(orgs.code));
}

/**
 * The kab/kota of a province that could join as learners (for "not joined"). Administrative areas
 * not evaluated separately (DKI Jakarta's) are no such denominator.
 */
export async function provinceBodies(db: DbOrTx, provinceCode: string): Promise<BodyInfo[]> {
  return (
    db
      .select({
        orgId: orgs.id,
        code: orgs.code,
        name: orgs.name,
        provinceCode: orgs.provinceCode,
        type: orgs.type,
      })
      .from(orgs)
      // Hosts teach rather than learn: they are not "not joined".
      .where(
        and(
          eq(orgs.provinceCode, provinceCode),
          inArray(orgs.type, ['regency', 'city']),
          eq(orgs.isHost, false),
          eq(orgs.evaluated, true),
        ),
      )
  );
}

export async function programmeList(db: DbOrTx) {
  return db
    .select({ id: programmes.id, name: programmes.name })
    .from(programmes)
    .orderBy(asc(programmes.name));
}

export async function listCommitmentTexts(db: DbOrTx) {
  return db
    .select({ version: commitmentTexts.version, title: commitmentTexts.title })
    .from(commitmentTexts)
    .orderBy(asc(commitmentTexts.version));
}

/** Official results and accepted self-assessment indices of a body by year (for the path chart). */
export async function indexSeries(db: DbOrTx, orgId: string) {
  const [official, selfs] = await Promise.all([
    db
      .select({
        year: officialResults.year,
        frameworkId: officialResults.frameworkId,
        index: officialResults.index,
      })
      .from(officialResults)
      .where(eq(officialResults.orgId, orgId)),
    db.execute(sql`select distinct on (a.id) a.year, a.framework_id as "frameworkId", s.index
      from assessments a join assessment_submissions s on s.assessment_id = a.id
      where a.org_id = ${orgId} and a.status = 'accepted' and s.index is not null order by a.id, s.round desc`),
  ]);
  const self = (
    selfs as unknown as { rows: { year: number; frameworkId: string; index: number }[] }
  ).rows.map((r) => ({
    year: Number(r.year),
    frameworkId: r.frameworkId,
    index: Number(r.index),
  }));
  return { official, self };
}

/** A body's dated events for its journey timeline. */
export async function journeyEvents(db: DbOrTx, orgId: string): Promise<Journey['events']> {
  const [vs, sigs, subs, plans, done, results] = await Promise.all([
    db
      .select({ v: visits, host: orgs.name })
      .from(visits)
      .innerJoin(orgs, eq(orgs.id, visits.hostOrgId))
      .where(eq(visits.visitorOrgId, orgId)),
    db
      .select()
      .from(commitmentSignatures)
      .where(and(eq(commitmentSignatures.orgId, orgId), isNull(commitmentSignatures.revokedAt))),
    db
      .select({ s: assessmentSubmissions, year: assessments.year, id: assessments.id })
      .from(assessmentSubmissions)
      .innerJoin(assessments, eq(assessments.id, assessmentSubmissions.assessmentId))
      .where(eq(assessments.orgId, orgId)),
    db
      .select()
      .from(actionPlans)
      .where(and(eq(actionPlans.orgId, orgId), gt(actionPlans.approvedVersion, 0))),
    db
      .select()
      .from(actionItems)
      .where(and(eq(actionItems.orgId, orgId), inArray(actionItems.status, ['done', 'verified'])))
      .orderBy(asc(actionItems.doneAt))
      .limit(50),
    db.select().from(officialResults).where(eq(officialResults.orgId, orgId)),
  ]);
  return [
    ...vs.map(({ v, host }) => ({
      at: v.startDate,
      kind: 'visit' as const,
      title: host,
      link: `/visits/${v.id}`,
    })),
    ...sigs.map((s) => ({
      at: s.signedAt,
      kind: 'commitment' as const,
      title: `${s.signerName} (${s.textVersion})`,
      link: `/verify/${s.id}`,
    })),
    ...subs.map(({ s, year, id }) => ({
      at: s.at.toISOString(),
      kind: 'assessment_submitted' as const,
      title: `${year} · ${s.index?.toFixed(2) ?? '—'} · ${s.round}`,
      link: `/assessments/${id}`,
    })),
    ...plans.map((p) => ({
      at: p.approvedAt?.toISOString() ?? p.updatedAt.toISOString(),
      kind: 'plan_approved' as const,
      title: `${p.period} · v${p.approvedVersion}`,
      link: `/plans/${p.id}`,
    })),
    ...done.map((i) => ({
      at: i.doneAt?.toISOString() ?? i.updatedAt.toISOString(),
      kind: 'item_done' as const,
      title: i.title,
      link: `/plans/${i.planId}`,
    })),
    ...results.map((r) => ({
      at: `${r.year}-12-31`,
      kind: 'official_result' as const,
      title: `${r.year} · ${r.index.toFixed(2)}`,
      predicate: r.predicate,
      link: null,
    })),
  ].sort((a, b) => a.at.localeCompare(b.at));
}
