import { eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { orgs, programmeMembers, visits } from '../../db/schema';
import type { BodyFacts } from './funnel.logic';

export type FunnelScope =
  | { kind: 'national' }
  | { kind: 'province'; code: string }
  | { kind: 'host'; orgId: string }
  | { kind: 'programme'; id: string };

type Row = Record<string, unknown>;
const rowsOf = (r: unknown) => (r as { rows: Row[] }).rows;
// Days are calendar days in Jakarta, as text: drivers turn date columns into local-time Dates.
const day = (v: unknown) => (typeof v === 'string' && v ? v.slice(0, 10) : undefined);
const jkt = (expr: ReturnType<typeof sql>) => sql`to_char(${expr} at time zone 'Asia/Jakarta', 'YYYY-MM-DD')`;

/** The bodies a funnel covers: those visited (within the scope), plus programme members. */
export async function scopeOrgIds(db: DbOrTx, scope: FunnelScope): Promise<string[]> {
  if (scope.kind === 'programme') {
    const [members, visited] = await Promise.all([
      db
        .select({ id: programmeMembers.orgId })
        .from(programmeMembers)
        .where(eq(programmeMembers.programmeId, scope.id)),
      db.selectDistinct({ id: visits.visitorOrgId }).from(visits).where(eq(visits.programmeId, scope.id)),
    ]);
    return [...new Set([...members, ...visited].map((r) => r.id))];
  }
  const q = db
    .selectDistinct({ id: visits.visitorOrgId })
    .from(visits)
    .innerJoin(orgs, eq(orgs.id, visits.visitorOrgId));
  const rows =
    scope.kind === 'national'
      ? await q
      : scope.kind === 'province'
        ? await q.where(eq(orgs.provinceCode, scope.code))
        : await q.where(eq(visits.hostOrgId, scope.orgId));
  return rows.map((r) => r.id);
}

/**
 * For each body, the first day it reached each stage. A handful of grouped queries over the whole
 * scope (never one query per body), so the national funnel stays fast with 650 bodies.
 */
export async function bodyFacts(db: DbOrTx, orgIds: string[]): Promise<BodyFacts[]> {
  if (!orgIds.length) return [];
  const ids = sql.param(orgIds);
  const [visited, committed, assessed, planned, acting, activity, results] = await Promise.all([
    db.execute(
      sql`select visitor_org_id as org, min(start_date)::text as d from visits where visitor_org_id = any(${ids}::uuid[]) group by 1`,
    ),
    db.execute(
      sql`select org_id as org, ${jkt(sql`min(signed_at)::timestamptz`)} as d from commitment_signatures where org_id = any(${ids}::uuid[]) and revoked_at is null group by 1`,
    ),
    db.execute(
      sql`select a.org_id as org, ${jkt(sql`min(s.at)`)} as d from assessment_submissions s join assessments a on a.id = s.assessment_id where a.org_id = any(${ids}::uuid[]) group by 1`,
    ),
    db.execute(
      sql`select org_id as org, ${jkt(sql`min(approved_at)`)} as d from action_plans where org_id = any(${ids}::uuid[]) and approved_version > 0 group by 1`,
    ),
    db.execute(
      sql`select org_id as org, ${jkt(sql`min(done_at)`)} as d from action_items where org_id = any(${ids}::uuid[]) and status in ('done','verified') group by 1`,
    ),
    db.execute(sql`select org_id as org, ${jkt(sql`max(updated_at)`)} as d from action_items where org_id = any(${ids}::uuid[]) group by 1
                   union all select org_id, ${jkt(sql`max(updated_at)`)} from assessments where org_id = any(${ids}::uuid[]) group by 1
                   union all select visitor_org_id, ${jkt(sql`max(created_at)`)} from visits where visitor_org_id = any(${ids}::uuid[]) group by 1`),
    // Index results per year: the first submission of each self-assessment and official results.
    db.execute(sql`select a.org_id as org, a.year, s.index, ${jkt(sql`s.at`)} as d from assessment_submissions s
                   join assessments a on a.id = s.assessment_id
                   where a.org_id = any(${ids}::uuid[]) and s.round = 1 and s.index is not null
                   union all select org_id, year, index, ${jkt(sql`updated_at`)} from official_results where org_id = any(${ids}::uuid[])`),
  ]);
  const byOrg = (r: unknown) => new Map(rowsOf(r).map((x) => [x.org as string, day(x.d)]));
  const maps = {
    visited: byOrg(visited),
    committed: byOrg(committed),
    assessed: byOrg(assessed),
    planned: byOrg(planned),
    acting: byOrg(acting),
  };
  const lastActivity = new Map<string, string>();
  for (const x of rowsOf(activity)) {
    const d = day(x.d);
    const prev = lastActivity.get(x.org as string);
    if (d && (!prev || d > prev)) lastActivity.set(x.org as string, d);
  }
  // Improved: a later year's index above the baseline year's (the earliest year with a result).
  const perOrg = new Map<string, { year: number; index: number; d: string }[]>();
  for (const x of rowsOf(results)) {
    const list = perOrg.get(x.org as string) ?? [];
    list.push({ year: Number(x.year), index: Number(x.index), d: day(x.d)! });
    perOrg.set(x.org as string, list);
  }
  const improvedAt = new Map<string, string>();
  for (const [org, list] of perOrg) {
    const baseYear = Math.min(...list.map((r) => r.year));
    const base = Math.max(...list.filter((r) => r.year === baseYear).map((r) => r.index));
    const better = list
      .filter((r) => r.year > baseYear && r.index > base)
      .sort((a, b) => a.d.localeCompare(b.d))[0];
    if (better) improvedAt.set(org, better.d);
  }
  return orgIds.map((orgId) => ({
    orgId,
    reached: {
      visited: maps.visited.get(orgId),
      committed: maps.committed.get(orgId),
      assessed: maps.assessed.get(orgId),
      planned: maps.planned.get(orgId),
      acting: maps.acting.get(orgId),
      improved: improvedAt.get(orgId),
    },
    lastActivity: lastActivity.get(orgId) ?? null,
  }));
}

export async function orgNames(db: DbOrTx, ids: string[]) {
  if (!ids.length) return new Map<string, { code: string; name: string; provinceCode: string | null }>();
  const rows = await db
    .select({ id: orgs.id, code: orgs.code, name: orgs.name, provinceCode: orgs.provinceCode })
    .from(orgs)
    .where(inArray(orgs.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}
