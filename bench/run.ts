// npm run bench — measures, in one run on this machine: a bare node:http hello world, GET
// /api/health and an authenticated GET /api/v1/orgs?province=32, on PGlite and on PostgreSQL;
// start-up to the first 200 on an existing embedded database; server memory; the self-assessment
// work (issue 3); the national follow-up measure over 650 bodies, 150,000 action items and 5,000
// adoptions on PostgreSQL and on PGlite (issue 7, bench/followup.ts); the national daily reminder
// run (issue 9, bench/reminders.ts). Writes docs/BENCHMARKS.md.
// About 10 minutes on 2 cores with the default BENCH_SECONDS=10 (seconds per load run).
//
//   npm run bench                      everything; rewrites docs/BENCHMARKS.md
//   npm run bench -- followup          only the follow-up part (about 5 minutes); replaces only
//   BENCH_ONLY=followup npm run bench  the "Follow-up (issue 7)" section of docs/BENCHMARKS.md
//   npm run bench -- instances         only the cold national figures on 1 and 2 instances on one
//                                      PostgreSQL database (issue 9, bench/instances.ts)
//   npm run bench -- writes            only the write throughput part (about 1 minute with
//                                      BENCH_SECONDS=5); replaces its "Writes (issue 9)" section
//   npm run bench -- reminders         only the national daily reminder run (issue 9, bench/
//                                      reminders.ts); replaces only its section of BENCHMARKS.md
//   npm run bench -- page-load         only the page loads in Chromium on an emulated slow
//                                      connection (issue 10, bench/page-load.ts; about 3 minutes)
//
// PostgreSQL is taken from BENCH_DATABASE_URL (default: the local server); every part creates its
// own databases there (ll_bench, bench_followup_<random>) and drops them afterwards.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { importBench, prepareSavers, saveLoad, scoreBench } from './assessment';
import { followupBench } from './followup';
import { followupMarkdown } from './followup-report';
import { instancesBench, instancesMarkdown } from './instances';
import {
  freePort,
  type LoadResult,
  load,
  memoryMiB,
  progress,
  sampleLogin,
  startNode,
  waitFor200,
} from './lib';
import { pageLoadBench, pageLoadMarkdown } from './page-load';
import { remindersBench, remindersMarkdown } from './reminders';
import { writesBench } from './writes';
import { writesMarkdown } from './writes-report';

const root = path.resolve(import.meta.dirname, '..');
const serverArgs = ['--import', 'tsx', path.join(root, 'src/server/main.ts')];
const pgAdminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const duration = Number(process.env.BENCH_SECONDS ?? 10);
const serverEnv = {
  LOG_LEVEL: 'warn',
  RATE_LIMIT_PER_MINUTE: '100000000',
  PUBLIC_RATE_LIMIT_PER_MINUTE: '100000000',
  NODE_ENV: 'production',
};
const only = process.env.BENCH_ONLY ?? process.argv[2];
// The follow-up servers run without the daily job, whose catch-up run at start-up would write
// (and clear the read cache) in the middle of a measurement.
const followupOptions = {
  root,
  serverArgs,
  serverEnv: { ...serverEnv, JOBS_ENABLED: '0' },
  duration,
  pgAdminUrl,
};

type Row = { target: string; engine: string; result: LoadResult; memory?: { rss: number; peak: number } };
const rows: Row[] = [];

async function measureApp(engine: 'pglite' | 'postgres', env: Record<string, string>, cachesOff = false) {
  const port = await freePort();
  progress(`start ${engine} server${cachesOff ? ' (read caches off)' : ''}`);
  const server = startNode(serverArgs, { ...serverEnv, ...env }, port);
  const base = `http://127.0.0.1:${port}`;
  await waitFor200(`${base}/api/health`);
  const cookie = await sampleLogin(base, 'jabar@livinglab.test');
  if (!cachesOff) {
    const health = await load(`${base}/api/health`, { duration });
    rows.push({ target: 'GET /api/health', engine, result: health });
  }
  const orgs = await load(`${base}/api/v1/orgs?province=32`, { duration, headers: { cookie } });
  rows.push({
    target: `GET /api/v1/orgs?province=32 (authenticated${cachesOff ? ', read caches off' : ''})`,
    engine,
    result: orgs,
    memory: memoryMiB(server.child.pid!),
  });
  await server.stop();
}

async function startupTimes(dataDir: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const port = await freePort();
    const t0 = performance.now();
    const server = startNode(serverArgs, { ...serverEnv, DATA_DIR: dataDir }, port);
    await waitFor200(`http://127.0.0.1:${port}/api/health`);
    times.push(performance.now() - t0);
    await server.stop();
  }
  return times;
}

async function main() {
  progress('score 650 bodies × 47 indicators');
  const scoring = scoreBench();
  // Baseline
  const helloPort = await freePort();
  const hello = startNode([path.join(root, 'bench/hello-server.mjs')], {}, helloPort);
  await waitFor200(`http://127.0.0.1:${helloPort}/`);
  const baseline = await load(`http://127.0.0.1:${helloPort}/`, { duration });
  rows.push({
    target: 'bare node:http hello world',
    engine: '—',
    result: baseline,
    memory: memoryMiB(hello.child.pid!),
  });

  // Embedded database: first start creates it; later starts reopen it.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-bench-'));
  const firstPort = await freePort();
  const t0 = performance.now();
  const first = startNode(serverArgs, { ...serverEnv, DATA_DIR: dataDir }, firstPort);
  await waitFor200(`http://127.0.0.1:${firstPort}/api/health`);
  const firstStart = performance.now() - t0;
  await first.stop();
  progress('start-up times on the existing embedded database');
  const restarts = await startupTimes(dataDir);
  await measureApp('pglite', { DATA_DIR: dataDir });
  fs.rmSync(dataDir, { recursive: true, force: true });

  // PostgreSQL: a fresh database with the sample accounts.
  const admin = new pg.Client({ connectionString: pgAdminUrl });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS ll_bench WITH (FORCE)');
  await admin.query('CREATE DATABASE ll_bench');
  const dbUrl = new URL(pgAdminUrl);
  dbUrl.pathname = '/ll_bench';
  await measureApp('postgres', { DATABASE_URL: dbUrl.toString(), LIVING_LAB_SAMPLE_DATA: '1' });
  await measureApp('postgres', { DATABASE_URL: dbUrl.toString(), READ_CACHE_SECONDS: '0' }, true);

  // The target compares two throughputs that both vary from run to run on a shared machine, so
  // measure them in alternating rounds and take the median ratio.
  const pgPort = await freePort();
  const pgServer = startNode(serverArgs, { ...serverEnv, DATABASE_URL: dbUrl.toString() }, pgPort);
  const pgBase = `http://127.0.0.1:${pgPort}`;
  await waitFor200(`${pgBase}/api/health`);
  const pgCookie = await sampleLogin(pgBase, 'jabar@livinglab.test');
  const rounds: { hello: number; orgs: number; ratio: number }[] = [];
  for (let i = 0; i < 5; i++) {
    const h = await load(`http://127.0.0.1:${helloPort}/`, { duration });
    const o = await load(`${pgBase}/api/v1/orgs?province=32`, { duration, headers: { cookie: pgCookie } });
    rounds.push({ hello: h.rps, orgs: o.rps, ratio: o.rps / h.rps });
  }
  // Assessment work on the same PostgreSQL server: 50 users saving levels, alternating with the
  // bare baseline so both see the same machine state; then the 30,000-row import.
  progress('prepare 50 operators with their own assessments');
  const savers = await prepareSavers(dbUrl.toString(), pgBase);
  const saveRounds: { hello: LoadResult; save: LoadResult }[] = [];
  for (let i = 0; i < 3; i++) {
    const h = await load(`http://127.0.0.1:${helloPort}/`, { duration });
    const sv = await saveLoad(pgBase, savers, duration);
    saveRounds.push({ hello: h, save: sv });
  }
  const imports: number[] = [];
  let importBytes = 0;
  for (let i = 0; i < 2; i++) {
    const r = await importBench(dbUrl.toString(), pgBase);
    imports.push(r.ms);
    importBytes = r.bytes;
  }
  const pgMemory = memoryMiB(pgServer.child.pid!);
  await pgServer.stop();
  await admin.query('DROP DATABASE IF EXISTS ll_bench WITH (FORCE)');
  await admin.end();
  // The follow-up measure (issue 7), on its own databases, against the same baseline server.
  const followup = await followupBench({ ...followupOptions, helloUrl: `http://127.0.0.1:${helloPort}/` });
  await hello.stop();
  const writes = await writesBench(followupOptions);
  // The national daily reminder run (issue 9), on its own databases.
  const reminders = await remindersBench(followupOptions);
  // The web app on a slow connection (issue 10), in Chromium.
  const pageLoad = await pageLoadBench(followupOptions);

  const ratio = [...rounds].sort((a, b) => a.ratio - b.ratio)[2]!.ratio;
  const roundText = rounds
    .map(
      (r) =>
        `${r.orgs.toLocaleString('en')} / ${r.hello.toLocaleString('en')} = ${Math.round(r.ratio * 100)}%`,
    )
    .join('; ');
  const median = [...restarts].sort((a, b) => a - b)[1]!;
  const fmt = (r: Row) =>
    `| ${r.target} | ${r.engine} | ${r.result.rps.toLocaleString('en')} | ${Math.round((r.result.rps / baseline.rps) * 100)}% | ${r.result.p50} | ${r.result.p99} | ${r.result.errors + r.result.non2xx} | ${r.memory ? `${r.memory.rss} / ${r.memory.peak}` : ''} |`;
  const md = `# Benchmarks

Measured by \`npm run bench\` (bench/run.ts) on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} cores
(${os.cpus()[0]?.model ?? 'unknown CPU'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}.
Each server runs in its own process; autocannon (50 connections, ${duration} s after a 2 s warm-up) runs in the
bench process on the same machine, so the load generator takes one of the cores.

| Target | Database | Requests/s | vs node:http | p50 ms | p99 ms | errors | RSS / peak MiB |
|---|---|---:|---:|---:|---:|---:|---|
${rows.map(fmt).join('\n')}

## Targets

| Target | Measured | Met |
|---|---|---|
| Start-up to the first 200 on an existing embedded database within 5 s | median ${(median / 1000).toFixed(2)} s (runs: ${restarts.map((t) => (t / 1000).toFixed(2)).join(', ')} s) | ${median <= 5000 ? 'yes' : 'NO'} |
| Authenticated directory read on PostgreSQL at ≥ 40% of bare node:http | median ${Math.round(ratio * 100)}% over 5 alternating rounds (${roundText}) | ${ratio >= 0.4 ? 'yes' : 'NO'} |

First start on a new embedded database (initdb, migrations, reference and sample data): ${(firstStart / 1000).toFixed(1)} s.
Start-up times are for the server process (\`node --import tsx src/server/main.ts\`): Node, TypeScript
loading, opening PGlite and checking migrations; \`npm start\` adds npm itself and the web-build check.

## Self-assessment (issue 3)

| Measure | Result |
|---|---|
| Scoring 650 bodies × 47 indicators with the engine (in process) | ${scoring.msPerPass.toFixed(1)} ms per pass of all 650 (${scoring.usPerBody.toFixed(1)} µs per body) |
${saveRounds
  .map(
    (r, i) =>
      `| Saving one level, 50 concurrent users on PostgreSQL, round ${i + 1} | ${r.save.rps.toLocaleString('en')} saves/s (${Math.round((r.save.rps / r.hello.rps) * 100)}% of node:http's ${r.hello.rps.toLocaleString('en')} req/s in the same round), p50 ${r.save.p50} ms, p99 ${r.save.p99} ms, errors ${r.save.errors + r.save.non2xx} |`,
  )
  .join('\n')}
| Import of 30,000 official results (CSV, ${(importBytes / 1e6).toFixed(1)} MB) on PostgreSQL, upload to answer | ${imports.map((ms) => `${(ms / 1000).toFixed(2)} s`).join(', ')} (first run inserts, second replaces) |
| Server memory after these (RSS / peak) | ${pgMemory.rss} / ${pgMemory.peak} MiB |

A save is a real write each time: the version check, the new level, a history row and a hash-
chained audit event in one transaction. Audit events are appended one at a time (each links to
the previous one's hash) by the chainer after they commit, so writers do not wait on each other
(see "Writes (issue 9)").

${followupMarkdown(followup, duration)}
${writesMarkdown(writes, duration)}
${remindersMarkdown(reminders)}
${pageLoadMarkdown(pageLoad)}
## Notes

- The session → actor lookup and directory pages are served from a per-instance read cache
  (\`READ_CACHE_SECONDS\`, default 5 s; cleared at once by any write on the same instance). The
  "read caches off" row shows the same request doing its ~4 database round trips every time: on
  this 2-core machine PostgreSQL, the app and the load generator then compete for CPU.
- \`GET /api/health\` runs \`select 1\` on every call, by design (it is the load balancer's probe).
  PGlite runs one query at a time in WebAssembly, hence its lower figure.
- Memory is the server process's resident set after the directory load, and its peak. PGlite
  holds its database in the process, which explains most of the difference between engines.
`;
  writeDoc(md);
  console.log(md);
}

const docPath = path.join(root, 'docs/BENCHMARKS.md');

function writeDoc(md: string) {
  fs.writeFileSync(docPath, md);
  // The repository's formatter aligns Markdown tables; keep the generated file as it would.
  spawnSync(path.join(root, 'node_modules/.bin/biome'), ['format', '--write', docPath], { stdio: 'ignore' });
}

/** Replaces one "## …" section of docs/BENCHMARKS.md (or adds it before the notes), keeping the rest. */
function replaceSection(heading: RegExp, section: string) {
  const doc = fs.existsSync(docPath) ? fs.readFileSync(docPath, 'utf8') : '# Benchmarks\n';
  const start = doc.search(heading);
  const next = start < 0 ? -1 : doc.slice(start + 3).search(/^## /m);
  const notes = doc.search(/^## Notes$/m);
  const md =
    start >= 0
      ? `${doc.slice(0, start)}${section}\n${next < 0 ? '' : doc.slice(start + 3 + next)}`
      : notes >= 0
        ? `${doc.slice(0, notes)}${section}\n${doc.slice(notes)}`
        : `${doc.trimEnd()}\n\n${section}`;
  writeDoc(md);
  console.log(section);
}

/** Only the follow-up part: replaces its section of docs/BENCHMARKS.md and keeps the rest. */
async function followupOnly() {
  replaceSection(
    /^## Follow-(up|through) \(issue \d+\)$/m,
    followupMarkdown(await followupBench(followupOptions), duration),
  );
}

/** Only the write throughput part (issue 9). */
async function writesOnly() {
  replaceSection(/^## Writes \(issue 9\)$/m, writesMarkdown(await writesBench(followupOptions), duration));
}

/** Only the several-instances part (issue 9): the cold national figures on 1 and 2 instances. */
async function instancesOnly() {
  replaceSection(
    /^## Several instances \(issue 9\)$/m,
    instancesMarkdown(await instancesBench(followupOptions), duration),
  );
}

/** Only the daily reminders (issue 9). */
async function remindersOnly() {
  replaceSection(
    /^## Daily reminders \(issue 9\)$/m,
    remindersMarkdown(await remindersBench(followupOptions)),
  );
}

/** Only the page loads on a slow connection (issue 10). */
async function pageLoadOnly() {
  replaceSection(
    /^## Page load on a slow connection \(issue 10\)$/m,
    pageLoadMarkdown(await pageLoadBench(followupOptions)),
  );
}

const parts: Record<string, () => Promise<void>> = {
  'page-load': pageLoadOnly,
  reminders: remindersOnly,
  followup: followupOnly,
  writes: writesOnly,
  instances: instancesOnly,
};
if (only && !parts[only]) {
  console.error(`unknown part "${only}": run everything, or one of ${Object.keys(parts).join(', ')}`);
  process.exit(2);
}
(only ? parts[only]! : main)().catch((err) => {
  console.error(err);
  process.exit(1);
});
