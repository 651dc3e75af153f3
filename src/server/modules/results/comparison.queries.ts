import { and, avg, count, desc, eq, inArray, isNotNull, isNull, lte, ne, sql } from 'drizzle-orm';
import type { Framework } from '../../../shared/framework/framework-schema';
import { score } from '../../../shared/framework/score';
import type { DbOrTx } from '../../db/client';
import { assessmentItems, assessments, mentorships, officialResults, orgs } from '../../db/schema';
import { levelsOf } from '../assessments/assessments.queries';

type Levels = Record<string, number>;
type OrgLike = { id: string; code: string; name: string; type: string; provinceCode: string | null };

/** A body's own self-assessment for a year (any status), with its levels. */
export async function selfAssessment(db: DbOrTx, orgId: string, frameworkId: string, year: number) {
  const [a] = await db
    .select()
    .from(assessments)
    .where(
      and(eq(assessments.orgId, orgId), eq(assessments.frameworkId, frameworkId), eq(assessments.year, year)),
    );
  if (!a) return null;
  const items = await db
    .select({ indicator: assessmentItems.indicator, level: assessmentItems.level })
    .from(assessmentItems)
    .where(eq(assessmentItems.assessmentId, a.id));
  return { assessment: a, levels: levelsOf(items) };
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
 */
export async function sharedLevels(
  db: DbOrTx,
  frameworkId: string,
  year: number,
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
async function hostFor(db: DbOrTx, orgId: string) {
  const [mentor] = await db
    .select({ id: orgs.id, code: orgs.code, name: orgs.name, shareLevels: orgs.shareLevels })
    .from(mentorships)
    .innerJoin(orgs, eq(orgs.id, mentorships.hostOrgId))
    .where(eq(mentorships.menteeOrgId, orgId))
    .limit(1);
  if (mentor) return mentor;
  const [first] = await db
    .select({ id: orgs.id, code: orgs.code, name: orgs.name, shareLevels: orgs.shareLevels })
    .from(orgs)
    .where(eq(orgs.code, '32.11'));
  return first ?? null;
}

const presentOfficial = (r: Awaited<ReturnType<typeof officialResult>>) =>
  r
    ? { year: r.year, index: r.index, predicate: r.predicate, source: r.source, isReference: r.isReference }
    : null;

export async function comparison(db: DbOrTx, org: OrgLike, framework: Framework, year: number) {
  const [self, official, host, shared] = await Promise.all([
    selfAssessment(db, org.id, framework.id, year),
    officialResult(db, org.id, framework.id, year),
    hostFor(db, org.id),
    sharedLevels(db, framework.id, year),
  ]);
  const selfScore = self ? score(framework, self.levels) : null;
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
  const items = own.length
    ? await db
        .select({
          assessmentId: assessmentItems.assessmentId,
          indicator: assessmentItems.indicator,
          level: assessmentItems.level,
        })
        .from(assessmentItems)
        .where(
          inArray(
            assessmentItems.assessmentId,
            own.map((a) => a.id),
          ),
        )
    : [];
  const years = [...new Set([...own.map((a) => a.year), ...official.map((o) => o.year)])].sort();
  return years.map((year) => {
    const a = own.find((x) => x.year === year);
    const o = official.find((x) => x.year === year);
    const s = a ? score(framework, levelsOf(items.filter((i) => i.assessmentId === a.id))) : null;
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
