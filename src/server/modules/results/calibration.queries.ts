import { and, eq } from 'drizzle-orm';
import type { Framework } from '../../../shared/framework/framework-schema';
import { score } from '../../../shared/framework/score';
import type { DbOrTx } from '../../db/client';
import { assessments, officialResults } from '../../db/schema';
import { levelsByAssessment } from '../assessments/assessments.queries';
import { officialResult, selfAssessment } from './insights.queries';

// A body's results over the years, and its self-assessment against the official result.
export async function history(db: DbOrTx, orgId: string, framework: Framework) {
  const [own, official] = await Promise.all([
    db
      .select({ id: assessments.id, year: assessments.year, status: assessments.status })
      .from(assessments)
      .where(and(eq(assessments.orgId, orgId), eq(assessments.frameworkId, framework.id))),
    db
      .select()
      .from(officialResults)
      .where(and(eq(officialResults.orgId, orgId), eq(officialResults.frameworkId, framework.id))),
  ]);
  const levels = await levelsByAssessment(
    db,
    own.map((a) => a.id),
  );
  const years = [...new Set([...own.map((a) => a.year), ...official.map((o) => o.year)])].sort();
  return years.map((year) => {
    const a = own.find((x) => x.year === year);
    const o = official.find((x) => x.year === year);
    const s = a ? score(framework, levels.get(a.id) ?? {}) : null;
    return {
      year,
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
  const selfScore = self ? score(framework, self.levels) : null;
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
