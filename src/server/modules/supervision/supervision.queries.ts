import { and, asc, inArray, or, sql } from 'drizzle-orm';
import type { IndexSource } from '../../../shared/contracts/supervision';
import type { IndexResult } from '../../../shared/framework/body-index';
import type { PlanTarget } from '../../../shared/supervision/group-simulation';
import type { DbOrTx } from '../../db/client';
import { rowsOf } from '../../db/query-helpers';
import { orgs } from '../../db/schema';
import { sqlToday } from '../../platform/calendar';

// Reads for the supervisors' cockpits: set-based, one statement per kind of fact for the whole
// scope (never one per body). Indices come from the follow-up facts each event already keeps
// current (followup/followup.facts.ts), so they change exactly when the follow-up figures do.

export type DirectoryBody = {
  id: string;
  code: string;
  name: string;
  type: 'province' | 'regency' | 'city';
  provinceCode: string | null;
  isHost: boolean;
  /** False for administrative areas: listed and mapped, but counted in no denominator. */
  evaluated: boolean;
};

/**
 * The provinces and kab/kota of the directory (of some provinces: their governments and their
 * kab/kota).
 */
export async function regionalBodies(
  db: DbOrTx,
  provinceCodes?: string | string[],
): Promise<DirectoryBody[]> {
  const codes = provinceCodes === undefined ? null : [provinceCodes].flat();
  const rows = await db
    .select({
      id: orgs.id,
      code: orgs.code,
      name: orgs.name,
      type: orgs.type,
      provinceCode: orgs.provinceCode,
      isHost: orgs.isHost,
      evaluated: orgs.evaluated,
    })
    .from(orgs)
    .where(
      and(
        inArray(orgs.type, ['province', 'regency', 'city']),
        codes ? or(inArray(orgs.code, codes), inArray(orgs.provinceCode, codes)) : undefined,
      ),
    )
    .orderBy(asc(orgs.code));
  return rows as DirectoryBody[];
}

const idsFilter = (column: ReturnType<typeof sql>, orgIds: string[] | null) =>
  orgIds ? sql`and ${column} = any(${sql.param(orgIds)}::uuid[])` : sql``;

/** Every result with an index in the follow-up facts (official, and submitted self-assessments). */
export async function indexResults(db: DbOrTx, orgIds: string[] | null): Promise<IndexResult[]> {
  const rows = rowsOf(
    await db.execute(sql`select f.org_id as org, r->>'source' as source, (r->>'year')::int as year,
        (r->>'index')::float8 as index, r->>'date' as date, r->>'frameworkId' as fw
      from followup_facts f cross join lateral jsonb_array_elements(f.facts->'results') r
      where jsonb_typeof(r->'index') = 'number' ${idsFilter(sql`f.org_id`, orgIds)}`),
  );
  return rows.map((r) => ({
    orgId: r.org as string,
    source: r.source as IndexSource,
    year: Number(r.year),
    index: Number(r.index),
    date: r.date as string,
    frameworkId: r.fw as string,
  }));
}

export type LevelResult = Omit<IndexResult, 'index'> & { levels: Record<string, number> };

/** Results that carry indicator levels (detailed official results and self-assessments). */
export async function levelResults(db: DbOrTx, orgIds: string[]): Promise<LevelResult[]> {
  const rows = rowsOf(
    await db.execute(sql`select f.org_id as org, r->>'source' as source, (r->>'year')::int as year,
        r->>'date' as date, r->>'frameworkId' as fw, r->'levels' as levels
      from followup_facts f cross join lateral jsonb_array_elements(f.facts->'results') r
      where jsonb_typeof(r->'levels') = 'object' ${idsFilter(sql`f.org_id`, orgIds)}`),
  );
  return rows.map((r) => ({
    orgId: r.org as string,
    source: r.source as IndexSource,
    year: Number(r.year),
    date: r.date as string,
    frameworkId: r.fw as string,
    levels: (typeof r.levels === 'string' ? JSON.parse(r.levels) : r.levels) as Record<string, number>,
  }));
}

/** Per body and indicator, the highest level its approved plans' items aim at. */
/**
 * Per body and framework: the highest level its approved plans target for each indicator (keyed
 * `orgId|frameworkId`: a plan's targets are numbered in its own framework).
 */
export async function planTargets(db: DbOrTx, orgIds: string[]): Promise<Map<string, PlanTarget[]>> {
  const rows = rowsOf(
    await db.execute(sql`select i.org_id || '|' || p.framework_id as org, (t->>'indicator')::float8 as indicator,
        max((t->>'level')::float8) as level
      from action_items i join action_plans p on p.id = i.plan_id
        cross join lateral jsonb_array_elements(i.targets) t
      where p.approved_version > 0 and jsonb_typeof(t->'indicator') = 'number'
        and jsonb_typeof(t->'level') = 'number' ${idsFilter(sql`i.org_id`, orgIds)}
      group by 1, 2`),
  );
  const out = new Map<string, PlanTarget[]>();
  for (const r of rows) {
    const list = out.get(r.org as string) ?? [];
    list.push({ indicator: Number(r.indicator), level: Number(r.level) });
    out.set(r.org as string, list);
  }
  return out;
}

/** Per body: action items past their due date, and visits' follow-up obligations missed. */
export async function lateness(db: DbOrTx, orgIds: string[]) {
  const rows = rowsOf(
    await db.execute(sql`select org, sum(items)::int as items, sum(obligations)::int as obligations from (
        select org_id as org, count(*) as items, 0 as obligations from action_items
          where status not in ('done', 'verified') and due_date < ${sqlToday()} ${idsFilter(sql`org_id`, orgIds)}
          group by 1
        union all
        select org_id, 0, count(*) from follow_up_obligations
          where (status = 'missed' or (status = 'open' and due_date < ${sqlToday()})) ${idsFilter(sql`org_id`, orgIds)}
          group by 1
      ) x group by org`),
  );
  return new Map(
    rows.map((r) => [r.org as string, { items: Number(r.items), obligations: Number(r.obligations) }]),
  );
}
