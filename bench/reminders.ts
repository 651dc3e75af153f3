// Daily reminders benchmark (issue 9): one full daily run over the national data set of the
// follow-up benchmark (650 bodies, 150,000 action items, bench/followup-data.ts) with the people
// its reminders go to, on PostgreSQL and on PGlite. The run itself happens in a process of its
// own (bench/reminders-run.ts) so its seconds and peak memory are the run's alone.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { type DbHandle, openDatabase } from '../src/server/db/client';
import { seedFollowup } from './followup-data';
import { timed } from './followup-profile';
import type { Engine } from './followup-types';
import { freePort, progress, startNode, waitFor200 } from './lib';

type Options = { root: string; serverArgs: string[]; serverEnv: Record<string, string>; pgAdminUrl: string };

export type RunResult = {
  day: string;
  seconds: number;
  peakMiB: number;
  summary: Record<string, number> | null | string;
  totals: { reminderLog: number; notifications: number; outbox: number };
};
export type RemindersResult = {
  engine: Engine;
  seedMs: number;
  openItems: number;
  people: number;
  first: RunResult;
  nextDay: RunResult;
  loadAverage: number;
};

/** The national run day: the follow-up data's "today" (no seeded event is later). */
export const RUN_DAY = '2026-11-28';

/**
 * The people reminders reach: an admin, a leader and an operator (every item's assignee) in each
 * body, a supervisor in each province, a mentor of the host, which mentors every visitor.
 */
async function seedPeople(db: DbHandle['db']) {
  const run = (text: string) => db.execute(sql.raw(text));
  // Emails b~<org code>~<role>@bench.test: the membership is read back from the address.
  await run(`insert into users (email, name, password_hash)
             select 'b~' || lower(o.code) || '~' || r.role || '@bench.test', r.role || ' ' || o.name, null
             from orgs o join (select distinct visitor_org_id from visits) v on v.visitor_org_id = o.id
             cross join (values ('body_admin'), ('leader'), ('operator')) r(role)
             union all
             select 'b~' || lower(o.code) || '~province_supervisor@bench.test', 'Pengawas ' || o.name, null
             from orgs o where o.type = 'province'
             union all select 'b~32.11~mentor@bench.test', 'Mentor Sumedang', null
             on conflict do nothing`);
  await run(`insert into memberships (user_id, org_id, role)
             select u.id, o.id, split_part(split_part(u.email, '@', 1), '~', 3)
             from users u join orgs o on lower(o.code) = split_part(u.email, '~', 2)
             where u.email like 'b~%@bench.test'
             on conflict do nothing`);
  await run(`insert into mentorships (host_org_id, mentee_org_id)
             select distinct host_org_id, visitor_org_id from visits on conflict do nothing`);
  await run(`update action_items i set assignee_id = m.user_id
             from memberships m where m.org_id = i.org_id and m.role = 'operator'`);
  await run('analyze');
}

function runOnce(opts: Options, env: Record<string, string>, day: string): RunResult {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(opts.root, 'bench/reminders-run.ts')], {
    env: { ...process.env, ...env, RUN_DAY: day },
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
  if (r.status !== 0) throw new Error(`reminders run failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as RunResult;
}

export async function remindersEngine(engine: Engine, opts: Options): Promise<RemindersResult> {
  const loadAverage = os.loadavg()[0]!;
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  if (engine === 'postgres') {
    const name = `bench_reminders_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: opts.pgAdminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(opts.pgAdminUrl);
    url.pathname = `/${name}`;
    env = { DATABASE_URL: url.toString() };
    cleanup = async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    };
  } else {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-bench-reminders-'));
    env = { DATA_DIR: dataDir };
    cleanup = async () => fs.rmSync(dataDir, { recursive: true, force: true });
  }
  try {
    // Schema, reference data and sample accounts from a first start of the server itself.
    progress(`reminders (${engine}): first start with sample data`);
    const port = await freePort();
    const server = startNode(
      opts.serverArgs,
      { ...opts.serverEnv, ...env, JOBS_ENABLED: '0', LIVING_LAB_SAMPLE_DATA: '1' },
      port,
    );
    await waitFor200(`http://127.0.0.1:${port}/api/health`, 600_000);
    await server.stop();
    const handle =
      engine === 'postgres'
        ? await openDatabase({ engine, url: env.DATABASE_URL!, poolSize: 1 })
        : await openDatabase({ engine, dataDir: env.DATA_DIR! });
    progress(`reminders (${engine}): seed 650 bodies, 150,000 items and their people`);
    const [, seedMs] = await timed(async () => {
      await seedFollowup(handle.db);
      await seedPeople(handle.db);
    });
    const one = async (q: string) =>
      Number(((await handle.db.execute(sql.raw(q))) as unknown as { rows: { n: string }[] }).rows[0]!.n);
    const openItems = await one(
      `select count(*) as n from action_items where status not in ('done', 'verified') and due_date <= date '${RUN_DAY}' + 7`,
    );
    const people = await one(`select count(*) as n from users where email like 'b~%@bench.test'`);
    await handle.close();
    progress(`reminders (${engine}): the national daily run`);
    const first = runOnce(opts, env, RUN_DAY);
    progress(`reminders (${engine}): the next day's run`);
    const nextDay = runOnce(opts, env, '2026-11-29');
    return { engine, seedMs, openItems, people, first, nextDay, loadAverage };
  } finally {
    await cleanup();
  }
}

export async function remindersBench(opts: Options & { engines?: Engine[] }): Promise<RemindersResult[]> {
  const results: RemindersResult[] = [];
  for (const engine of opts.engines ?? (['postgres', 'pglite'] as const))
    results.push(await remindersEngine(engine, opts));
  return results;
}

const n = (v: unknown) => (typeof v === 'number' ? v.toLocaleString('en') : '—');

/** The "Daily reminders (issue 9)" section of docs/BENCHMARKS.md. */
export function remindersMarkdown(results: RemindersResult[]): string {
  const pgRun = results.find((r) => r.engine === 'postgres');
  const s = (r: RunResult) => (r.summary && typeof r.summary === 'object' ? r.summary : {});
  const rows = results.map((r) => {
    const a = s(r.first);
    const b = s(r.nextDay);
    return `| ${r.engine === 'postgres' ? 'PostgreSQL' : 'PGlite'} | ${n(a.items)} | ${n(a.reminders)} | ${n(a.notifications)} | ${n(a.emailed)} / ${n(a.digests)} | ${r.first.seconds.toFixed(1)} | ${r.first.peakMiB} | ${r.nextDay.seconds.toFixed(1)} s, ${n(b.items)} items, ${n(b.notifications)} notifications | ${r.loadAverage.toFixed(1)} |`;
  });
  const met = pgRun ? (pgRun.first.seconds < 60 ? 'yes' : 'NO') : 'not measured';
  return `## Daily reminders (issue 9)

Measured by \`npm run bench -- reminders\` (bench/reminders.ts) on ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores
shared with other work (load average at the start of each engine's part in the last column: the
figures are noisy). Data: the follow-up benchmark's national set (650 bodies, 150,000 action items),
plus an admin, a leader and an operator (every item's assignee) per body, a supervisor per
province and a mentor of the host (${n(results[0]?.people)} people); ${n(results[0]?.openItems)} open items are due
within 7 days of ${RUN_DAY} or late. One full daily run for ${RUN_DAY} (\`dailyRun\`: the
reminders in chunks of 2,000 items, the missed obligations, the practice reminders, then the
emails to the outbox, each listing at most 100 notifications and counting the rest) in a process
of its own; then the next day's run.

| Database | Items scanned | Reminders recorded | Notifications | Emails queued (at once / digests) | Seconds | Peak RSS MiB | Next day | Load |
|---|---:|---:|---:|---|---:|---:|---|---:|
${rows.join('\n')}

| Target | Measured | Met |
|---|---|---|
| National daily run under 60 s on PostgreSQL | ${pgRun ? `${pgRun.first.seconds.toFixed(1)} s` : '—'} | ${met} |

Before issue 9 the same run stopped in under a second and sent nothing: all open item ids went
into one query, beyond PostgreSQL's 65,535 parameters. Now no statement carries an id list (the
chunks are keyset pages on the item id), each chunk commits its reminder_log rows and its
notifications together, and the day is marked done only after everything committed.
`;
}
