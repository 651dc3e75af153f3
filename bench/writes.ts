// Write throughput (issue 9): 50 people saving levels at once, 5 on each of 10 assessments, each
// on their own indicator (so every save is a real write and a 409 would be a bug), on PostgreSQL
// with two app instances on one database, and on PGlite with one instance.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { type Db, openDatabase } from '../src/server/db/client';
import { memberships, orgs, users } from '../src/server/db/schema';
import { createSession } from '../src/server/platform/auth/session-store';
import { hashPassword } from '../src/server/platform/crypto';
import { freePort, type Proc, progress, startNode, waitFor200 } from './lib';
import { BODIES, PACE_MS, PER_BODY, type Person, saveLoop, sleep, type WritesResult } from './writes-load';

export type { WritesResult };

const AUDIT_KEY = 'b'.repeat(64);

/** 50 accounts (5 operators in each of 10 regencies) with a session each, written straight to the database. */
async function preparePeople(db: Db): Promise<Omit<Person, 'base'>[]> {
  const bodies = await db
    .select({ id: orgs.id, code: orgs.code })
    .from(orgs)
    .where(eq(orgs.type, 'regency'))
    .limit(BODIES);
  const passwordHash = await hashPassword('bench-writes-password');
  const people: Omit<Person, 'base'>[] = [];
  for (const [b, body] of bodies.entries()) {
    for (let j = 0; j < PER_BODY; j++) {
      const [u] = await db
        .insert(users)
        .values({ email: `writer${b}.${j}@bench.test`, name: `Penulis ${b}.${j}`, passwordHash })
        .returning({ id: users.id });
      await db.insert(memberships).values({ userId: u!.id, orgId: body.id, role: 'operator' });
      const s = await createSession(db, u!.id, 12, { ip: null, userAgent: 'bench' });
      people.push({
        cookie: `ll_session=${s.token}; ll_csrf=${s.csrfToken}`,
        csrf: s.csrfToken,
        orgCode: body.code,
        indicator: j + 1,
        version: 0,
      });
    }
  }
  return people;
}

/** One assessment per body (created through the API by its first person); everyone gets its id. */
async function createAssessments(people: Person[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const p of people) {
    if (ids.has(p.orgCode)) continue;
    const res = await fetch(`${p.base}/api/v1/orgs/${p.orgCode}/assessments`, {
      method: 'POST',
      headers: { cookie: p.cookie, 'x-csrf-token': p.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ year: 2026 }),
    });
    if (res.status !== 201) throw new Error(`create assessment ${res.status} ${await res.text()}`);
    ids.set(p.orgCode, ((await res.json()) as { data: { id: string } }).data.id);
  }
  return ids;
}

type Options = {
  serverArgs: string[];
  serverEnv: Record<string, string>;
  duration: number;
  pgAdminUrl: string;
};

async function startInstances(opts: Options, env: Record<string, string>, n: number): Promise<Proc[]> {
  const procs: Proc[] = [];
  for (let i = 0; i < n; i++) {
    // One after the other: the first migrates and loads reference data, the second finds it done.
    const port = await freePort();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-bench-writes-'));
    const proc = startNode(
      opts.serverArgs,
      { ...opts.serverEnv, JOBS_ENABLED: '0', AUDIT_KEY, DATA_DIR: dataDir, ...env },
      port,
    );
    await waitFor200(`http://127.0.0.1:${port}/api/health`);
    procs.push(proc);
  }
  return procs;
}

async function measure(
  opts: Options,
  engine: string,
  procs: Proc[],
  base: Omit<Person, 'base'>[],
  pending: (() => Promise<number>) | null,
  lockWaiters: (() => Promise<number>) | null = null,
): Promise<WritesResult> {
  const people = base.map((p, i) => ({ ...p, base: `http://127.0.0.1:${procs[i % procs.length]!.port}` }));
  const assessments = await createAssessments(people);
  progress(
    `load: ${people.length} people saving levels on ${assessments.size} assessments, ${procs.length} instance(s) (${engine})`,
  );
  await saveLoop(people, assessments, 2); // warm-up
  // Sampled every 100 ms during the as-fast load: transactions waiting for a lock (a global lock
  // shows here as most of the 50 waiting, whatever the machine's speed).
  const samples: number[] = [];
  let sampling = !!lockWaiters;
  const sampler = (async () => {
    while (sampling && lockWaiters) {
      samples.push(await lockWaiters());
      await sleep(100);
    }
  })();
  const r = await saveLoop(people, assessments, opts.duration);
  sampling = false;
  await sampler;
  const paced = await saveLoop(people, assessments, opts.duration, PACE_MS);
  // How long until every event written under load is in the chain (the chainer runs every second).
  let chainLagMs: number | null = null;
  if (pending) {
    const t0 = performance.now();
    while ((await pending()) > 0 && performance.now() - t0 < 30_000)
      await new Promise((res) => setTimeout(res, 50));
    chainLagMs = Math.round(performance.now() - t0);
  }
  return {
    engine,
    instances: procs.length,
    ...r,
    otherNon2xx: r.other,
    chainLagMs,
    lockWaiters: samples.length
      ? Math.round((samples.reduce((a, b) => a + b, 0) / samples.length) * 10) / 10
      : null,
    paced: { ...paced, otherNon2xx: paced.other },
  };
}

/** PostgreSQL, two instances of the given server on one fresh database. */
async function postgresRun(opts: Options, engine: string): Promise<WritesResult> {
  const admin = new pg.Client({ connectionString: opts.pgAdminUrl });
  await admin.connect();
  const name = `bench_writes_${Date.now().toString(36)}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(opts.pgAdminUrl);
  url.pathname = `/${name}`;
  try {
    progress(`start two PostgreSQL instances (${engine})`);
    const procs = await startInstances(opts, { DATABASE_URL: url.toString() }, 2);
    const handle = await openDatabase({ engine: 'postgres', url: url.toString(), poolSize: 2 });
    const people = await preparePeople(handle.db);
    const chained = await handle.pool!.query(
      `select 1 from information_schema.columns where table_name = 'audit_events' and column_name = 'chain_seq'`,
    );
    const pending = chained.rowCount
      ? async () =>
          Number(
            (
              (await handle.pool!.query('select count(*) as n from audit_events where chain_seq is null'))
                .rows[0] as { n: string }
            ).n,
          )
      : null;
    try {
      const waiting = async () =>
        Number(
          (
            (
              await handle.pool!.query(
                `select count(*) as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
              )
            ).rows[0] as { n: string }
          ).n,
        );
      return await measure(opts, engine, procs, people, pending, waiting);
    } finally {
      await handle.close();
      for (const p of procs) await p.stop();
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

/**
 * Both engines; with BENCH_WRITES_BASELINE=<another checkout> (e.g. the commit before issue 9)
 * its server is measured on PostgreSQL in the same run, so a noisy machine still gives a fair
 * comparison.
 */
export async function writesBench(opts: Options): Promise<WritesResult[]> {
  const results: WritesResult[] = [];
  const baseline = process.env.BENCH_WRITES_BASELINE;
  if (baseline) {
    const args = opts.serverArgs.map((a) =>
      a.endsWith('src/server/main.ts') ? path.join(baseline, 'src/server/main.ts') : a,
    );
    results.push(
      await postgresRun({ ...opts, serverArgs: args }, `PostgreSQL, before (${path.basename(baseline)})`),
    );
  }
  results.push(await postgresRun(opts, 'PostgreSQL'));
  // PGlite, one instance: the people are written while the server is stopped (one process at a time).
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-bench-writes-pglite-'));
  try {
    progress('create the embedded database');
    const env = { DATA_DIR: dataDir, LIVING_LAB_SAMPLE_DATA: '0' };
    const [first] = await startInstances(opts, env, 1);
    await first!.stop();
    const handle = await openDatabase({ engine: 'pglite', dataDir });
    const people = await preparePeople(handle.db);
    await handle.close();
    const procs = await startInstances(opts, env, 1);
    try {
      results.push(await measure(opts, 'PGlite', procs, people, null));
    } finally {
      for (const p of procs) await p.stop();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return results;
}
