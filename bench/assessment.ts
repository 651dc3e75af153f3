// Assessment benchmarks (issue 3): the engine scoring 650 bodies, saving one level under 50
// concurrent users on PostgreSQL, and the import of 30,000 official results.
import http from 'node:http';
import pg from 'pg';
import { spbe2020Framework as f } from '../src/shared/framework/frameworks';
import { score } from '../src/shared/framework/score';
import { type LoadResult, progress, putJson, sampleLogin } from './lib';

/** Scores 650 bodies × 47 indicators repeatedly in this process; ms per full pass. */
export function scoreBench() {
  let seed = 42;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const bodies = Array.from({ length: 650 }, () =>
    Object.fromEntries(f.indicators.map((i) => [String(i.number), 1 + Math.floor(rand() * 5)])),
  );
  for (const b of bodies) score(f, b); // warm-up
  const passes = 50;
  const t0 = performance.now();
  let sink = 0;
  for (let p = 0; p < passes; p++) for (const b of bodies) sink += score(f, b).index!.exact;
  const ms = (performance.now() - t0) / passes;
  if (!Number.isFinite(sink)) throw new Error('unreachable');
  return { msPerPass: ms, usPerBody: (ms * 1000) / 650 };
}

type User = { cookie: string; csrf: string; assessmentId: string; version: number };

/**
 * 50 concurrent editors, each on their own connection and their own body's assessment, saving a
 * level with the version they last saw (so every save is a real write: version check, history row,
 * audit event in one transaction). One operator account holds the 50 memberships, because login
 * is rate-limited per client address and the bench runs from one address.
 */
export async function prepareSavers(dbUrl: string, base: string): Promise<User[]> {
  const db = new pg.Client({ connectionString: dbUrl });
  await db.connect();
  const { rows: hash } = await db.query(
    `select password_hash from users where email = 'operator.garut@livinglab.test'`,
  );
  const { rows: bodies } = await db.query(
    `select id, code from orgs where type in ('regency','city') order by code limit 50`,
  );
  const { rows: user } = await db.query(
    `insert into users (email, name, password_hash) values ('bench.operator@bench.test', 'Bench', $1)
     on conflict (email) do update set name = excluded.name returning id`,
    [hash[0].password_hash],
  );
  for (const b of bodies) {
    await db.query(
      `insert into memberships (user_id, org_id, role) values ($1, $2, 'operator') on conflict do nothing`,
      [user[0].id, b.id],
    );
  }
  await db.end();
  const cookie = await sampleLogin(base, 'bench.operator@bench.test');
  const csrf = /ll_csrf=([^;]+)/.exec(cookie)![1]!;
  const users: User[] = [];
  for (const b of bodies) {
    const res = await fetch(`${base}/api/v1/orgs/${b.code}/assessments`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ year: 2025 }),
    });
    if (res.status !== 201) throw new Error(`create assessment ${res.status} ${await res.text()}`);
    users.push({
      cookie,
      csrf,
      assessmentId: ((await res.json()) as { data: { id: string } }).data.id,
      version: 0,
    });
  }
  return users;
}

/**
 * Each of the 50 users saves on their own keep-alive connection, one request at a time, with the
 * version of their previous save (a closed loop, like people working; autocannon reuses a built
 * request, which cannot carry a changing version).
 */
export async function saveLoad(base: string, users: User[], duration: number): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: users.length });
  // A refused connection fails the run (status 0 is not a save).
  const put = async (u: User, level: number) => {
    const r = await putJson(agent, base, `/api/v1/assessments/${u.assessmentId}/items/1`, u, {
      level,
      justification: 'bench',
      version: u.version,
    });
    if (r.status === 0) throw new Error('save: connection failed');
    return r;
  };
  const run = async (seconds: number) => {
    const latencies: number[] = [];
    let failed = 0;
    const until = performance.now() + seconds * 1000;
    await Promise.all(
      users.map(async (u) => {
        while (performance.now() < until) {
          const t0 = performance.now();
          const r = await put(u, 1 + (u.version % 5)).catch(() => ({ status: 0, body: '' }));
          latencies.push(performance.now() - t0);
          if (r.status === 200)
            u.version = (JSON.parse(r.body) as { data: { version: number } }).data.version;
          else failed += 1;
        }
      }),
    );
    latencies.sort((a, b) => a - b);
    const pct = (p: number) =>
      Math.round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!);
    return {
      rps: Math.round(latencies.length / seconds),
      p50: pct(0.5),
      p99: pct(0.99),
      errors: failed,
      non2xx: 0,
    };
  };
  progress('load PUT /api/v1/assessments/:id/items/1 (50 users)');
  await run(2);
  const r = await run(duration);
  agent.destroy();
  return r;
}

/** Imports 30,000 official results (3,000 bodies × 10 years) as a national supervisor; ms. */
export async function importBench(dbUrl: string, base: string): Promise<{ ms: number; bytes: number }> {
  const db = new pg.Client({ connectionString: dbUrl });
  await db.connect();
  await db.query(
    `insert into orgs (code, name, type) select 'BENCH-' || g, 'Badan Uji ' || g, 'agency'
     from generate_series(1, 3000) g on conflict do nothing`,
  );
  await db.end();
  const lines = ['kode_instansi,tahun,indeks,sumber'];
  for (let g = 1; g <= 3000; g++) {
    for (let year = 2018; year <= 2027; year++)
      lines.push(`BENCH-${g},${year},${(1 + ((g * 7 + year) % 400) / 100).toFixed(2)},bench`);
  }
  const csv = lines.join('\n');
  const cookie = await sampleLogin(base, 'nasional@livinglab.test');
  const csrf = /ll_csrf=([^;]+)/.exec(cookie)![1]!;
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'hasil-30000.csv');
  progress('import 30,000 official results');
  const t0 = performance.now();
  const res = await fetch(`${base}/api/v1/official-results/import`, {
    method: 'POST',
    headers: { cookie, 'x-csrf-token': csrf },
    body: form,
  });
  const ms = performance.now() - t0;
  const body = await res.text();
  if (res.status !== 200) throw new Error(`import ${res.status} ${body.slice(0, 300)}`);
  return { ms, bytes: csv.length };
}
