import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { assessmentItems, assessments, evidenceFiles, evidenceLinks } from '../../db/schema';

// Reads behind the crosswalk: what a body recorded on the earlier framework (its latest
// self-assessment, its latest detailed official result, the evidence it linked). Scope and
// permissions are the service's business.

/** The body's latest self-assessment on a framework, whatever its status. */
export async function latestAssessmentOn(db: DbOrTx, orgId: string, frameworkId: string) {
  const [row] = await db
    .select({
      id: assessments.id,
      year: assessments.year,
      status: assessments.status,
      isSample: assessments.isSample,
    })
    .from(assessments)
    .where(and(eq(assessments.orgId, orgId), eq(assessments.frameworkId, frameworkId)))
    .orderBy(desc(assessments.year))
    .limit(1);
  return row ?? null;
}

/** Level, justification and chosen service of some indicators of one assessment. */
export async function itemsOf(db: DbOrTx, assessmentId: string, indicators: readonly number[]) {
  if (indicators.length === 0) return [];
  return db
    .select({
      indicator: assessmentItems.indicator,
      level: assessmentItems.level,
      justification: assessmentItems.justification,
      serviceName: assessmentItems.serviceName,
    })
    .from(assessmentItems)
    .where(
      and(
        eq(assessmentItems.assessmentId, assessmentId),
        inArray(assessmentItems.indicator, [...indicators]),
      ),
    );
}

export type RelatedEvidenceRow = {
  fileId: string;
  name: string;
  mime: string;
  size: number;
  isSample: boolean;
  indicator: number;
  years: number[];
};

/**
 * The body's files linked to these indicators in any of its assessments on a framework: one row
 * per file and indicator, with the years it was linked in (latest first). This is the set the
 * crosswalk may reuse; the body's own links only, so a file of another body never appears.
 */
export async function relatedEvidence(
  db: DbOrTx,
  orgId: string,
  frameworkId: string,
  indicators: readonly number[],
): Promise<RelatedEvidenceRow[]> {
  if (indicators.length === 0) return [];
  const rows = await db
    .select({
      fileId: evidenceFiles.id,
      name: evidenceFiles.name,
      mime: evidenceFiles.mime,
      size: evidenceFiles.size,
      isSample: evidenceFiles.isSample,
      indicator: evidenceLinks.indicator,
      years: sql<number[]>`array_agg(distinct ${assessments.year} order by ${assessments.year} desc)`,
    })
    .from(evidenceLinks)
    .innerJoin(assessments, eq(assessments.id, evidenceLinks.assessmentId))
    .innerJoin(evidenceFiles, eq(evidenceFiles.id, evidenceLinks.fileId))
    .where(
      and(
        eq(assessments.orgId, orgId),
        eq(assessments.frameworkId, frameworkId),
        eq(evidenceFiles.orgId, orgId),
        inArray(evidenceLinks.indicator, [...indicators]),
      ),
    )
    .groupBy(evidenceFiles.id, evidenceLinks.indicator)
    .orderBy(desc(sql`max(${assessments.year})`), asc(evidenceFiles.name), asc(evidenceFiles.id));
  return rows.map((r) => ({
    ...r,
    size: Number(r.size),
    years: (r.years ?? []).map(Number),
  }));
}

/** The files already linked to one indicator of an assessment. */
export async function linkedFileIds(db: DbOrTx, assessmentId: string, indicator: number) {
  const rows = await db
    .select({ fileId: evidenceLinks.fileId })
    .from(evidenceLinks)
    .where(and(eq(evidenceLinks.assessmentId, assessmentId), eq(evidenceLinks.indicator, indicator)));
  return new Set(rows.map((r) => r.fileId));
}

/** Whether one indicator of an assessment was reopened by its reviewer (what a returned one may change). */
export async function itemReopened(db: DbOrTx, assessmentId: string, indicator: number) {
  const [row] = await db
    .select({ reopened: assessmentItems.reopened })
    .from(assessmentItems)
    .where(and(eq(assessmentItems.assessmentId, assessmentId), eq(assessmentItems.indicator, indicator)));
  return row?.reopened ?? false;
}
