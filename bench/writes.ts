// Write throughput (issue 9): 50 people saving levels at once, 5 on each of 10 assessments, each
// on their own indicator (so every save is a real write and a 409 would be a bug), on PostgreSQL
// with two app instances on one database, and on PGlite with one instance.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { type Db, openDatabase } from '../src/server/db/client';
import { memberships, orgs, users } from '../src/server/db/schema';
import { createSession } from '../src/server/platform/auth/session-store';
import { hashPassword } from '../src/server/platform/crypto';
import { freePort, type Proc, progress, startNode, waitFor200 } from './lib';

const BODIES = 10;
const PER_BODY = 5;
const AUDIT_KEY = 'b'.repeat(64);

type Person = {
  cookie: string;
  csrf: string;
  orgCode: string;
  base: string;
  indicator: number;
  version: number;
};
export type WritesResult = {
  engine: string;
  instances: number;
  savesPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  conflicts: number;
  otherNon2xx: number;
  chainLagMs: number | null;
  /** Mean number of the database's sessions waiting for a lock during the as-fast load. */
  lockWaiters: number | null;
  /** The same people, each saving once every PACE_MS (an offered load instead of "as fast as possible"). */
  paced: Omit<WritesResult, 'engine' | 'instances' | 'chainLagMs' | 'lockWaiters' | 'paced'>;
};

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

/** Closed loop: each person saves their indicator with the version of their previous save. */
async function saveLoop(people: Person[], assessments: Map<string, string>, seconds: number, paceMs = 0) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: people.length });
  const put = (p: Person) =>
    new Promise<{ status: number; body: string }>((resolve) => {
      const url = new URL(p.base);
      const body = JSON.stringify({ level: 1 + (p.version % 5), justification: 'bench', version: p.version });
      const req = http.request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          method: 'PUT',
          path: `/api/v1/assessments/${assessments.get(p.orgCode)}/items/${p.indicator}`,
          headers: {
            cookie: p.cookie,
            'x-csrf-token': p.csrf,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c) => {
            text += c;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on('error', () => resolve({ status: 0, body: '' }));
      req.end(body);
    });
  const latencies: number[] = [];
  const counts = { errors: 0, conflicts: 0, other: 0 };
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    people.map(async (p) => {
      // Paced: each person saves once every paceMs (starting at a random moment, so the 50 do
      // not fire together); unpaced: the next save as soon as the previous answer arrives.
      if (paceMs) await sleep(Math.random() * paceMs);
      while (performance.now() < until) {
        const t0 = performance.now();
        const r = await put(p);
        latencies.push(performance.now() - t0);
        if (r.status === 200) p.version = (JSON.parse(r.body) as { data: { version: number } }).data.version;
        else if (r.status === 409) counts.conflicts += 1;
        else if (r.status === 0 || r.status >= 500) counts.errors += 1;
        else counts.other += 1;
        if (paceMs) await sleep(t0 + paceMs - performance.now());
      }
    }),
  );
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (q: number) =>
    Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  return {
    savesPerSecond: Math.round(latencies.length / seconds),
    p50: pct(0.5),
    p99: pct(0.99),
    max: Math.round(latencies[latencies.length - 1] ?? 0),
    ...counts,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** Each person's pace in the paced run (BENCH_WRITES_PACE_MS, default 200 ms: 250 saves/s offered). */
const PACE_MS = Number(process.env.BENCH_WRITES_PACE_MS ?? 200);

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

export function writesMarkdown(results: WritesResult[], duration: number): string {
  type Figures = WritesResult['paced'];
  const cells = (f: Figures) =>
    `${f.savesPerSecond.toLocaleString('en')} | ${f.p50} | ${f.p99} | ${f.max} | ${f.errors} | ${f.conflicts} | ${f.otherNon2xx}`;
  const rows = results.flatMap((r) => [
    `| ${r.engine} | ${r.instances} | as fast as answered | ${cells(r)} | ${r.lockWaiters ?? '—'} | ${r.chainLagMs === null ? '—' : `${r.chainLagMs} ms`} |`,
    `| ${r.engine} | ${r.instances} | one save per person every ${PACE_MS} ms | ${cells(r.paced)} | | |`,
  ]);
  const ok = (f: Figures) => f.p99 <= 30 && f.errors === 0 && f.conflicts === 0 && f.otherNon2xx === 0;
  const pgRow = results.find((r) => r.engine === 'PostgreSQL');
  return `## Writes (issue 9)

Measured by \`npm run bench -- writes\` (bench/writes.ts) on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} cores,
Node ${process.version}. ${BODIES * PER_BODY} people (${PER_BODY} operators on each of ${BODIES} assessments, each on their own
indicator) save a level, each with the version of their previous save, for ${duration} s (after a 2 s warm-up); on
PostgreSQL people alternate between two app instances on one database. Every save is a real write: the version check,
the level, a history row and an audit event in one transaction. Two loads: "as fast as answered" (each person sends the
next save when the previous answer arrives: the throughput ceiling, where latency is queueing, p50 ≈ 50 / saves per
second) and "paced" (each person saves every ${PACE_MS} ms, an offered load of ${Math.round((BODIES * PER_BODY * 1000) / PACE_MS)} saves/s, above the
whole platform's expected peak: latency is then the time a save takes). The load generator runs on the same machine.
"Waiting for a lock" is the mean number of database sessions waiting for a lock, sampled every 100 ms during the
first load (a global lock shows as most of the 50; it does not depend on the machine's speed). "Chained after" is the
time from the end of the load until every audit event was linked into the chain.

| Database | Instances | Load | Saves/s | p50 ms | p99 ms | max ms | errors (5xx, network) | 409 | other non-2xx | waiting for a lock | Chained after |
|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|
${rows.join('\n')}

Target (PostgreSQL, 2 instances, 50 concurrent users, several per assessment): p99 ≤ 30 ms and 0 errors — paced:
${pgRow ? (ok(pgRow.paced) ? 'met' : 'NOT met') : 'not measured'}; as fast as answered: ${pgRow ? (ok(pgRow) ? 'met' : 'NOT met') : 'not measured'} in this run.
`;
}
