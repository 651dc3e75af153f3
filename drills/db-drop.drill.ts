// The database goes away under a running app (issue 9, item 3). The app runs on PostgreSQL with
// the read cache off (every request reaches the database) under light load (4 clients, one of
// them writing); its connections are terminated three times, then the database refuses
// connections for two seconds (ALLOW_CONNECTIONS false). The process must stay alive, requests
// during a fault answer 503 (never 500, never hang), and requests succeed again within a few
// seconds, unaided.
import pg from 'pg';
import {
  alive,
  api,
  check,
  figure,
  finish,
  freshDataDir,
  freshPgDatabase,
  pgAdminUrl,
  signIn,
  startApp,
} from './lib';

const db = await freshPgDatabase('ll_drill_dbdrop');
const data = freshDataDir();
const dbName = new URL(db.url).pathname.slice(1);
const admin = new pg.Client({ connectionString: pgAdminUrl });
await admin.connect();
const app = await startApp({ DATABASE_URL: db.url, DATA_DIR: data.dir, READ_CACHE_SECONDS: '0' });

try {
  const session = await signIn(app.base, 'operator.garut@livinglab.test');
  const statuses = new Map<string, number>();
  let slowest = 0;
  let lastOk = 0;
  let stop = false;
  // Light load: 4 clients, each one request at a time; a request that takes over 10 s is a hang.
  let sent = 0;
  // Reads, and writes (a profile change: a transaction with its audit event) from one client in
  // four: a connection terminated inside a transaction is what used to crash the process.
  const client = async (_: unknown, c: number) => {
    while (!stop) {
      sent += 1;
      const started = performance.now();
      let key: string;
      try {
        const write = c === 0;
        const url = write ? '/api/v1/me' : sent % 2 ? '/api/v1/me' : '/api/v1/orgs?q=32';
        const res = await fetch(`${app.base}${url}`, {
          method: write ? 'PATCH' : 'GET',
          headers: write
            ? { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' }
            : { cookie: session.cookie },
          body: write ? JSON.stringify({ name: `Operator ${sent}` }) : undefined,
          signal: AbortSignal.timeout(10_000),
        });
        await res.arrayBuffer();
        key = String(res.status);
        if (res.status === 200) lastOk = performance.now();
      } catch (err) {
        key = (err as Error).name === 'TimeoutError' ? 'hang' : 'network error';
      }
      slowest = Math.max(slowest, performance.now() - started);
      statuses.set(key, (statuses.get(key) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const clients = Array.from({ length: 4 }, client);

  /** Waits for a 200 that started after `since`; the time from `since` to it, in ms. */
  const recovery = async (since: number) => {
    while (lastOk <= since && performance.now() - since < 15_000) await new Promise((r) => setTimeout(r, 10));
    return lastOk > since ? Math.round(lastOk - since) : Number.POSITIVE_INFINITY;
  };
  const terminate = () =>
    admin.query(
      'select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where datname = $1',
      [dbName],
    );

  await new Promise((r) => setTimeout(r, 1_000));
  const terminateRecoveries: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    const { rows } = await terminate();
    const at = performance.now();
    figure(`connections terminated, round ${i + 1}`, rows[0].n);
    terminateRecoveries.push(await recovery(at));
    await new Promise((r) => setTimeout(r, 700));
  }
  figure('recovery after terminated connections, worst (ms)', Math.max(...terminateRecoveries));

  await admin.query(`alter database ${dbName} allow_connections false`);
  await terminate();
  await new Promise((r) => setTimeout(r, 500));
  const health = await api(app.base, null, 'GET', '/api/health');
  const during = await api(app.base, session, 'GET', '/api/v1/me');
  await new Promise((r) => setTimeout(r, 1_500));
  await admin.query(`alter database ${dbName} allow_connections true`);
  const reopened = performance.now();
  const refusedRecovery = await recovery(reopened);
  figure('recovery after the database accepted connections again (ms)', refusedRecovery);
  await new Promise((r) => setTimeout(r, 500));
  stop = true;
  await Promise.all(clients);

  figure('answers during the drill', [...statuses].map(([k, n]) => `${k}: ${n}`).join(', '));
  figure('slowest request (ms)', Math.round(slowest));
  check(alive(app), 'the process is alive after every fault');
  check(
    health.status === 503,
    `/api/health answers 503 while the database refuses connections (${health.status})`,
  );
  check(
    during.status === 503 &&
      (during.json as { error?: { code?: string } }).error?.code === 'DATABASE_UNAVAILABLE',
    `a request while the database refuses connections answers 503 DATABASE_UNAVAILABLE (${during.status})`,
  );
  const bad = [...statuses.keys()].filter((k) => k !== '200' && k !== '503');
  check(
    bad.length === 0,
    `every answer was 200 or 503, none 500, none hung (${bad.join(', ') || 'none other'})`,
  );
  check(
    Math.max(...terminateRecoveries, refusedRecovery) < 5_000,
    'requests succeed again within 5 s of every fault, unaided',
  );
  const after = await api(app.base, session, 'GET', '/api/health');
  check(after.status === 200, '/api/health answers 200 again');
} finally {
  await app.stop();
  await admin.query(`alter database ${dbName} allow_connections true`).catch(() => {});
  await admin.end();
  data.remove();
  await db.drop();
}
finish();
