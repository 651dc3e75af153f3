import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  createUser,
  login,
  type Session,
  type TestApp,
} from '../../../tests/support/test-app';

// PostgreSQL going away under a running app (issue 9, item 3): before the fix, a client checked
// out of the pool whose connection was terminated emitted an 'error' event nobody listened to,
// and the process died. These run only against a real server (*.pg.test.ts: TEST_DATABASE_URL).
describe('database faults on PostgreSQL', () => {
  let t: TestApp;
  let s: Session;
  let admin: pg.Client;
  let dbName: string;
  const terminateAll = () =>
    admin.query(
      'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [dbName],
    );
  const me = () => t.app.inject({ url: '/api/v1/me', headers: s.headers });

  beforeAll(async () => {
    // Cache off: every request reaches the database.
    t = await createTestApp({ READ_CACHE_SECONDS: '0' });
    s = await login(t.app, (await createUser(t.database, { role: 'operator', orgCode: '32.05' })).email);
    const url = new URL(String(t.database.pool!.options.connectionString));
    dbName = url.pathname.slice(1);
    url.pathname = '/postgres';
    admin = new pg.Client({ connectionString: url.toString() });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.query(`alter database ${dbName} allow_connections true`).catch(() => {});
    await admin.end();
    await t.close();
  });

  it('keeps running when the connections are terminated, even one checked out between queries', async () => {
    const held = await t.database.pool!.connect();
    await held.query('select 1');
    await Promise.all([me(), me(), me()]); // some idle connections in the pool too
    await terminateAll();
    await new Promise((r) => setTimeout(r, 200)); // the 'error' events arrive (and used to crash)
    await expect(held.query('select 1')).rejects.toThrow();
    held.release(true);
    // The pool drops the dead connections and opens new ones: the app answers again unaided.
    const statuses: number[] = [];
    for (let i = 0; i < 20 && statuses.at(-1) !== 200; i += 1) statuses.push((await me()).statusCode);
    expect(statuses.at(-1)).toBe(200);
    expect(statuses.every((x) => x === 200 || x === 503)).toBe(true);
  });

  it('answers 503 (health too) while the database refuses connections, and recovers after', async () => {
    await admin.query(`alter database ${dbName} allow_connections false`);
    await terminateAll();
    const during = await me();
    expect(during.statusCode).toBe(503);
    expect(during.json().error.code).toBe('DATABASE_UNAVAILABLE');
    const health = await t.app.inject({ url: '/api/health' });
    expect(health.statusCode).toBe(503);
    expect(health.json()).toMatchObject({ status: 'unavailable', database: 'postgres' });
    await admin.query(`alter database ${dbName} allow_connections true`);
    expect((await me()).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/health' })).statusCode).toBe(200);
  });
});
