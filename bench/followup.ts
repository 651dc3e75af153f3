// Follow-up benchmark (issue 7): the national follow-up measure (GET /api/v1/funnel) over 650 bodies,
// 150,000 action items and 5,000 adoptions, on PostgreSQL and on PGlite, each in its own bench-only
// database. The data is generated in set-based SQL (generate_series, one statement per table),
// then the per-body facts are rebuilt from it as the server would.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { type DbHandle, openDatabase } from '../src/server/db/client';
import { refreshFollowupFacts } from '../src/server/modules/followup/followup.facts';
import { presentFunnel } from '../src/server/modules/funnel/funnel.presenter';
import * as fq from '../src/server/modules/funnel/funnel.queries';
import type { ResolvedScope } from '../src/server/modules/funnel/funnel.service';
import { today } from '../src/server/platform/calendar';
import type { BodyInfo } from '../src/shared/followup/facts';
import { measureScope } from '../src/shared/followup/measure';
import { DEFAULT_PATH_THRESHOLD } from '../src/shared/followup/milestones';
import { spbe2020Framework } from '../src/shared/framework/frameworks';
import {
  freePort,
  type LoadResult,
  load,
  memoryMiB,
  type Proc,
  progress,
  sampleLogin,
  startNode,
  waitFor200,
} from './lib';

export type Engine = 'postgres' | 'pglite';
export type SeedSummary = Record<string, number>;
type Stats = { median: number; p95: number; min: number; max: number; runs: number };
type Step =
  | 'detoast'
  | 'serverText'
  | 'sql'
  | 'parse'
  | 'drizzle'
  | 'compute'
  | 'present'
  | 'total'
  | 'reasons';
export type Profile = Record<Step, Stats> & {
  bytes: number;
  rows: number;
};
export type FollowupResult = {
  engine: Engine;
  seed: SeedSummary;
  seedMs: number;
  rebuild: { bodies: number; ms: number[] };
  refreshOne: Stats & { items: number };
  refreshHost: Stats & { followers: number };
  startPresent: number;
  startMissing: number;
  headline: {
    cohort: number;
    followedUp: string;
    followingPath: string;
    improved: string;
    milestones: string;
    bytes: number;
  };
  uncached: LoadResult;
  bodies: LoadResult;
  rounds: { hello: LoadResult; funnel: LoadResult }[];
  profile: Profile;
  memory: { rss: number; peak: number };
  /** The machine's 1-minute load average when the engine's part started (others may share it). */
  loadAverage: number;
};

const TODAY = '2026-11-28'; // no seeded event is dated after this day
const at = (day: string) => `((${day}) + time '03:00') at time zone 'UTC'`;
/** A deterministic pseudo-random bucket 0..m-1 from a key expression (SQL). */
const h = (key: string, m = 100) => `mod(abs(hashtext(${key})), ${m})`;
const cap = (day: string) => `least(${day}, date '${TODAY}')`;
const levelsOf = (expr: string) =>
  `(select jsonb_object_agg(i::text, lv) from (select i, ${expr} as lv from generate_series(1, 47) i) x)`;
const indexOf = (expr: string) =>
  `(select round(avg(lv)::numeric, 2) from (select i, ${expr} as lv from generate_series(1, 47) i) x)`;
const predicate = (index: string) =>
  `case when ${index} >= 4.2 then 'Memuaskan' when ${index} >= 3.5 then 'Sangat Baik' when ${index} >= 2.6 then 'Baik' when ${index} >= 1.8 then 'Cukup' else 'Kurang' end`;

/**
 * National-scale data around the host Kabupaten Sumedang (32.11): 650 bodies that visited it (every
 * province, kabupaten and kota but the host, and 99 bench agencies), dated from January 2024 to
 * August 2026; signatures, self-assessments (some accepted, some in a second year), plans with
 * approved versions, 150,000 action items (done or verified, most done ones with an evidence file),
 * 20 published practices of four hosts with 5,000 adoptions over every stage with their
 * transitions, and official results of 2024 and 2025 for most bodies (a third with all 47 levels),
 * the host's with levels.
 */
export async function seedFollowup(db: DbHandle['db']): Promise<SeedSummary> {
  const run = (text: string) => db.execute(sql.raw(text));
  const rows = async (text: string) => (await run(text)) as unknown as { rows: Record<string, unknown>[] };
  const fw = spbe2020Framework;
  await run(`insert into orgs (code, name, type) select 'BENCH-K-' || lpad(g::text, 3, '0'), 'Badan Uji ' || g, 'agency'
             from generate_series(1, 99) g on conflict (code) do nothing`);
  await run(`update orgs set is_host = true where code in ('32.11', '35.10', '33.72', '73.71')`);
  // The bodies, each with its first visit (vd): 960 distinct days from 2024-01-08 on.
  await run(`drop table if exists bench_bodies`);
  await run(`create temporary table bench_bodies as
             select id, code, name, n, date '2024-01-08' + ((n * 379) % 960) as vd from (
               select id, code, name, row_number() over (order by code)::int as n from orgs
               where (type in ('province', 'regency', 'city') or code like 'BENCH-K-%') and code <> '32.11') o
             where n <= 650`);
  await run(`insert into visits (host_org_id, visitor_org_id, start_date, end_date, indicators, notes, created_at, updated_at)
             select h.id, b.id, b.vd, b.vd + 1, '[11, 12, 15, 18]'::jsonb, 'bench', ${at('b.vd')}, ${at('b.vd')}
             from bench_bodies b, (select id from orgs where code = '32.11') h`);
  // 15% also visited another host later.
  await run(`insert into visits (host_org_id, visitor_org_id, start_date, end_date, indicators, notes, created_at, updated_at)
             select h.id, b.id, b.vd + 90, b.vd + 91, '[1, 2, 3]'::jsonb, 'bench', ${at('b.vd + 90')}, ${at('b.vd + 90')}
             from bench_bodies b
             join (select id, row_number() over (order by code)::int - 1 as k from orgs where code in ('35.10', '33.72', '73.71')) h
               on h.k = b.n % 3
             where ${h(`b.n || ':v2'`)} < 15 and b.vd + 90 <= date '${TODAY}' and h.id <> b.id`);
  // 70% signed the commitment, within six weeks of the visit.
  await run(
    `insert into signing_keys (id, public_key_pem) values ('bench-key', 'bench') on conflict do nothing`,
  );
  await run(`insert into commitment_signatures (id, commitment_text_id, text_version, text_hash, org_id, org_code, org_name,
               signer_user_id, signer_name, signer_position, signed_at, key_id, signature)
             select gen_random_uuid(), t.id, t.version, t.hash, b.id, b.code, b.name, gen_random_uuid(), 'Pejabat Uji',
               'Sekretaris Daerah', to_char(b.vd + 3 + ${h(`b.n || ':sd'`, 40)} + time '03:00', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
               'bench-key', 'bench'
             from bench_bodies b, (select id, version, hash from commitment_texts order by version desc limit 1) t
             where ${h(`b.n || ':sig'`)} < 70`);
  // Self-assessments: 60% for the year of the visit (submitted 2-13 weeks later); 40% of those
  // also the next year. 40% accepted. All 47 levels, a little higher the second year.
  await run(`drop table if exists bench_assessments`);
  await run(`create temporary table bench_assessments as
             select b.id as org_id, b.n, y.k, extract(year from b.vd)::int + y.k as year,
               case when y.k = 0 then b.vd + 14 + ${h(`b.n || ':sub'`, 75)}
                    else make_date(extract(year from b.vd)::int + 1, 2, 1) + ${h(`b.n || ':sub2'`, 120)} end as sub,
               ${h(`b.n || ':acc' || y.k`)} < 40 as accepted
             from bench_bodies b cross join (values (0), (1)) y(k)
             where ${h(`b.n || ':as'`)} < 60 and (y.k = 0 or (${h(`b.n || ':as2'`)} < 40 and extract(year from b.vd) < 2026))`);
  await run(`delete from bench_assessments where sub > date '${TODAY}' - 20`);
  await run(`insert into assessments (org_id, year, framework_id, framework_version, status, round, created_at, updated_at)
             select org_id, year, '${fw.id}', '${fw.version}', case when accepted then 'accepted' else 'submitted' end, 1,
               ${at('sub - 30')}, ${at('case when accepted then sub + 20 else sub end')}
             from bench_assessments on conflict do nothing`);
  const selfLevel = `least(5, 1 + ${h(`ba.n || ':' || i`, 3)} + case when ba.k = 1 and ${h(`ba.n || ':u' || i`, 3)} = 0 then 1 else 0 end)`;
  await run(`insert into assessment_submissions (assessment_id, round, levels, index, at)
             select a.id, 1, ${levelsOf(selfLevel)}, ${indexOf(selfLevel)}, ${at('ba.sub')}
             from bench_assessments ba join assessments a
               on a.org_id = ba.org_id and a.year = ba.year and a.framework_id = '${fw.id}' and not a.is_sample
             on conflict do nothing`);
  await run(`insert into assessment_transitions (assessment_id, from_status, to_status, at)
             select a.id, 'draft', 'submitted', ${at('ba.sub')}
             from bench_assessments ba join assessments a on a.org_id = ba.org_id and a.year = ba.year and not a.is_sample
             union all
             select a.id, 'submitted', 'accepted', ${at('ba.sub + 20')}
             from bench_assessments ba join assessments a on a.org_id = ba.org_id and a.year = ba.year and not a.is_sample
             where ba.accepted`);
  // Action plans: 45% approved (a third of them twice), 15% submitted, the rest drafts.
  await run(`drop table if exists bench_plans`);
  await run(`create temporary table bench_plans as
             select b.id as org_id, b.n, b.vd, extract(year from b.vd)::int::text as period,
               ${h(`b.n || ':plan'`)} as p,
               ${cap(`b.vd + 30 + ${h(`b.n || ':ap'`, 90)}`)} as a1
             from bench_bodies b`);
  await run(`alter table bench_plans add column a2 date, add column plan_id uuid`);
  await run(`update bench_plans set a2 = a1 + 120 where p < 15 and a1 + 120 <= date '${TODAY}'`);
  await run(`insert into action_plans (org_id, period, status, approved_version, submitted_at, approved_at, created_at, updated_at)
             select org_id, period,
               case when p < 45 then 'approved' when p < 60 then 'submitted' else 'draft' end,
               case when p < 45 then case when a2 is null then 1 else 2 end else 0 end,
               case when p < 60 then ${at('a1 - 7')} end,
               case when p < 45 then ${at('coalesce(a2, a1)')} end,
               ${at('vd + 10')}, ${at('coalesce(a2, a1)')}
             from bench_plans on conflict do nothing`);
  await run(`update bench_plans bp set plan_id = p.id from action_plans p
             where p.org_id = bp.org_id and p.period = bp.period and not p.is_sample`);
  await run(`insert into action_plan_versions (plan_id, version, items, approved_at)
             select plan_id, 1, '[]'::jsonb, ${at('a1')} from bench_plans where p < 45 and plan_id is not null
             union all
             select plan_id, 2, '[]'::jsonb, ${at('a2')} from bench_plans where p < 45 and a2 is not null and plan_id is not null`);
  // 150,000 items, about 231 per body. On approved plans: 20% done, 10% verified (done over the
  // 400 days after the approval), 30% in progress, 5% blocked; on the others nothing is finished.
  await run(`insert into action_items (plan_id, org_id, title, status, due_date, done_at, progress, created_at, updated_at)
             select bp.plan_id, bp.org_id, 'Kegiatan uji ' || g, s.status, bp.vd + 60 + g % 365,
               case when s.status in ('done', 'verified') then ${at('d.done')} end,
               case when s.status in ('done', 'verified') then 100 when s.status = 'in_progress' then 10 + (g % 9) * 10 else 0 end,
               ${at('bp.vd + 30')}, ${at(`case when s.status in ('done', 'verified') then d.done else ${cap('bp.vd + 30 + g % 200')} end`)}
             from generate_series(1, 150000) g
             join (select *, row_number() over (order by n)::int - 1 as k from bench_plans where plan_id is not null) bp
               on bp.k = g % (select count(*) from bench_plans where plan_id is not null)
             cross join lateral (select ${h(`g || ':st'`)} as r) x
             cross join lateral (select case
               when bp.p < 45 then case when x.r < 20 then 'done' when x.r < 30 then 'verified' when x.r < 60 then 'in_progress'
                                        when x.r < 65 then 'blocked' else 'planned' end
               else case when x.r < 40 then 'in_progress' else 'planned' end end as status) s
             cross join lateral (select bp.a1 + g % greatest(1, least(400, date '${TODAY}' - bp.a1)) as done) d`);
  // Evidence: one file on 70% of the done items and on half the verified ones (file id = item id).
  await run(`insert into evidence_files (id, org_id, sha256, name, mime, size, storage_key, created_at)
             select i.id, i.org_id, encode(sha256(convert_to(i.id::text, 'UTF8')), 'hex'), 'bukti-' || i.id || '.pdf',
               'application/pdf', 150000 + ${h('i.id::text', 900000)}, 'bench/' || i.id, i.done_at
             from action_items i
             where (i.status = 'done' and ${h(`i.id::text || ':ev'`)} < 70) or (i.status = 'verified' and ${h(`i.id::text || ':ev'`)} < 50)`);
  await run(`insert into action_item_evidence (item_id, file_id)
             select f.id, f.id from evidence_files f join action_items i on i.id = f.id`);
  // 20 published practices of four hosts.
  await run(`insert into practices (host_org_id, title, summary, type, indicators, status, published_at, created_at, updated_at)
             select o.id, 'Praktik uji ' || g, 'Praktik baik uji ' || g || ' dari ' || o.name,
               (array['application', 'regulation', 'sop', 'organisation', 'infrastructure', 'public_service'])[1 + g % 6],
               jsonb_build_array(jsonb_build_object('indicator', 1 + g % 47, 'level', 4)), 'published',
               ${at(`date '2023-06-01' + g * 7`)}, ${at(`date '2023-06-01' + g * 7`)}, ${at(`date '2023-06-01' + g * 7`)}
             from generate_series(1, 20) g
             join orgs o on o.code = case when g <= 8 then '32.11' when g <= 13 then '35.10' when g <= 17 then '33.72' else '73.71' end`);
  // 5,000 adoptions of these practices by 60% of the bodies that visited before June 2026 (those
  // adopt many; the others none): the stage they
  // aimed at (interested 25%, agreed 15%, adapting 15%, live 20%, measured 10%, dropped 15%),
  // each step dated after the one before; a step not reached by today is not taken.
  await run(`drop table if exists bench_adoptions`);
  await run(`create temporary table bench_adoptions as
             select gen_random_uuid() as id, p.id as practice_id, p.host_org_id, b.id as org_id, b.name as org_name,
               o.name as host_name, c.target, c.via_agreed, d.*
             from bench_bodies b
             cross join (select id, host_org_id, row_number() over (order by title)::int as k from practices
                         where title like 'Praktik uji %') p
             join orgs o on o.id = p.host_org_id
             cross join lateral (select case when r < 25 then 0 when r < 40 then 1 when r < 55 then 2 when r < 75 then 3
                                             when r < 85 then 4 else 5 end as target, r % 2 = 0 as via_agreed
                                 from (select ${h(`b.n || ':ad' || p.k`)} as r) x) c
             cross join lateral (select b.vd + 7 + ${h(`b.n || ':d0' || p.k`, 60)} as d0) d0
             cross join lateral (select d0.d0, d0.d0 + 20 + ${h(`b.n || ':d1' || p.k`, 60)} as d1) d1
             cross join lateral (select d1.*, d1.d1 + 30 as d2, d1.d1 + 75 + ${h(`b.n || ':d3' || p.k`, 60)} as d3,
                                        d1.d1 + 165 + ${h(`b.n || ':d3' || p.k`, 60)} as d4,
                                        d1.d0 + 40 + ${h(`b.n || ':dd' || p.k`, 90)} as dd) d
             where p.host_org_id <> b.id and b.vd < date '2026-06-01' and ${h(`b.n || ':adopter'`)} < 60
             order by hashtext(b.n || ':pick' || p.k) limit 5000`);
  await run(`alter table bench_adoptions add column stage text`);
  await run(`update bench_adoptions set stage = case
               when target = 5 and dd <= date '${TODAY}' then 'dropped'
               when target = 5 then case when via_agreed and d1 <= date '${TODAY}' then 'agreed' else 'interested' end
               when target >= 4 and d4 <= date '${TODAY}' then 'measured'
               when target >= 3 and d3 <= date '${TODAY}' then 'live'
               when target >= 2 and d2 <= date '${TODAY}' then 'adapting'
               when target >= 1 and d1 <= date '${TODAY}' then 'agreed'
               else 'interested' end`);
  await run(`update bench_adoptions set dd = d1 + 30 where target = 5 and via_agreed and d1 + 30 > dd`);
  await run(
    `update bench_adoptions set stage = 'agreed' where target = 5 and stage = 'dropped' and dd > date '${TODAY}'`,
  );
  const agreedSince = `stage in ('agreed', 'adapting', 'live', 'measured') or (stage = 'dropped' and via_agreed)`;
  await run(`insert into adoptions (id, practice_id, host_org_id, org_id, stage, agreement, agreement_expires_on, created_at, updated_at)
             select id, practice_id, host_org_id, org_id, stage,
               case when ${agreedSince} then jsonb_build_object('pksNumber', 'PKS/' || left(id::text, 8),
                 'parties', jsonb_build_array(host_name, org_name), 'signedOn', d1::text, 'expiresOn', (d1 + 730)::text) end,
               case when ${agreedSince} then d1 + 730 end,
               ${at('d0')},
               ${at(`case stage when 'interested' then d0 when 'agreed' then d1 when 'adapting' then d2 when 'live' then d3
                                 when 'measured' then d4 else dd end`)}
             from bench_adoptions`);
  await run(`insert into adoption_transitions (adoption_id, from_stage, to_stage, note, at)
             select id, s.from_stage, s.to_stage, 'bench', ${at('s.day')}
             from bench_adoptions a cross join lateral (values
               (null, 'interested', a.d0, true),
               ('interested', 'agreed', a.d1, a.stage in ('agreed', 'adapting', 'live', 'measured') or (a.stage = 'dropped' and a.via_agreed)),
               ('agreed', 'adapting', a.d2, a.stage in ('adapting', 'live', 'measured')),
               ('adapting', 'live', a.d3, a.stage in ('live', 'measured')),
               ('live', 'measured', a.d4, a.stage = 'measured'),
               (case when a.via_agreed then 'agreed' else 'interested' end, 'dropped', a.dd, a.stage = 'dropped')
             ) s(from_stage, to_stage, day, taken)
             where s.taken`);
  // Official results of 2024 and 2025 for 80% of the bodies; a third of them with all 47 levels.
  const offLevel = `least(5, 1 + ${h(`b.n || ':o' || i`, 3)} + case when y.year = 2025 and ${h(`b.n || ':o2' || i`, 4)} = 0 then 1 else 0 end)`;
  const total = `round((1.6 + ${h(`b.n || ':ot'`, 200)} / 100.0 + case when y.year = 2025 then (${h(`b.n || ':od'`, 60)} - 20) / 100.0 else 0 end)::numeric, 2)`;
  await run(`insert into official_results (org_id, year, framework_id, index, predicate, levels, source, updated_at)
             select b.id, y.year, '${fw.id}', x.idx, ${predicate('x.idx')}, x.levels, 'bench', ${at(`make_date(y.year + 1, 2, 15)`)}
             from bench_bodies b cross join (values (2024), (2025)) y(year)
             cross join lateral (select case when ${h(`b.n || ':lv'`)} < 33 then ${indexOf(offLevel)} else ${total} end as idx,
                                        case when ${h(`b.n || ':lv'`)} < 33 then ${levelsOf(offLevel)} end as levels) x
             where ${h(`b.n || ':or'`)} < 80
             on conflict do nothing`);
  // The host's 2024 official result with its levels (it leads on most indicators).
  await run(`update official_results set levels = ${levelsOf(`3 + ${h(`'host:' || i`, 3)}`)}
             where year = 2024 and org_id = (select id from orgs where code = '32.11')`);
  await run('analyze');
  const count = async (text: string) => Number((await rows(`select count(*) as n from ${text}`)).rows[0]!.n);
  const summary: SeedSummary = {
    bodies: await count(`bench_bodies`),
    visitors: await count(`(select distinct visitor_org_id from visits) v`),
    visits: await count(`visits`),
    signatures: await count(`commitment_signatures`),
    submissions: await count(`assessment_submissions`),
    planVersions: await count(`action_plan_versions`),
    items: await count(`action_items`),
    done: await count(`action_items where status = 'done'`),
    verified: await count(`action_items where status = 'verified'`),
    evidence: await count(`action_item_evidence`),
    practices: await count(`practices where status = 'published'`),
    practiceHosts: await count(`(select distinct host_org_id from practices where status = 'published') p`),
    adoptions: await count(`adoptions`),
    agreed: await count(`adoptions where stage in ('agreed', 'adapting', 'live', 'measured')`),
    live: await count(`adoptions where stage in ('live', 'measured')`),
    transitions: await count(`adoption_transitions`),
    official: await count(`official_results where org_id is not null`),
    officialLevels: await count(`official_results where levels is not null`),
  };
  for (const t of ['bench_bodies', 'bench_assessments', 'bench_plans', 'bench_adoptions'])
    await run(`drop table if exists ${t}`);
  return summary;
}

/** Every body the start-up check would build facts for (the same condition as ensureFollowupFacts). */
async function bodiesWithEvents(db: DbHandle['db']): Promise<string[]> {
  const r = (await db.execute(sql`select o.id from orgs o where
      exists (select 1 from visits v where v.visitor_org_id = o.id)
      or exists (select 1 from commitment_signatures s where s.org_id = o.id)
      or exists (select 1 from programme_members m where m.org_id = o.id)
      or exists (select 1 from assessments a where a.org_id = o.id and a.round > 0)
      or exists (select 1 from official_results r where r.org_id = o.id)
      or exists (select 1 from adoptions d where d.org_id = o.id)`)) as unknown as { rows: { id: string }[] };
  return r.rows.map((x) => x.id);
}

function stats(ms: number[]): Stats {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { median: at(0.5), p95: at(0.95), min: s[0]!, max: s.at(-1)!, runs: s.length };
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const value = await fn();
  return [value, performance.now() - t0];
}

/** The write-path cost: every body's facts in one transaction, and one body's refresh. */
async function rebuildFacts(db: DbHandle['db']) {
  const ids = await bodiesWithEvents(db);
  const rebuild: number[] = [];
  for (let i = 0; i < 2; i++) {
    progress(`rebuild the follow-up facts of ${ids.length} bodies (one transaction)`);
    rebuild.push((await timed(() => db.transaction((tx) => refreshFollowupFacts(tx, ids))))[1]);
  }
  const first = async (query: ReturnType<typeof sql>) =>
    ((await db.execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows[0]!;
  const refresh = async (orgId: string, runs: number) => {
    const times: number[] = [];
    for (let i = 0; i < runs + 5; i++)
      times.push((await timed(() => db.transaction((tx) => refreshFollowupFacts(tx, [orgId]))))[1]);
    return stats(times.slice(5));
  };
  // One body with many finished items: the refresh an item's "done" or a new adoption pays.
  const busiest = await first(sql`select org_id, count(*)::int as n from action_items
      where status in ('done', 'verified') group by org_id order by 2 desc limit 1`);
  const one = busiest.org_id as string;
  const items = Number(
    (await first(sql`select count(*)::int as n from action_items where org_id = ${one}`)).n,
  );
  // The host: its followers' summaries read its levels, so they are summarised again with it.
  const host = (await first(sql`select id from orgs where code = '32.11'`)).id as string;
  const followers = Number(
    (
      await first(sql`select count(*)::int as n from followup_facts
        where summary is not null and (summary::jsonb)->'hosts' ? ${host}`)
    ).n,
  );
  progress('time one body’s refresh and the host’s');
  return {
    rebuild: { bodies: ids.length, ms: rebuild },
    refreshOne: { ...(await refresh(one, 20)), items },
    refreshHost: { ...(await refresh(host, 5)), followers },
  };
}

/**
 * Where an uncached national measure spends its time, in this process, one step at a time: the
 * database's share, the SQL read of every stored summary as text, parsing that JSON, the same read
 * as the server does it (driver + drizzle, parse included), the pure rules over the summaries,
 * and presenting + serialising the answer; and the drill-down's read, which adds the reasons.
 */
async function profileMeasure(db: DbHandle['db']): Promise<Profile> {
  const r: ResolvedScope = { scope: { kind: 'national' }, ref: null, name: 'Nasional', thresholdPercent: 25 };
  const samples: Record<Step, number[]> = {
    detoast: [],
    serverText: [],
    sql: [],
    parse: [],
    drizzle: [],
    compute: [],
    present: [],
    total: [],
    reasons: [],
  };
  let bytes = 0;
  let rowCount = 0;
  for (let i = 0; i < 25; i++) {
    // The database's own share: reading every stored summary, then also writing it out as JSON
    // text, without sending the rows.
    const [, detoastMs] = await timed(() =>
      db.execute(sql`select count(json_typeof(summary)) from followup_facts`),
    );
    const [, serverTextMs] = await timed(() =>
      db.execute(sql`select sum(length(summary::text)) from followup_facts`),
    );
    const [raw, sqlMs] = await timed(
      async () =>
        (await db.execute(
          sql`select f.summary::text as summary from followup_facts f join orgs o on o.id = f.org_id
              where f.summary is not null`,
        )) as unknown as { rows: { summary: string }[] },
    );
    const [, parseMs] = await timed(async () => raw.rows.map((x) => JSON.parse(x.summary) as unknown));
    const t0 = performance.now();
    const [rows, drizzleMs] = await timed(() => fq.storedBodies(db, false));
    const [m, computeMs] = await timed(async () =>
      measureScope({
        bodies: rows,
        info: new Map<string, BodyInfo>(rows.map((row) => [row.info.orgId, row.info])),
        scope: r.scope,
        options: { pathThreshold: r.thresholdPercent / 100 || DEFAULT_PATH_THRESHOLD },
        today: today(),
      }),
    );
    const [json, presentMs] = await timed(async () => JSON.stringify({ data: presentFunnel(m, r) }));
    const total = performance.now() - t0; // the server's path: read + rules + present
    const [, reasonsMs] = await timed(() => fq.storedBodies(db, true));
    if (i >= 5) {
      samples.detoast.push(detoastMs);
      samples.serverText.push(serverTextMs);
      samples.sql.push(sqlMs);
      samples.parse.push(parseMs);
      samples.drizzle.push(drizzleMs);
      samples.compute.push(computeMs);
      samples.present.push(presentMs);
      samples.total.push(total);
      samples.reasons.push(reasonsMs);
    }
    bytes = raw.rows.reduce((sum, x) => sum + x.summary.length, 0);
    rowCount = raw.rows.length;
    if (!json) throw new Error('empty answer');
  }
  return {
    ...(Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, stats(v)])) as Record<Step, Stats>),
    bytes,
    rows: rowCount,
  };
}

type Options = {
  root: string;
  serverArgs: string[];
  serverEnv: Record<string, string>;
  duration: number;
  pgAdminUrl: string;
  helloUrl: string;
  rounds: number;
};

/** Servers started by this part, stopped even when a step fails. */
const running = new Set<Proc>();

async function startServer(opts: Options, env: Record<string, string>): Promise<[Proc, number]> {
  const port = await freePort();
  const t0 = performance.now();
  const server = startNode(opts.serverArgs, { ...opts.serverEnv, ...env }, port);
  running.add(server);
  const stop = server.stop;
  server.stop = async () => {
    running.delete(server);
    await stop();
  };
  await waitFor200(`http://127.0.0.1:${port}/api/health`, 600_000);
  return [server, performance.now() - t0];
}

const pctText = (c: { count: number; percent: number | null }) => `${c.count} (${c.percent ?? '—'}%)`;

/** Seeds one engine's database, rebuilds and times the facts, and loads the follow-up endpoints. */
export async function followupEngine(engine: Engine, opts: Options): Promise<FollowupResult> {
  const conns = 10;
  const loadAverage = os.loadavg()[0]!;
  let dbEnv: Record<string, string>;
  let cleanup: () => Promise<void>;
  if (engine === 'postgres') {
    const name = `bench_followup_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: opts.pgAdminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(opts.pgAdminUrl);
    url.pathname = `/${name}`;
    dbEnv = { DATABASE_URL: url.toString() };
    cleanup = async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    };
  } else {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-bench-followup-'));
    dbEnv = { DATA_DIR: dataDir };
    cleanup = async () => fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const open = () =>
    engine === 'postgres'
      ? openDatabase({ engine, url: dbEnv.DATABASE_URL!, poolSize: 1 })
      : openDatabase({ engine, dataDir: dbEnv.DATA_DIR! });
  try {
    // The schema, reference data and the sample accounts (the national supervisor) come from a
    // first start of the server itself.
    progress(`follow-up (${engine}): first start with sample data`);
    const [first] = await startServer(opts, { ...dbEnv, LIVING_LAB_SAMPLE_DATA: '1' });
    await first.stop();

    let handle = await open();
    progress(`follow-up (${engine}): seed 650 bodies, 150,000 items, 5,000 adoptions`);
    const [seed, seedMs] = await timed(() => seedFollowup(handle.db));
    const { rebuild, refreshOne, refreshHost } = await rebuildFacts(handle.db);
    progress(`follow-up (${engine}): profile the measure in process`);
    const profile = await profileMeasure(handle.db);
    await handle.close();

    // Start-up on this database with every fact row present, then with none (an upgrade that
    // changes the facts' shape): ensureFollowupFacts rebuilds them all before the first 200.
    const [present, startPresent] = await startServer(opts, dbEnv);
    await present.stop();
    handle = await open();
    await handle.db.execute(sql`delete from followup_facts`);
    await handle.close();
    progress(`follow-up (${engine}): start with no fact rows (built at start-up), read cache off`);
    const [uncachedServer, startMissing] = await startServer(opts, { ...dbEnv, READ_CACHE_SECONDS: '0' });
    let base = `http://127.0.0.1:${uncachedServer.port}`;
    let cookie = await sampleLogin(base, 'nasional@livinglab.test');
    const first200 = await fetch(`${base}/api/v1/funnel`, { headers: { cookie } });
    const answer = await first200.text();
    if (first200.status !== 200) throw new Error(`funnel ${first200.status} ${answer.slice(0, 300)}`);
    type Count = { count: number; percent: number | null };
    const { data } = JSON.parse(answer) as {
      data: {
        cohort: { count: number };
        headline: Record<'followedUp' | 'followingPath' | 'improved', Count>;
        milestones: ({ milestone: string } & Count)[];
      };
    };
    const headline = {
      cohort: data.cohort.count,
      followedUp: pctText(data.headline.followedUp),
      followingPath: pctText(data.headline.followingPath),
      improved: pctText(data.headline.improved),
      milestones: data.milestones.map((m) => `${m.milestone} ${pctText(m)}`).join(', '),
      bytes: answer.length,
    };
    const uncached = await load(`${base}/api/v1/funnel`, {
      connections: conns,
      duration: opts.duration,
      headers: { cookie },
    });
    const bodies = await load(`${base}/api/v1/funnel/bodies?milestone=followedUp`, {
      connections: conns,
      duration: opts.duration,
      headers: { cookie },
    });
    await uncachedServer.stop();

    // The read cache on (the default 5 s), in alternating rounds with the bare node:http server.
    const [cachedServer] = await startServer(opts, dbEnv);
    base = `http://127.0.0.1:${cachedServer.port}`;
    cookie = await sampleLogin(base, 'nasional@livinglab.test');
    const rounds: FollowupResult['rounds'] = [];
    for (let i = 0; i < opts.rounds; i++) {
      const hello = await load(opts.helloUrl, { connections: conns, duration: opts.duration });
      const funnel = await load(`${base}/api/v1/funnel`, {
        connections: conns,
        duration: opts.duration,
        headers: { cookie },
      });
      rounds.push({ hello, funnel });
    }
    const memory = memoryMiB(cachedServer.child.pid!);
    await cachedServer.stop();
    return {
      engine,
      seed,
      seedMs,
      rebuild,
      refreshOne,
      refreshHost,
      startPresent,
      startMissing,
      headline,
      uncached,
      bodies,
      rounds,
      profile,
      memory,
      loadAverage,
    };
  } finally {
    for (const server of [...running]) await server.stop();
    await cleanup();
  }
}

/** Runs the follow-up benchmark on PostgreSQL then PGlite; starts its own baseline server if none is given. */
export async function followupBench(
  opts: Omit<Options, 'helloUrl' | 'rounds'> & { helloUrl?: string; engines?: Engine[] },
): Promise<FollowupResult[]> {
  let hello: Proc | undefined;
  let helloUrl = opts.helloUrl;
  if (!helloUrl) {
    const port = await freePort();
    hello = startNode([path.join(opts.root, 'bench/hello-server.mjs')], {}, port);
    helloUrl = `http://127.0.0.1:${port}/`;
    await waitFor200(helloUrl);
  }
  const results: FollowupResult[] = [];
  try {
    for (const engine of opts.engines ?? (['postgres', 'pglite'] as const))
      results.push(await followupEngine(engine, { ...opts, helloUrl, rounds: 3 }));
  } finally {
    await hello?.stop();
  }
  return results;
}

const ms = (n: number) => (n < 10 ? n.toFixed(1) : Math.round(n).toLocaleString('en'));
const sec = (n: number) => `${(n / 1000).toFixed(2)} s`;
const medianOf = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The "Follow-up (issue 7)" section of docs/BENCHMARKS.md. */
export function followupMarkdown(results: FollowupResult[], duration: number): string {
  const pgr = results.find((r) => r.engine === 'postgres');
  const s = (pgr ?? results[0])?.seed ?? {};
  const n = (v: number | undefined) => (v ?? 0).toLocaleString('en');
  const name = (r: FollowupResult) => (r.engine === 'postgres' ? 'PostgreSQL' : 'PGlite');
  const ratio = (r: FollowupResult) => medianOf(r.rounds.map((x) => x.funnel.rps / x.hello.rps));
  const row = (label: string, f: (r: FollowupResult) => string) =>
    `| ${label} | ${results.map(f).join(' | ')} |`;
  const loadText = (l: LoadResult) =>
    `${l.rps.toLocaleString('en')} req/s, p50 ${l.p50} ms, p99 ${l.p99} ms${l.errors + l.non2xx ? `, errors ${l.errors + l.non2xx}` : ''}`;
  const prof = (k: Step) => (r: FollowupResult) => `${ms(r.profile[k].median)} (p95 ${ms(r.profile[k].p95)})`;
  const targets = pgr
    ? `| Target (PostgreSQL) | Measured | Met |
|---|---|---|
| National headline and milestones without the read cache: p99 ≤ 100 ms at 10 concurrent readers | p99 ${pgr.uncached.p99} ms, p50 ${pgr.uncached.p50} ms (${pgr.uncached.rps.toLocaleString('en')} req/s) | ${pgr.uncached.p99 <= 100 ? 'yes' : 'NO'} |
| With the read cache on: ≥ 25% of bare node:http (same 10 connections, median of ${pgr.rounds.length} alternating rounds) | ${Math.round(ratio(pgr) * 100)}% | ${ratio(pgr) >= 0.25 ? 'yes' : 'NO'} |
`
    : '';
  const p = pgr?.profile;
  const why =
    pgr && p && pgr.uncached.p99 > 100
      ? `
**The uncached target is missed in this run.** One national answer alone costs the server
${ms(p.total.median)} ms (read ${ms(p.drizzle.median)} ms, rules ${ms(p.compute.median)} ms, present ${ms(p.present.median)} ms); the server process runs one
request's JavaScript at a time, and PostgreSQL, autocannon and the server share 2 cores.
`
      : '';
  const flight =
    'With the read cache off, identical requests that arrive while the same answer is being computed ' +
    'share that computation (`platform/read-cache.ts`: a single flight, nothing kept once it is answered, ' +
    'dropped by any write on the instance), so an answer is at most one computation older than its ' +
    'request. One request alone is timed step by step below.';
  return `## Follow-up (issue 7)

\`GET /api/v1/funnel\` as a national supervisor: the cohort, the headline (followed up, following the
host's path, improved: each a count and a percent), the seven milestones and the 12-month trend,
counted by the pure rules in \`src/shared/followup\` over one stored summary per body
(\`followup_facts.summary\`: the reference date, each milestone's date, the path progress to each
host). The rules that produce a summary run in the transaction of the event that changed the body
(and again for a host's followers when the host's levels change), so a national answer reads
small rows and counts instead of recomputing from 150,000 items. Each engine gets a new database of its own (\`bench_followup_<random>\` on
PostgreSQL, dropped afterwards; a temporary \`DATA_DIR\` for PGlite), started once by the server with
the sample accounts, then seeded in set-based SQL by \`bench/followup.ts\`: ${n(s.visitors)} bodies that
visited the host Kabupaten Sumedang (${n(s.visits)} visits from January 2024 to August 2026, 15% of
the bodies also visited another host), ${n(s.signatures)} commitment signatures, ${n(s.submissions)}
self-assessment submissions with all 47 levels, ${n(s.planVersions)} approved plan versions,
${n(s.items)} action items (${n(s.done)} done and ${n(s.verified)} verified, ${n(s.evidence)} of them with an
evidence file), ${n(s.practices)} published practices of ${n(s.practiceHosts)} hosts, ${n(s.adoptions)} adoptions
(${n(s.agreed)} agreed or further, ${n(s.live)} of them live; ${n(s.transitions)} stage transitions) and
${n(s.official)} official results of 2024 and 2025 (${n(s.officialLevels)} with all 47 levels, the host's
2024 result among them). The facts are then built from these events as the server builds them.
Load: autocannon with 10 connections, ${duration} s after a 2 s warm-up; the servers run with the
daily job off. Only this part: \`npm run bench -- followup\` (or \`BENCH_ONLY=followup\`), which
rewrites only this section.

${flight}

${targets}
| Measure | ${results.map(name).join(' | ')} |
|---|${results.map(() => '---').join('|')}|
${row('National answer: cohort; followed up, following the path, improved', (r) => `${r.headline.cohort}; ${r.headline.followedUp}, ${r.headline.followingPath}, ${r.headline.improved} (${Math.round(r.headline.bytes / 1024)} KiB)`)}
${row('Milestones in that answer', (r) => r.headline.milestones)}
${row('`GET /api/v1/funnel`, read cache off (`READ_CACHE_SECONDS=0`)', (r) => loadText(r.uncached))}
${row('`GET /api/v1/funnel/bodies?milestone=followedUp`, read cache off', (r) => loadText(r.bodies))}
${row('`GET /api/v1/funnel`, read cache on (5 s): funnel / node:http req/s in the same round', (r) => r.rounds.map((x) => `${x.funnel.rps.toLocaleString('en')} / ${x.hello.rps.toLocaleString('en')} = ${Math.round((x.funnel.rps / x.hello.rps) * 100)}% (p99 ${x.funnel.p99} ms)`).join('; '))}
${row('Rebuild of every body’s facts in one transaction (`refreshFollowupFacts`, 2 runs)', (r) => `${r.rebuild.ms.map(sec).join(', ')} for ${r.rebuild.bodies} bodies`)}
${row('One body’s refresh in one transaction: the write-path cost an event adds', (r) => `median ${ms(r.refreshOne.median)} ms, p95 ${ms(r.refreshOne.p95)} ms (the body with the most finished items, ${r.refreshOne.items} items; ${r.refreshOne.runs} runs)`)}
${row('The host’s refresh in one transaction (Kabupaten Sumedang: its followers are summarised again)', (r) => `median ${ms(r.refreshHost.median)} ms, p95 ${ms(r.refreshHost.p95)} ms (${r.refreshHost.followers} followers; ${r.refreshHost.runs} runs)`)}
${row('Start-up to the first 200, every fact row present', (r) => sec(r.startPresent))}
${row('Start-up to the first 200, no fact row (all built by `ensureFollowupFacts`)', (r) => sec(r.startMissing))}
${row('Seeding (set-based SQL from the bench process)', (r) => sec(r.seedMs))}
${row('Server memory after the cached rounds (RSS / peak MiB)', (r) => `${r.memory.rss} / ${r.memory.peak}`)}
${row('Machine load average (1 min) when the part started', (r) => r.loadAverage.toFixed(1))}

Where an uncached national answer's time goes, timed step by step in the bench process on the same
database, one request at a time (median ms of 20 after 5 warm-up runs, p95 in brackets;
${results.map((r) => `${name(r)}: ${r.profile.rows} summary rows, ${(r.profile.bytes / 1e6).toFixed(2)} MB as JSON text`).join('; ')}):

| Step | ${results.map(name).join(' | ')} |
|---|${results.map(() => '---:').join('|')}|
${row('Database: read every summary row', prof('detoast'))}
${row('Database: the same, written out as JSON text (nothing sent)', prof('serverText'))}
${row('SQL read of every summary row as text, received (no JSON parse)', prof('sql'))}
${row('`JSON.parse` of those rows', prof('parse'))}
${row('The server’s read: `storedBodies` (the driver parses the JSON)', prof('drizzle'))}
${row('Pure rules: `measureScope` counting over the nation', prof('compute'))}
${row('`presentFunnel` + `JSON.stringify`', prof('present'))}
${row('The server’s path: its read + rules + present', prof('total'))}
${row('The drill-down’s read: `storedBodies` with the reasons (texts)', prof('reasons'))}
${why}`;
}
