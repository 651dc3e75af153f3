import { and, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { TextKey } from '../../../shared/texts';
import type { DbOrTx } from '../../db/client';
import { assessmentItems, assessments, officialResults } from '../../db/schema';
import { levelsOf } from '../assessments/assessments.queries';
import { latestDetailedResult } from '../results/results.queries';

// The levels "practices for my gaps" ranks against: a body's best current levels on a framework,
// and the framework its newest levels are on.

/**
 * The framework of the body's newest levels (official or a self-assessment it sent), newest
 * evaluation year first; undefined when it has none.
 */
export async function latestLevelsFramework(db: DbOrTx, orgId: string): Promise<string | undefined> {
  const [official, own] = await Promise.all([
    db
      .select({ year: officialResults.year, frameworkId: officialResults.frameworkId })
      .from(officialResults)
      .where(and(eq(officialResults.orgId, orgId), isNotNull(officialResults.levels)))
      .orderBy(desc(officialResults.year))
      .limit(1),
    db
      .select({ year: assessments.year, frameworkId: assessments.frameworkId })
      .from(assessments)
      .where(and(eq(assessments.orgId, orgId), inArray(assessments.status, [...countedStatuses])))
      .orderBy(desc(assessments.year))
      .limit(1),
  ]);
  return [...official, ...own].sort((a, b) => b.year - a.year)[0]?.frameworkId;
}

// A self-assessment counts once the body has sent it for review: a draft is work in progress.
const countedStatuses = ['submitted', 'in_review', 'resubmitted', 'accepted'] as const;

/**
 * The body's best current levels: the latest official result that has levels; else the latest
 * submitted or accepted self-assessment; else nothing (the ranking then takes every level as 1).
 */
export async function currentLevels(db: DbOrTx, orgId: string, frameworkId: string) {
  const official = await latestDetailedResult(db, orgId, frameworkId);
  if (official?.levels) {
    return {
      levels: official.levels,
      basis: {
        source: 'official' as const,
        year: official.year,
        status: null,
        note: 'LEVELS_OFFICIAL' as const satisfies TextKey,
      },
    };
  }
  const [own] = await db
    .select({ id: assessments.id, year: assessments.year, status: assessments.status })
    .from(assessments)
    .where(
      and(
        eq(assessments.orgId, orgId),
        eq(assessments.frameworkId, frameworkId),
        inArray(assessments.status, [...countedStatuses]),
      ),
    )
    .orderBy(desc(assessments.year))
    .limit(1);
  if (own) {
    const items = await db
      .select({ indicator: assessmentItems.indicator, level: assessmentItems.level })
      .from(assessmentItems)
      .where(eq(assessmentItems.assessmentId, own.id));
    return {
      levels: levelsOf(items),
      basis: {
        source: 'assessment' as const,
        year: own.year,
        status: own.status,
        note: 'LEVELS_SELF_ASSESSED' as const satisfies TextKey,
      },
    };
  }
  return {
    levels: {},
    basis: {
      source: 'none' as const,
      year: null,
      status: null,
      note: 'LEVELS_NONE' as const satisfies TextKey,
    },
  };
}
