// Follow-up benchmark (issue 7): the national follow-up measure (GET /api/v1/funnel) over 650 bodies,
// 150,000 action items and 5,000 adoptions, on PostgreSQL and on PGlite, each in its own bench-only
// database. The data is generated in set-based SQL (generate_series, one statement per table),
// then the per-body facts are rebuilt from it as the server would.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase } from '../src/server/db/client';
import { seedFollowup } from './followup-data';
import { profileMeasure, rebuildFacts, timed } from './followup-profile';
import type { Engine, FollowupResult } from './followup-types';
import { freePort, load, memoryMiB, type Proc, progress, sampleLogin, startNode, waitFor200 } from './lib';

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
