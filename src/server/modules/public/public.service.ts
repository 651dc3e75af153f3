import { createHash } from 'node:crypto';
import type { Day } from '../../../shared/calendar';
import { ascii } from '../../../shared/compare';
import {
  type OpenDataFormat,
  type PublicBodiesQuery,
  type PublicBody,
  type PublicBodyRow,
  type PublicProvince,
  type PublicSummary,
  splitCodeSuffix,
} from '../../../shared/contracts/public';
import { definitions } from '../../../shared/followup/definitions';
import type { BodyInfo } from '../../../shared/followup/facts';
import { type Measured, measureScope, type Scope } from '../../../shared/followup/measure';
import { DEFAULT_PATH_THRESHOLD } from '../../../shared/followup/milestones';
import { englishPredicate } from '../../../shared/framework/present-score';
import type { DbOrTx } from '../../db/client';
import { pagination } from '../../db/query-helpers';
import { AppError } from '../../platform/app-error';
import { today } from '../../platform/calendar';
import { toCsv } from '../../platform/csv';
import type { ReadCache } from '../../platform/read-cache';
import { listFrameworks } from '../frameworks/frameworks.registry';
import { presentBody } from '../funnel/funnel.presenter';
import * as fq from '../funnel/funnel.queries';
import { bodiesTable, bodyTable, envelope, provincesTable, summaryTable } from './public.presenter';
import * as q from './public.queries';

// The public portal's figures and open data. The follow-up figures are the funnel's own: the same
// stored per-body summaries measured by the same pure rules (src/shared/followup/measure.ts) with
// the national threshold, so the portal never disagrees with a supervisor's national view.
// Everything is kept in the per-instance read cache under the "public" topic, which the database
// clears on every instance when a table read here changes (db/cache-triggers.ts).

export type PublicCache = ReadCache<{ value: unknown }>;
export type OpenDataContext = { db: DbOrTx; cache: PublicCache; sampleData: boolean; publicUrl: string };
/** A rendered dataset: what the route sends, with its entity tag. */
export type OpenDataFile = { body: string; etag: string; format: OpenDataFormat; name: string };

const PATH_THRESHOLD_PERCENT = Math.round(DEFAULT_PATH_THRESHOLD * 100);
const kabKotaTypes = new Set(['regency', 'city']);
const centralTypes = new Set(['ministry', 'agency']);
/** Evaluated bodies of some types: the directory's counts (administrative areas are listed only). */
const countOf = (rows: { type: string; evaluated: boolean }[], types: Set<string>) =>
  rows.filter((o) => o.evaluated && types.has(o.type)).length;
/** The definitions the portal shows: its figures only (no self-reported or per-province notions). */
const publicDefinitions = Object.fromEntries(
  Object.entries(definitions).filter(([k]) => k !== 'selfReported' && k !== 'notJoined'),
);

async function cached<T>(cache: PublicCache, key: string, load: () => Promise<T>): Promise<T> {
  return (await cache.get(key, async () => ({ value: await load() }))).value as T;
}

type Nation = {
  summary: PublicSummary;
  provinces: PublicProvince[];
  bodies: PublicBodyRow[];
  /** Each body's id and its progress on the host's path (percent; null: none measured), by code. */
  extra: Map<string, { id: string; pathProgressPercent: number | null }>;
};

/** The national measure, each province's, and every body's row: one read of each table. */
async function loadNation(db: DbOrTx, asOf: Day): Promise<Nation> {
  const [stored, orgRows, latest, signed, hosts, practices, frameworks] = await Promise.all([
    fq.storedBodies(db, false),
    q.allBodies(db),
    q.latestOfficialResults(db),
    q.signedOrgIds(db),
    fq.hosts(db),
    q.publishedPracticeCount(db),
    listFrameworks(db),
  ]);
  const bandsOf = new Map(frameworks.map((f) => [f.id, f.predicates]));
  const info = new Map<string, BodyInfo>(stored.map((r) => [r.info.orgId, r.info]));
  const measure = (scope: Scope, bodies = stored): Measured =>
    measureScope({ bodies, info, scope, options: { pathThreshold: DEFAULT_PATH_THRESHOLD }, today: asOf });
  const nation = measure({ kind: 'national' });

  const provinceOrgs = orgRows.filter((o) => o.type === 'province');
  const provinces = provinceOrgs.map((p): PublicProvince => {
    // Only the province's own summaries go in: the scope's rule decides, this just skips the rest.
    const own = stored.filter((r) => r.info.provinceCode === p.code || r.info.code === p.code);
    const m = measure({ kind: 'province', code: p.code }, own);
    return {
      code: p.code,
      name: p.name,
      kabKota: countOf(
        orgRows.filter((o) => o.provinceCode === p.code),
        kabKotaTypes,
      ),
      cohort: m.cohort,
      ...m.headline,
    };
  });

  const rows = new Map(nation.rows.map((r) => [r.code, r]));
  const extra: Nation['extra'] = new Map();
  const latestByOrg = new Map(latest.map((r) => [r.orgId, r]));
  const bodies = orgRows.map((o): PublicBodyRow => {
    const row = rows.get(o.code) ?? null;
    const b = presentBody(
      { orgId: o.id, code: o.code, name: o.name, provinceCode: o.provinceCode, type: o.type },
      row,
      null,
      'id',
    );
    const official = latestByOrg.get(o.id);
    extra.set(o.code, { id: o.id, pathProgressPercent: b.pathProgressPercent });
    return {
      code: o.code,
      name: o.name,
      type: o.type,
      provinceCode: o.provinceCode,
      provinceName: o.provinceName,
      isHost: o.isHost,
      isSample: o.isSample,
      joined: b.joined,
      referenceDate: b.referenceDate,
      signed: signed.has(o.id),
      followedUp: row?.measure.followedUp?.date ?? null,
      milestones: b.milestones,
      latestOfficial: official
        ? {
            year: official.year,
            frameworkId: official.frameworkId,
            index: official.index,
            predicate: official.predicate,
            predicateEn: englishPredicate(bandsOf.get(official.frameworkId) ?? [], official.predicate),
          }
        : null,
    };
  });

  const summary: PublicSummary = {
    directory: {
      total: orgRows.length,
      provinces: provinceOrgs.length,
      kabKota: countOf(orgRows, kabKotaTypes),
      central: countOf(orgRows, centralTypes),
    },
    cohort: nation.cohort,
    visited: nation.visited,
    headline: nation.headline,
    milestones: nation.milestones,
    trend: nation.trend,
    pathThresholdPercent: PATH_THRESHOLD_PERCENT,
    hosts: hosts.length,
    publishedPractices: practices,
    definitions: publicDefinitions,
  };
  return { summary, provinces, bodies, extra };
}

function nation(ctx: OpenDataContext, asOf: Day) {
  return cached(ctx.cache, `nation:${asOf}`, () => loadNation(ctx.db, asOf));
}

/** A strong entity tag of the exact bytes sent: a repeat request answers 304 without a body. */
function etagOf(body: string) {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

type Table = { header: string[]; rows: unknown[][] };

/** Renders (and keeps) a dataset in the asked format. */
function render(
  ctx: OpenDataContext,
  key: unknown[],
  name: string,
  format: OpenDataFormat,
  build: (asOf: Day) => Promise<{ json: () => unknown; table: () => Table }>,
): Promise<OpenDataFile> {
  const asOf = today();
  return cached(ctx.cache, JSON.stringify(['file', asOf, format, ...key]), async () => {
    const out = await build(asOf);
    const t = format === 'csv' ? out.table() : null;
    const body = t ? toCsv(t.header, t.rows) : JSON.stringify(out.json());
    return { body, etag: etagOf(body), format, name: `${name}.${format}` };
  });
}

const env = (ctx: OpenDataContext, asOf: Day) => ({ asOf, sampleData: ctx.sampleData });

/** The national figures (GET /public/summary). */
export function openSummary(ctx: OpenDataContext, format: OpenDataFormat) {
  return render(ctx, ['summary'], 'living-lab-ringkasan', format, async (asOf) => {
    const n = await nation(ctx, asOf);
    return { json: () => envelope(n.summary, env(ctx, asOf)), table: () => summaryTable(n.summary) };
  });
}

/** Each province's figures (GET /public/provinces). */
export function openProvinces(ctx: OpenDataContext, format: OpenDataFormat) {
  return render(ctx, ['provinces'], 'living-lab-provinsi', format, async (asOf) => {
    const n = await nation(ctx, asOf);
    return { json: () => envelope(n.provinces, env(ctx, asOf)), table: () => provincesTable(n.provinces) };
  });
}

function matches(b: PublicBodyRow, query: PublicBodiesQuery) {
  if (query.type && b.type !== query.type) return false;
  if (query.province && b.provinceCode !== query.province && b.code !== query.province) return false;
  if (query.joined && b.joined !== (query.joined === 'true')) return false;
  if (query.q) {
    const needle = query.q.toLowerCase();
    if (!b.name.toLowerCase().includes(needle) && !b.code.startsWith(query.q)) return false;
  }
  return true;
}

/** The bodies (GET /public/bodies): a page of them in JSON; every match in one CSV file. */
export function openBodies(ctx: OpenDataContext, query: PublicBodiesQuery) {
  const { format, ...filters } = query;
  const paging = format === 'csv' ? [] : [filters.page, filters.pageSize];
  const key = [
    'bodies',
    filters.q ?? '',
    filters.type ?? '',
    filters.province ?? '',
    filters.joined ?? '',
    ...paging,
  ];
  return render(ctx, key, 'living-lab-instansi', format, async (asOf) => {
    const n = await nation(ctx, asOf);
    const list = n.bodies.filter((b) => matches(b, query)).sort((a, b) => ascii(a.code, b.code));
    const page = list.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
    return {
      json: () => envelope(page, env(ctx, asOf), { pagination: pagination(query, list.length) }),
      table: () => bodiesTable(list),
    };
  });
}

/** One body's public page (GET /public/bodies/{code}); 404 for a code the directory lacks. */
export async function openBody(ctx: OpenDataContext, rawCode: string, asked: OpenDataFormat) {
  const { code, format: suffix } = splitCodeSuffix(rawCode);
  const format = suffix ?? asked;
  const asOf = today();
  const n = await nation(ctx, asOf);
  const row = n.bodies.find((b) => b.code === code);
  const extra = n.extra.get(code);
  if (!row || !extra) throw new AppError('NOT_FOUND');
  return render(ctx, ['body', code], `living-lab-${code}`, format, async () => {
    const page = await bodyPage(ctx, row, extra.id, extra.pathProgressPercent);
    return { json: () => envelope(page, env(ctx, asOf)), table: () => bodyTable(page) };
  });
}

async function bodyPage(
  ctx: OpenDataContext,
  body: PublicBodyRow,
  orgId: string,
  pathProgressPercent: number | null,
): Promise<PublicBody> {
  const [results, signatures, hosted, replicated, frameworks] = await Promise.all([
    q.officialResultsOf(ctx.db, orgId),
    q.signaturesOf(ctx.db, orgId),
    q.practicesHostedBy(ctx.db, orgId),
    q.replicationsOf(ctx.db, orgId),
    listFrameworks(ctx.db),
  ]);
  const bandsOf = new Map(frameworks.map((f) => [f.id, f.predicates]));
  return {
    body,
    pathProgressPercent,
    officialResults: results.map((r) => ({
      ...r,
      predicateEn: englishPredicate(bandsOf.get(r.frameworkId) ?? [], r.predicate),
    })),
    commitments: signatures.map((s) => ({ ...s, verifyUrl: `${ctx.publicUrl}/verify/${s.id}` })),
    practicesHosted: hosted.map((p) => ({ ...p, publishedAt: p.publishedAt?.toISOString() ?? null })),
    practicesReplicated: replicated.map((r) => ({
      practiceId: r.practiceId,
      title: r.title,
      host: { code: r.hostCode, name: r.hostName },
      stage: r.stage,
    })),
  };
}
