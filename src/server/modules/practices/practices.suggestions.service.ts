import { and, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { suggestionQuerySchema } from '../../../shared/contracts/adoptions';
import { rankPractices } from '../../../shared/followup/practice-gaps';
import type { DbOrTx } from '../../db/client';
import { adoptions, assessmentItems, assessments, officialResults } from '../../db/schema';
import type { Actor } from '../../platform/auth/actor';
import { levelsOf } from '../assessments/assessments.queries';
import { getOrgInScope } from '../orgs/orgs.service';
import { frameworkFor } from './practices.checks';
import { presentSummary, publishedPractices } from './practices.queries';

// A self-assessment counts once the body has sent it for review: a draft is work in progress.
const countedStatuses = ['submitted', 'in_review', 'resubmitted', 'accepted'] as const;

/**
 * The body's best current levels: the latest official result that has levels; else the latest
 * submitted or accepted self-assessment; else nothing (the ranking then takes every level as 1).
 */
export async function currentLevels(db: DbOrTx, orgId: string, frameworkId: string) {
  const [official] = await db
    .select({ year: officialResults.year, levels: officialResults.levels })
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
  if (official?.levels) {
    return {
      levels: official.levels,
      basis: {
        source: 'official' as const,
        year: official.year,
        status: null,
        note: 'Hasil evaluasi resmi / official result',
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
        note: 'Penilaian mandiri / self-assessment',
      },
    };
  }
  return {
    levels: {},
    basis: {
      source: 'none' as const,
      year: null,
      status: null,
      note: 'Belum ada tingkat: semua indikator dianggap tingkat 1 / no levels yet: every indicator taken as level 1',
    },
  };
}

/** Published practices ranked by how much they would lift this body's index. */
export async function practiceSuggestions(
  db: DbOrTx,
  actor: Actor,
  code: string,
  q: z.infer<typeof suggestionQuerySchema>,
) {
  const org = await getOrgInScope(db, actor, code);
  const framework = await frameworkFor(db, q.frameworkId, 'querystring.frameworkId');
  const [{ levels, basis }, rows, mine] = await Promise.all([
    currentLevels(db, org.id, framework.id),
    publishedPractices(db, framework.id),
    db
      .select({ id: adoptions.id, practiceId: adoptions.practiceId, stage: adoptions.stage })
      .from(adoptions)
      .where(eq(adoptions.orgId, org.id)),
  ]);
  // A host's own practices are what it already does.
  const candidates = rows
    .filter((r) => r.p.hostOrgId !== org.id)
    .map((r) => ({ id: r.p.id, title: r.p.title, indicators: r.p.indicators, row: r }));
  const adoptionOf = new Map(mine.map((a) => [a.practiceId, { id: a.id, stage: a.stage }]));
  const ranked = rankPractices(framework, levels, candidates).slice(0, q.limit);
  return {
    basis,
    data: ranked.map((r) => ({
      practice: presentSummary(r.practice.row),
      gain: r.gain,
      indicators: r.lines,
      adoption: adoptionOf.get(r.practice.id) ?? null,
    })),
  };
}
