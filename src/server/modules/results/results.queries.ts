import { and, asc, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { officialResults, orgs } from '../../db/schema';
import { presentResult } from './results.presenter';

/** A body's official results (null: the national averages), oldest first. */
export async function listOrgResults(db: DbOrTx, orgId: string | null) {
  const rows = await db
    .select()
    .from(officialResults)
    .where(orgId ? eq(officialResults.orgId, orgId) : isNull(officialResults.orgId))
    .orderBy(asc(officialResults.year), asc(officialResults.frameworkId));
  return rows.map(presentResult);
}

export async function orgIdsByCode(db: DbOrTx): Promise<Map<string, string>> {
  const rows = await db.select({ id: orgs.id, code: orgs.code }).from(orgs);
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** The body's latest official result on a framework that gives every level (not a total only). */
export async function latestDetailedResult(db: DbOrTx, orgId: string, frameworkId: string) {
  const [row] = await db
    .select({
      year: officialResults.year,
      source: officialResults.source,
      isSample: officialResults.isSample,
      levels: officialResults.levels,
    })
    .from(officialResults)
    .where(
      and(
        eq(officialResults.orgId, orgId),
        eq(officialResults.frameworkId, frameworkId),
        isNotNull(officialResults.levels),
      ),
    )
    .orderBy(desc(officialResults.year))
    .limit(1);
  return row ?? null;
}
