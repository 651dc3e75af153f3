// Several instances (issue 9): the national follow-up figures with the read cache off
// (READ_CACHE_SECONDS=0) on PostgreSQL, served by one instance and by two instances on one
// database (as behind a load balancer), over the follow-up benchmark's national data (650 bodies,
// 150,000 action items: bench/followup-data.ts). Target: p99 ≤ 100 ms at 10 concurrent readers
// (5 per instance); also measured at 50 (25 per instance).
import os from 'node:os';
import pg from 'pg';
import { openDatabase } from '../src/server/db/client';
import { seedFollowup } from './followup-data';
import {
  freePort,
  type LoadResult,
  load,
  type Proc,
  progress,
  sampleLogin,
  startNode,
  waitFor200,
} from './lib';

type Options = {
  serverArgs: string[];
  serverEnv: Record<string, string>;
  duration: number;
  pgAdminUrl: string;
};
type Instance = { proc: Proc; base: string; cookie: string };

export type InstancesResult = {
  date: string;
  loadAverage: number;
  rows: { label: string; readers: string; result: LoadResult }[];
};

/** Both instances loaded at once; the answer is the sum of rates and the worse of the two latencies. */
async function loadBoth(servers: Instance[], url: string, connections: number, duration: number) {
  const each = await Promise.all(
    servers.map((s) => load(`${s.base}${url}`, { connections, duration, headers: { cookie: s.cookie } })),
  );
  return {
    rps: each.reduce((n, r) => n + r.rps, 0),
    p50: Math.max(...each.map((r) => r.p50)),
    p99: Math.max(...each.map((r) => r.p99)),
    errors: each.reduce((n, r) => n + r.errors, 0),
    non2xx: each.reduce((n, r) => n + r.non2xx, 0),
  } satisfies LoadResult;
}

export async function instancesBench(opts: Options): Promise<InstancesResult> {
  const loadAverage = os.loadavg()[0]!;
  const name = `bench_instances_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: opts.pgAdminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(opts.pgAdminUrl);
  url.pathname = `/${name}`;
  const env = { ...opts.serverEnv, DATABASE_URL: url.toString(), JOBS_ENABLED: '0' };
  const started: Proc[] = [];
  const start = async (extra: Record<string, string>): Promise<Instance> => {
    const port = await freePort();
    const proc = startNode(opts.serverArgs, { ...env, ...extra }, port);
    started.push(proc);
    const base = `http://127.0.0.1:${port}`;
    await waitFor200(`${base}/api/health`, 600_000);
    return { proc, base, cookie: await sampleLogin(base, 'nasional@livinglab.test') };
  };
  try {
    progress('instances: first start with sample data, then the national data');
    const first = await start({ LIVING_LAB_SAMPLE_DATA: '1' });
    await first.proc.stop();
    const handle = await openDatabase({ engine: 'postgres', url: url.toString(), poolSize: 1 });
    await seedFollowup(handle.db);
    await handle.close();
    // The first instance builds every body's facts at start-up; the second finds them in place.
    const off = { READ_CACHE_SECONDS: '0' };
    const a = await start(off);
    const b = await start(off);
    const rows: InstancesResult['rows'] = [];
    const funnel = '/api/v1/funnel';
    const bodies = '/api/v1/funnel/bodies?milestone=followedUp';
    progress('instances: one instance, 10 readers');
    rows.push({
      label: funnel,
      readers: '1 instance × 10',
      result: await loadBoth([a], funnel, 10, opts.duration),
    });
    progress('instances: two instances, 5 + 5 and 25 + 25 readers');
    for (const [path, conns] of [
      [funnel, 5],
      [bodies, 5],
      [funnel, 25],
      [bodies, 25],
    ] as const) {
      const result = await loadBoth([a, b], path, conns, opts.duration);
      rows.push({ label: path, readers: `2 instances × ${conns}`, result });
    }
    return { date: new Date().toISOString().slice(0, 16).replace('T', ' '), loadAverage, rows };
  } finally {
    for (const p of started) await p.stop();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

/** The "Several instances (issue 9)" section of docs/BENCHMARKS.md. */
export function instancesMarkdown(r: InstancesResult, duration: number): string {
  const text = (l: LoadResult) =>
    `${l.rps.toLocaleString('en')} req/s, p50 ${l.p50} ms, p99 ${l.p99} ms${l.errors + l.non2xx ? `, errors ${l.errors + l.non2xx}` : ''}`;
  const target = r.rows.find((x) => x.readers === '2 instances × 5' && x.label === '/api/v1/funnel')!;
  return `## Several instances (issue 9)

The national follow-up figures as a national supervisor with the read cache off
(\`READ_CACHE_SECONDS=0\`), on PostgreSQL, over the follow-up benchmark's national data
(\`bench/followup-data.ts\`), served by one instance and by two instances on one database. Both
instances are loaded at the same time by their own autocannon (${duration} s after a 2 s warm-up);
a row gives the sum of their rates and the worse of their two latencies. Run ${r.date} UTC, machine
load average ${r.loadAverage.toFixed(1)} at the start (2 cores shared with other work: noisy). Here the
two instances, their two load generators and PostgreSQL share the same cores, so two instances
cannot be faster than one; in production each instance has its own machine.
Only this part: \`npm run bench -- instances\`.

| Target | Measured | Met |
|---|---|---|
| National figures, cache off, 2 instances, 10 concurrent readers: p99 ≤ 100 ms | p99 ${target.result.p99} ms | ${target.result.p99 <= 100 ? 'yes' : 'NO'} |

| Request (cache off) | Readers | Result |
|---|---|---|
${r.rows.map((x) => `| \`${x.label}\` | ${x.readers} | ${text(x.result)} |`).join('\n')}
`;
}
