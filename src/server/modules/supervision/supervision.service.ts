import type {
  NationalOverview,
  ProvinceOverview,
  Regions,
  RegionsQuery,
  Simulation,
} from '../../../shared/contracts/supervision';
import type { Locale } from '../../../shared/errors';
import type { BodyInfo } from '../../../shared/followup/facts';
import { type BodyRow, measureScope, type Scope, STALL_DAYS } from '../../../shared/followup/measure';
import { DEFAULT_PATH_THRESHOLD } from '../../../shared/followup/milestones';
import { newest } from '../../../shared/followup/path';
import { areaAverage, latestIndexes } from '../../../shared/framework/body-index';
import { planEffect, plannedIndex } from '../../../shared/supervision/group-simulation';
import { indexTrendByFramework } from '../../../shared/supervision/trend-by-framework';
import type { DbOrTx } from '../../db/client';
import { readAll } from '../../db/query-helpers';
import { AppError } from '../../platform/app-error';
import type { Actor } from '../../platform/auth/actor';
import { today } from '../../platform/calendar';
import { listFrameworks } from '../frameworks/frameworks.registry';
import { storedBodies } from '../funnel/funnel.queries';
import type { FunnelCache } from '../funnel/funnel.reads.service';
import { averagedIds } from './supervision.index';
import { type SupervisionTarget, supervisionPolicy } from './supervision.policy';
import * as p from './supervision.presenter';
import * as q from './supervision.queries';

// The supervisors' cockpits. Every follow-up figure is the follow-up measure's own: the stored
// per-body summaries measured by the pure rules (shared/followup/measure.ts) for each scope,
// exactly as GET /funnel answers for that scope. The national answers read every body and are
// kept in the follow-up read cache, which is cleared when follow-up facts or bodies change; the
// province answers read only the province's bodies and are not cached (they also count items
// past due, which the facts do not track).

const options = { pathThreshold: DEFAULT_PATH_THRESHOLD };

function authorize(actor: Actor, action: 'view' | 'simulate', target: SupervisionTarget) {
  if (!supervisionPolicy.can(actor, action, target)) throw new AppError('FORBIDDEN');
}

/** Kab/kota that could join as learners (hosts teach): as the funnel's "not joined" counts them. */
const couldJoin = (b: q.DirectoryBody) =>
  (b.type === 'regency' || b.type === 'city') && !b.isHost && b.evaluated;

/** The measure of a scope over stored summaries already read. */
function measureOf(
  stored: Awaited<ReturnType<typeof storedBodies>>,
  info: Map<string, BodyInfo>,
  scope: Scope,
  provinceBodies?: BodyInfo[],
) {
  return measureScope({ bodies: stored, info, scope, options, today: today(), provinceBodies });
}

const infoMap = (stored: Awaited<ReturnType<typeof storedBodies>>) =>
  new Map<string, BodyInfo>(stored.map((r) => [r.info.orgId, r.info]));

async function buildNational(db: DbOrTx): Promise<NationalOverview> {
  const [stored, directory, results] = await readAll(db, [
    () => storedBodies(db, false),
    () => q.regionalBodies(db),
    () => q.indexResults(db, null),
  ] as const);
  const info = infoMap(stored);
  const national = measureOf(stored, info, { kind: 'national' });
  const latest = latestIndexes(results);
  const members = new Map<string, q.DirectoryBody[]>();
  for (const b of directory) {
    const key = b.type === 'province' ? b.code : (b.provinceCode ?? '');
    members.set(key, [...(members.get(key) ?? []), b]);
  }
  const provinces = directory
    .filter((b) => b.type === 'province')
    .map((prov) => {
      const own = members.get(prov.code) ?? [];
      // The province scope of the same stored rows: the figures GET /funnel?scope=province gives.
      const m = measureOf(
        stored,
        info,
        { kind: 'province', code: prov.code },
        own.filter(couldJoin).map(p.infoOf),
      );
      const averaged = averagedIds(own);
      return p.provinceRow(prov, averaged.length, m, areaAverage(latest, averaged));
    });
  const all = areaAverage(latest, latest.keys());
  return {
    headline: {
      cohort: national.cohort,
      ...national.headline,
      averageIndex: all.average,
      indexed: all.count,
      indexFramework: p.frameworkName(all.frameworkId),
    },
    provinces,
    trend: p.presentTrend(national, indexTrendByFramework(results)),
    indexBands: p.indexBands(),
    definitions: p.definitionsText(),
  };
}

/** The nation (national supervisors and platform admins), as a ready JSON string. */
export async function nationalOverview(db: DbOrTx, cache: FunnelCache, actor: Actor): Promise<string> {
  authorize(actor, 'view', { kind: 'national' });
  const entry = await cache.get('supervision:national', async () => ({
    json: JSON.stringify({ data: await buildNational(db) }),
    bodies: [],
  }));
  return entry.json;
}

async function buildRegions(db: DbOrTx, province: q.DirectoryBody | null): Promise<Regions> {
  const directory = await q.regionalBodies(db, province?.code);
  const regional = directory.filter((b) => b.type !== 'province');
  const ids = province ? directory.map((b) => b.id) : null;
  const [stored, results] = await readAll(db, [
    () => storedBodies(db, false, ids ?? undefined),
    () => q.indexResults(db, ids),
  ] as const);
  const m = measureOf(stored, infoMap(stored), { kind: 'national' });
  const rows = new Map<string, BodyRow>(m.rows.map((r) => [r.orgId, r]));
  const latest = latestIndexes(results);
  return {
    province: province ? { code: province.code, name: province.name } : null,
    regions: regional.map((b) => p.regionValue(b, rows.get(b.id), latest.get(b.id))),
    indexBands: p.indexBands(),
  };
}

/** A province: the province's own supervisors too; 404 for a code that is not a province. */
async function provinceFor(db: DbOrTx, actor: Actor, code: string, action: 'view' | 'simulate') {
  const directory = await q.regionalBodies(db, code);
  const province = directory.find((b) => b.type === 'province' && b.code === code);
  if (!province) throw new AppError('NOT_FOUND');
  authorize(actor, action, { kind: 'province', code });
  return { province, directory };
}

/** Map values of kab/kota: one province's, or (national roles) all of them, as a JSON string. */
export async function regionValues(db: DbOrTx, cache: FunnelCache, actor: Actor, query: RegionsQuery) {
  if (!query.province) {
    authorize(actor, 'view', { kind: 'national' });
    return (
      await cache.get('supervision:regions', async () => ({
        json: JSON.stringify({ data: await buildRegions(db, null) }),
        bodies: [],
      }))
    ).json;
  }
  const { province } = await provinceFor(db, actor, query.province, 'view');
  return JSON.stringify({ data: await buildRegions(db, province) });
}

/** A province's cockpit: its headline, every body (map, league, stalled) and its trends. */
export async function provinceOverview(
  db: DbOrTx,
  actor: Actor,
  code: string,
  locale: Locale,
): Promise<ProvinceOverview> {
  const { province, directory } = await provinceFor(db, actor, code, 'view');
  const ids = directory.map((b) => b.id);
  const [stored, results, late] = await readAll(db, [
    () => storedBodies(db, false, ids),
    () => q.indexResults(db, ids),
    () => q.lateness(db, ids),
  ] as const);
  const m = measureOf(
    stored,
    infoMap(stored),
    { kind: 'province', code },
    directory.filter(couldJoin).map(p.infoOf),
  );
  const rows = new Map<string, BodyRow>(m.rows.map((r) => [r.orgId, r]));
  const latest = latestIndexes(results);
  const average = areaAverage(latest, averagedIds(directory));
  return {
    province: { code: province.code, name: province.name },
    headline: {
      cohort: m.cohort,
      ...m.headline,
      notJoined: m.notJoined.length,
      averageIndex: average.average,
      indexed: average.count,
      indexFramework: p.frameworkName(average.frameworkId),
    },
    stallDays: STALL_DAYS,
    bodies: directory.map((b) => p.provinceBody(b, rows.get(b.id), latest.get(b.id), late.get(b.id), locale)),
    trend: p.presentTrend(m, indexTrendByFramework(results)),
    indexBands: p.indexBands(),
    definitions: p.definitionsText(),
    abilities: supervisionPolicy.abilities(actor, { kind: 'province', code }),
  };
}

/**
 * Each body of a province with its latest index and its index if its approved plans were reached
 * (the framework engine scores its newest levels with the plans' targets); the page averages any
 * group of them with the same pure rule (shared/supervision/group-simulation.ts).
 */
export async function provinceSimulation(db: DbOrTx, actor: Actor, code: string): Promise<Simulation> {
  const { province, directory } = await provinceFor(db, actor, code, 'simulate');
  const ids = directory.map((b) => b.id);
  const [results, levels, targets, frameworks] = await readAll(db, [
    () => q.indexResults(db, ids),
    () => q.levelResults(db, ids),
    () => q.planTargets(db, ids),
    () => listFrameworks(db),
  ] as const);
  const latest = latestIndexes(results);
  const basisOf = new Map<string, q.LevelResult>();
  for (const r of levels) {
    const b = basisOf.get(r.orgId);
    if (!b || newest(r, b) < 0) basisOf.set(r.orgId, r);
  }
  const bodies = directory.map((b) => {
    const current = latest.get(b.id) ?? null;
    const basis = basisOf.get(b.id);
    const framework = basis && frameworks.find((f) => f.id === basis.frameworkId);
    // Only plans on the framework of the levels they raise (their numbers mean nothing on another).
    const planTargets = (basis && targets.get(`${b.id}|${basis.frameworkId}`)) || [];
    const anyPlan = [...targets.keys()].some((k) => k.startsWith(`${b.id}|`));
    const effect = framework && planTargets.length ? planEffect(framework, basis.levels, planTargets) : null;
    return {
      code: b.code,
      name: b.name,
      type: b.type,
      current,
      planned: effect ? plannedIndex(current?.index ?? null, effect) : null,
      raised: effect?.raised ?? 0,
      basis: basis ? { source: basis.source, year: basis.year } : null,
      problem: !anyPlan
        ? ('no_plan' as const)
        : !framework || !planTargets.length
          ? ('no_levels' as const)
          : null,
    };
  });
  return {
    province: { code: province.code, name: province.name },
    bodies,
    definitions: p.definitionsText(),
  };
}
