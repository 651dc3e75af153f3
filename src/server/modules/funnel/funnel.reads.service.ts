import type { ExportQuery, FunnelBodiesQuery, Journey, ScopeQuery } from '../../../shared/contracts/followup';
import type { Locale } from '../../../shared/errors';
import { drillDown, type Figure, type Measured } from '../../../shared/followup/measure';
import { milestones } from '../../../shared/followup/milestones';
import type { DbOrTx } from '../../db/client';
import { pagination } from '../../db/query-helpers';
import type { Actor } from '../../platform/auth/actor';
import { toCsv } from '../../platform/csv';
import type { ReadCache } from '../../platform/read-cache';
import { toXlsx } from '../../platform/xlsx';
import { getOrgInScope } from '../orgs/orgs.service';
import { exportName, exportTable } from './funnel.export';
import { presentBody, presentFunnel } from './funnel.presenter';
import * as q from './funnel.queries';
import { measure, measureOne, type ResolvedScope, resolveScope } from './funnel.service';

// The measure's reads behind the routes: a scope's headline, its drill-downs and a body's journey.

export type FunnelCache = ReadCache<{ json: string; bodies: unknown[] }>;

/**
 * The measure of a scope reads one stored fact row per body (no recomputing from items); the
 * result is also kept in the per-instance read cache (cleared on every instance when follow-up
 * facts, bodies or programmes change: db/cache-triggers.ts).
 * The cached entry keeps the reasons (one read serves every page); uncached, the headline reads
 * summaries only.
 */
export async function measured(db: DbOrTx, cache: FunnelCache, r: ResolvedScope, reasons: boolean) {
  const withReasons = reasons || cache.enabled;
  const key = JSON.stringify([r.scope, r.thresholdPercent, withReasons]);
  const entry = await cache.get(key, async () => {
    const m = await measure(db, r, { reasons: withReasons });
    return { json: JSON.stringify({ data: presentFunnel(m, r) }), bodies: [m] };
  });
  return { json: entry.json, m: entry.bodies[0] as Measured };
}

/** A scope the actor may see, measured (403/404 from resolveScope otherwise). */
export async function measuredScope(
  db: DbOrTx,
  cache: FunnelCache,
  actor: Actor,
  query: ScopeQuery,
  reasons: boolean,
) {
  const r = await resolveScope(db, actor, query);
  return { r, ...(await measured(db, cache, r, reasons)) };
}

/** The funnel reply as a ready JSON string (what the cache holds). */
export async function funnelJson(db: DbOrTx, cache: FunnelCache, actor: Actor, query: ScopeQuery) {
  return (await measuredScope(db, cache, actor, query, false)).json;
}

/** Drill-down: exactly the bodies a figure counts (or the stalled ones), filtered and paged. */
export async function scopeBodies(
  db: DbOrTx,
  cache: FunnelCache,
  actor: Actor,
  qy: FunnelBodiesQuery,
  locale: Locale,
) {
  const { m } = await measuredScope(db, cache, actor, qy, true);
  // `stage=` is the former name of `milestone=`.
  const figure: Figure | null = qy.milestone ?? qy.stage ?? null;
  let list = drillDown(m, figure ?? 'cohort');
  if (qy.stalled === 'true')
    list = list.filter((x) => x.row?.stalled).sort((a, b) => (b.row?.idleDays ?? 0) - (a.row?.idleDays ?? 0));
  if (qy.q) {
    const needle = qy.q.toLowerCase();
    list = list.filter((x) => x.body.name.toLowerCase().includes(needle) || x.body.code.startsWith(qy.q!));
  }
  return {
    data: list
      .slice((qy.page - 1) * qy.pageSize, qy.page * qy.pageSize)
      .map((x) => presentBody(x.body, x.row, figure, locale)),
    pagination: pagination(qy, list.length),
  };
}

/** The scope's bodies as a CSV or XLSX file. */
export async function scopeExport(
  db: DbOrTx,
  cache: FunnelCache,
  actor: Actor,
  query: ExportQuery,
  locale: Locale,
) {
  const { r, m } = await measuredScope(db, cache, actor, query, true);
  const { header, rows } = exportTable(m, locale);
  const name = `${exportName(r)}.${query.format}`;
  return query.format === 'xlsx'
    ? { name, xlsx: true as const, body: await toXlsx('Tindak lanjut', header, rows) }
    : { name, xlsx: false as const, body: toCsv(header, rows) };
}

/** The body's own learning journey: its milestones and a dated timeline (its scope only). */
export async function bodyJourney(db: DbOrTx, actor: Actor, code: string, locale: Locale): Promise<Journey> {
  const org = await getOrgInScope(db, actor, code);
  const info = {
    orgId: org.id,
    code: org.code,
    name: org.name,
    provinceCode: org.provinceCode,
    type: org.type,
  };
  const row = await measureOne(db, info);
  const body = presentBody(info, row, null, locale);
  return {
    stage: body.stage,
    reached: body.reached,
    referenceDate: body.referenceDate,
    milestones: milestones.map((k) => ({
      milestone: k,
      date: row?.measure.hits[k]?.date ?? null,
      reason: row?.measure.hits[k]?.reason?.[locale] ?? null,
    })),
    events: await q.journeyEvents(db, org.id),
  };
}
