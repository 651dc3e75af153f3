import { and, eq } from 'drizzle-orm';
import type { Framework } from '../../../shared/framework/framework-schema';
import { score } from '../../../shared/framework/score';
import type { DbOrTx } from '../../db/client';
import { assessments, officialResults } from '../../db/schema';
import { levelsByAssessment } from '../assessments/assessments.queries';
import { findFramework } from '../frameworks/frameworks.registry';
import { officialResult, selfAssessment } from './insights.queries';

// A body's results over the years, and its self-assessment against the official result.

/**
 * Per evaluation year and framework: the body's self-assessment index (scored on the framework
 * version it recorded) and its official result. Every framework it has results on, or one.
 */
export async function history(db: DbOrTx, orgId: string, only?: string | Pick<Framework, 'id'>) {
  // The rapor (modules/reports) passes the framework itself.
  const frameworkId = typeof only === 'string' ? only : only?.id;
  const [own, official] = await Promise.all([
    db
      .select({
        id: assessments.id,
        year: assessments.year,
        status: assessments.status,
        frameworkId: assessments.frameworkId,
        frameworkVersion: assessments.frameworkVersion,
      })
      .from(assessments)
      .where(
        and(eq(assessments.orgId, orgId), frameworkId ? eq(assessments.frameworkId, frameworkId) : undefined),
      ),
    db
      .select()
      .from(officialResults)
      .where(
        and(
          eq(officialResults.orgId, orgId),
          frameworkId ? eq(officialResults.frameworkId, frameworkId) : undefined,
        ),
      ),
  ]);
  const levels = await levelsByAssessment(
    db,
    own.map((a) => a.id),
  );
  const frameworks = new Map<string, Framework>();
  for (const a of own) {
    const key = `${a.frameworkId}@${a.frameworkVersion}`;
    if (!frameworks.has(key)) frameworks.set(key, await findFramework(db, a.frameworkId, a.frameworkVersion));
  }
  const keys = new Map<string, { year: number; frameworkId: string }>();
  for (const r of [...own, ...official]) keys.set(`${r.year}|${r.frameworkId}`, r);
  return [...keys.values()]
    .sort((a, b) => a.year - b.year || (a.frameworkId < b.frameworkId ? -1 : 1))
    .map(({ year, frameworkId: fw }) => {
      const a = own.find((x) => x.year === year && x.frameworkId === fw);
      const o = official.find((x) => x.year === year && x.frameworkId === fw);
      const s = a
        ? score(frameworks.get(`${a.frameworkId}@${a.frameworkVersion}`)!, levels.get(a.id) ?? {})
        : null;
      return {
        year,
        frameworkId: fw,
        self:
          a && s
            ? { index: s.index?.display ?? null, complete: s.complete, status: a.status, assessmentId: a.id }
            : null,
        official: o
          ? {
              year: o.year,
              index: o.index,
              predicate: o.predicate,
              source: o.source,
              isReference: o.isReference,
            }
          : null,
      };
    });
}

/** Self-assessment against the official result, per indicator and in total. */
export async function calibration(db: DbOrTx, orgId: string, framework: Framework, year: number) {
  const [self, official] = await Promise.all([
    selfAssessment(db, orgId, framework.id, year),
    officialResult(db, orgId, framework.id, year),
  ]);
  const selfScore = self ? score(self.framework, self.levels) : null;
  const indicators = framework.indicators.map((i) => {
    const mine = self?.levels[String(i.number)] ?? null;
    const theirs = official?.levels?.[String(i.number)] ?? null;
    return {
      indicator: i.number,
      name: i.name.id,
      nameEn: i.name.en,
      self: mine,
      official: theirs,
      difference: mine !== null && theirs !== null ? mine - theirs : null,
    };
  });
  const selfIndex = selfScore?.index?.display ?? null;
  return {
    year,
    framework: { id: framework.id, version: framework.version },
    self: self ? { index: selfIndex, complete: selfScore!.complete, status: self.assessment.status } : null,
    official: official
      ? {
          index: official.index,
          predicate: official.predicate,
          source: official.source,
          detail: official.levels ? 'levels' : official.domains ? 'domains' : 'total',
        }
      : null,
    difference: selfIndex !== null && official ? Math.round((selfIndex - official.index) * 100) / 100 : null,
    indicators,
  };
}
