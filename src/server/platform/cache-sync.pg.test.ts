import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  createUser,
  login,
  type Session,
  type TestApp,
} from '../../../tests/support/test-app';
import { buildApp } from '../app';
import { openDatabase } from '../db/client';
import { LISTENER_NAME } from './cache-sync';
import type { App } from './http-types';

// PostgreSQL only (*.pg.test.ts run when TEST_DATABASE_URL is set; see vitest.config.ts).
// Two instances (two apps, two pools) on one PostgreSQL database, caches on with a long TTL: only
// invalidation can make B see what A changed.
describe('two instances on one PostgreSQL database', () => {
  let t: TestApp;
  let b: App;
  let closeB: () => Promise<void>;
  let admin: Session;
  const call = (
    app: App,
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    who: Session,
    payload?: object,
  ) => app.inject({ method, url: `/api/v1${url}`, headers: who.headers, payload });

  beforeAll(async () => {
    t = await createTestApp({ READ_CACHE_SECONDS: '300' });
    const database = await openDatabase({
      engine: 'postgres',
      url: String(t.database.pool!.options.connectionString),
    });
    b = await buildApp({ ...t.app.deps, database }, { logger: false });
    await b.ready();
    closeB = async () => {
      await b.close();
      await database.close();
    };
    admin = await login(
      t.app,
      (await createUser(t.database, { role: 'platform_admin', orgCode: 'LL-SEKRETARIAT' })).email,
    );
  });
  afterAll(async () => {
    await closeB();
    await t.close();
  });

  it('refuses on B, on the very next request, a session logged out on A', async () => {
    const s = await login(
      t.app,
      (await createUser(t.database, { role: 'operator', orgCode: '32.05' })).email,
    );
    expect((await call(b, 'GET', '/me', s)).statusCode).toBe(200); // now cached on B
    expect((await call(t.app, 'POST', '/auth/logout', s)).statusCode).toBe(200);
    expect((await call(b, 'GET', '/me', s)).statusCode).toBe(401);
  });

  it('refuses on B at once a role removed on A', async () => {
    const u = await createUser(t.database, { role: 'body_admin', orgCode: '32.05' });
    const s = await login(b, u.email);
    expect((await call(b, 'GET', '/orgs/32.05/invitations', s)).statusCode).toBe(200);
    const members = (await call(t.app, 'GET', '/orgs/32.05/users', admin)).json().data as {
      membershipId: string;
      userId: string;
    }[];
    const m = members.find((x) => x.userId === u.id)!;
    expect((await call(t.app, 'DELETE', `/orgs/32.05/memberships/${m.membershipId}`, admin)).statusCode).toBe(
      200,
    );
    // Out of the body's scope now: 403 or 404 (the body is no longer visible), never 200.
    expect([403, 404]).toContain((await call(b, 'GET', '/orgs/32.05/invitations', s)).statusCode);
  });

  it('shows on B a body changed on A, and clears the figures only on changes they read', async () => {
    const list = async () =>
      (await call(b, 'GET', '/orgs?q=32.05', admin)).json().data[0].isMember as boolean;
    const before = await list();
    expect((await call(t.app, 'PATCH', '/orgs/32.05', admin, { isMember: !before })).statusCode).toBe(200);
    expect(await list()).toBe(!before);
    // The figures cached on B survive a write that changes nothing they read (a profile edit)…
    await b.caches.funnel.get('probe', async () => ({ json: '{}', bodies: [] }));
    expect((await call(t.app, 'PATCH', '/me', admin, { name: 'Admin Renamed' })).statusCode).toBe(200);
    await b.cacheSync.barrier();
    expect(b.caches.funnel.peek('probe')).toBeDefined();
    // …and go when a body changes.
    expect((await call(t.app, 'PATCH', '/orgs/32.05', admin, { isMember: before })).statusCode).toBe(200);
    await b.cacheSync.barrier();
    expect(b.caches.funnel.peek('probe')).toBeUndefined();
  });

  it('survives losing its listening connection: caches cleared, not trusted, listening again', async () => {
    const s = await login(
      t.app,
      (await createUser(t.database, { role: 'operator', orgCode: '32.05' })).email,
    );
    expect((await call(b, 'GET', '/me', s)).statusCode).toBe(200);
    const url = String(t.database.pool!.options.connectionString);
    const killer = new pg.Client({ connectionString: url });
    await killer.connect();
    const killed = await killer.query(
      `select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and application_name = $1`,
      [LISTENER_NAME],
    );
    expect(killed.rowCount).toBe(2); // A's and B's
    // While B is not listening, its caches are not trusted: the logout is still seen at once.
    expect((await call(t.app, 'POST', '/auth/logout', s)).statusCode).toBe(200);
    expect((await call(b, 'GET', '/me', s)).statusCode).toBe(401);
    const started = Date.now();
    while (b.cacheSync.state() !== 'listening' && Date.now() - started < 5_000) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(b.cacheSync.state()).toBe('listening');
    await killer.end();
    expect((await call(b, 'GET', '/me', admin)).statusCode).toBe(200);
  });
});
