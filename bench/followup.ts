// Follow-through benchmark (issue 4): the national funnel over 650 bodies with 150,000 action
// items on PostgreSQL. The data is generated in SQL (generate_series), clearly bench-only.
import pg from 'pg';
import { progress } from './lib';

export async function seedFunnel(dbUrl: string): Promise<{ bodies: number; items: number }> {
  const db = new pg.Client({ connectionString: dbUrl });
  await db.connect();
  progress('seed 650 bodies, visits, signatures, assessments, plans and 150,000 action items');
  await db.query(`insert into orgs (code, name, type) select 'BENCH-K-' || g, 'Badan Uji ' || g, 'agency'
                  from generate_series(1, 98) g on conflict do nothing`);
  await db.query(`create temporary table bench_bodies as
                  select id, code, name, row_number() over (order by code) as n from orgs
                  where type in ('province','regency','city') or code like 'BENCH-K-%' limit 650`);
  const host = (await db.query(`select id from orgs where code = '32.11'`)).rows[0].id;
  await db.query(
    `insert into visits (host_org_id, visitor_org_id, start_date, end_date)
                  select $1, id, date '2026-01-01' + (n % 200)::int, date '2026-01-02' + (n % 200)::int from bench_bodies where id <> $1`,
    [host],
  );
  await db.query(
    `insert into signing_keys (id, public_key_pem) values ('bench-key', 'bench') on conflict do nothing`,
  );
  const text = (
    await db.query(`select id, version, hash from commitment_texts order by version desc limit 1`)
  ).rows[0];
  await db.query(
    `insert into commitment_signatures (id, commitment_text_id, text_version, text_hash, org_id, org_code, org_name,
       signer_user_id, signer_name, signer_position, signed_at, key_id, signature)
     select gen_random_uuid(), $1, $2, $3, id, code, name, gen_random_uuid(), 'Bench', 'Bupati',
       to_char(timestamp '2026-02-01' + (n % 100) * interval '1 day', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'bench-key', 'bench'
     from bench_bodies where n % 10 < 7`,
    [text.id, text.version, text.hash],
  );
  await db.query(`insert into assessments (org_id, year, framework_id, framework_version, status, round)
                  select id, 2024, 'spbe-2020', '2020', 'submitted', 1 from bench_bodies where n % 10 < 5 on conflict do nothing`);
  await db.query(`insert into assessment_submissions (assessment_id, round, levels, index, at)
                  select a.id, 1, '{}'::jsonb, 2 + (b.n % 20) / 10.0, timestamp '2026-03-01' + (b.n % 60) * interval '1 day'
                  from assessments a join bench_bodies b on b.id = a.org_id where a.year = 2024 on conflict do nothing`);
  await db.query(`insert into action_plans (org_id, period, status, approved_version, approved_at)
                  select id, '2026', case when n % 10 < 4 then 'approved' else 'draft' end,
                         case when n % 10 < 4 then 1 else 0 end,
                         case when n % 10 < 4 then timestamp '2026-05-01' + (n % 30) * interval '1 day' end
                  from bench_bodies on conflict do nothing`);
  // 150,000 items: about 231 per body, 30% done.
  await db.query(`insert into action_items (plan_id, org_id, title, status, due_date, done_at, progress)
                  select p.id, p.org_id, 'Kegiatan uji ' || g,
                         case when g % 10 < 3 then 'done' when g % 10 < 6 then 'in_progress' else 'planned' end,
                         date '2026-06-01' + (g % 300)::int,
                         case when g % 10 < 3 then timestamp '2026-06-01' + (g % 200) * interval '1 day' end,
                         case when g % 10 < 3 then 100 else (g % 10) * 10 end
                  from generate_series(1, 150000) g
                  join (select id, org_id, row_number() over (order by org_id) - 1 as k, count(*) over () as total from action_plans) p
                    on p.k = g % p.total`);
  await db.query('analyze');
  const bodies = Number((await db.query(`select count(distinct visitor_org_id) as n from visits`)).rows[0].n);
  const items = Number((await db.query(`select count(*) as n from action_items`)).rows[0].n);
  await db.end();
  return { bodies, items };
}
