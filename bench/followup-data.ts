import { sql } from 'drizzle-orm';
import type { DbHandle } from '../src/server/db/client';
import { spbe2020Framework } from '../src/shared/framework/frameworks';
import type { SeedSummary } from './followup-types';

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
export async function bodiesWithEvents(db: DbHandle['db']): Promise<string[]> {
  const r = (await db.execute(sql`select o.id from orgs o where
      exists (select 1 from visits v where v.visitor_org_id = o.id)
      or exists (select 1 from commitment_signatures s where s.org_id = o.id)
      or exists (select 1 from programme_members m where m.org_id = o.id)
      or exists (select 1 from assessments a where a.org_id = o.id and a.round > 0)
      or exists (select 1 from official_results r where r.org_id = o.id)
      or exists (select 1 from adoptions d where d.org_id = o.id)`)) as unknown as { rows: { id: string }[] };
  return r.rows.map((x) => x.id);
}
