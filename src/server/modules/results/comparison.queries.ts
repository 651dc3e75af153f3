import { and, avg, count, desc, eq, inArray, isNotNull, ne } from 'drizzle-orm';
import type { Framework } from '../../../shared/framework/framework-schema';
import { score } from '../../../shared/framework/score';
import type { DbOrTx } from '../../db/client';
import { officialResults, orgs } from '../../db/schema';
import {
  hostFor,
  type Levels,
  type OrgLike,
  officialResult,
  presentOfficial,
  selfAssessment,
  sharedLevels,
} from './insights.queries';

export async function comparison(db: DbOrTx, org: OrgLike, framework: Framework, year: number) {
  const [self, official, host, shared] = await Promise.all([
    selfAssessment(db, org.id, framework.id, year),
    officialResult(db, org.id, framework.id, year),
    hostFor(db, org.id),
    sharedLevels(db, framework.id, year),
  ]);
  const selfScore = self ? score(self.framework, self.levels) : null;
  const [hostOfficial, national, nationalAvg, provinceAvg, similar] = await Promise.all([
    host && host.id !== org.id ? officialResult(db, host.id, framework.id, year, { latestUpTo: true }) : null,
    officialResult(db, null, framework.id, year, { latestUpTo: true }),
    db
      .select({ average: avg(officialResults.index), n: count() })
      .from(officialResults)
      .where(
        and(
          isNotNull(officialResults.orgId),
          eq(officialResults.frameworkId, framework.id),
          eq(officialResults.year, year),
        ),
      ),
    org.provinceCode
      ? db
          .select({ average: avg(officialResults.index), n: count() })
          .from(officialResults)
          .innerJoin(orgs, eq(orgs.id, officialResults.orgId))
          .where(
            and(
              eq(orgs.provinceCode, org.provinceCode),
              eq(orgs.evaluated, true),
              eq(officialResults.frameworkId, framework.id),
              eq(officialResults.year, year),
            ),
          )
      : null,
    db
      .select({
        code: orgs.code,
        name: orgs.name,
        index: officialResults.index,
        predicate: officialResults.predicate,
      })
      .from(officialResults)
      .innerJoin(orgs, eq(orgs.id, officialResults.orgId))
      .where(
        and(
          eq(orgs.type, org.type as 'regency'),
          ne(orgs.id, org.id),
          eq(officialResults.frameworkId, framework.id),
          eq(officialResults.year, year),
        ),
      )
      .orderBy(desc(officialResults.index), orgs.code)
      .limit(5),
  ]);

  // The gap table compares the body's levels with the host's, when the host shares them.
  const mine: Levels = self?.levels ?? official?.levels ?? {};
  const hostLevels = host && host.id !== org.id ? (shared.get(host.id) ?? null) : null;
  const peerIds = [...shared.keys()].filter((id) => id !== org.id);
  const peerOrgs = peerIds.length
    ? await db
        .select({ id: orgs.id, code: orgs.code, name: orgs.name })
        .from(orgs)
        .where(inArray(orgs.id, peerIds))
    : [];
  const gaps = hostLevels
    ? framework.indicators
        .filter((i) => (hostLevels[String(i.number)] ?? 0) > (mine[String(i.number)] ?? 0))
        .map((i) => {
          const needed = hostLevels[String(i.number)]!;
          const reached = peerOrgs
            .map((p) => ({ code: p.code, name: p.name, level: shared.get(p.id)![String(i.number)] ?? 0 }))
            .filter((p) => p.level >= needed)
            .sort((a, b) => b.level - a.level || a.code.localeCompare(b.code));
          return {
            indicator: i.number,
            name: i.name.id,
            nameEn: i.name.en,
            mine: mine[String(i.number)] ?? null,
            target: needed,
            peers: reached.slice(0, 5),
            peerCount: reached.length,
          };
        })
    : [];

  const avgOf = (r: { average: string | null; n: number }[] | null) =>
    r?.[0] && r[0].n > 0 ? { average: Math.round(Number(r[0].average) * 100) / 100, count: r[0].n } : null;
  return {
    year,
    framework: { id: framework.id, version: framework.version },
    body: {
      code: org.code,
      name: org.name,
      self: self
        ? {
            index: selfScore!.index?.display ?? null,
            predicate: selfScore!.index?.predicate.id ?? null,
            status: self.assessment.status,
            complete: selfScore!.complete,
            answered: selfScore!.answered,
          }
        : null,
      official: presentOfficial(official),
    },
    host:
      host && host.id !== org.id
        ? {
            code: host.code,
            name: host.name,
            official: presentOfficial(hostOfficial),
            levelsShared: hostLevels !== null,
          }
        : null,
    province: org.provinceCode ? avgOf(provinceAvg) : null,
    // The published national average (the latest up to the year); else the mean of the year's results.
    national: national
      ? { year: national.year, average: national.index, count: national.bodyCount, source: national.source }
      : avgOf(nationalAvg)
        ? { year, ...avgOf(nationalAvg)!, source: null }
        : null,
    similar,
    gaps,
  };
}

/** Per year: the body's self-assessment index and its official result. */
