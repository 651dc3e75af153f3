import { eq, sql } from 'drizzle-orm';
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
import { orgs } from '../db/schema';
import { LISTENER_NAME } from './cache-sync';
import type { App } from './http-types';

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

// The database notifies at commit exactly the caches a write made stale (db/cache-triggers.ts).
describe('invalidation by the database', () => {
  it('clears what a committed write changed, and nothing for rollbacks or unrelated writes', async () => {
    const t = await createTestApp({ READ_CACHE_SECONDS: '60' });
    const { actors, directory, funnel } = t.app.caches;
    const u = await createUser(t.database, { role: 'operator', orgCode: '32.05' });
    const s = await login(t.app, u.email);
    const fill = async () => {
      await directory.get('d', async () => ({ json: 'x' }));
      await funnel.get('f', async () => ({ json: 'x', bodies: [] }));
      expect((await t.app.inject({ url: '/api/v1/me', headers: s.headers })).statusCode).toBe(200);
    };
    const cached = async () => {
      await t.app.cacheSync.barrier(); // PGlite delivers at commit; PostgreSQL by the next barrier
      const token = s.cookie.match(/ll_session=([^;]+)/)![1]!;
      return {
        actors: Boolean(actors.peek(token)),
        directory: Boolean(directory.peek('d')),
        funnel: Boolean(funnel.peek('f')),
      };
    };
    const all = { actors: true, directory: true, funnel: true };
    await fill();
    expect(await cached()).toEqual(all);

    // Writes the caches don't read: another login (a session row, last_login_at), a level of
    // activity already recorded today, the public calculator, a password-reset request.
    await login(t.app, u.email);
    await t.database.db.execute(sql`update followup_facts set updated_at = now() where false`);
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/frameworks/spbe-2020/score',
      payload: { levels: { 1: 3 } },
    });
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/forgot-password',
      payload: { email: 'x@x.test' },
    });
    expect(await cached()).toEqual(all);

    // A rolled back change of a body notifies nothing.
    await t.database.db
      .transaction(async (tx) => {
        await tx.update(orgs).set({ isMember: true }).where(eq(orgs.code, '32.05'));
        throw new Error('roll back');
      })
      .catch(() => {});
    expect(await cached()).toEqual(all);

    // Follow-up facts: only the figures.
    await t.database.db.execute(sql`update followup_facts set updated_at = now()`);
    await t.database.db.execute(sql`insert into followup_facts (org_id, shape, facts)
      select id, 0, '{}'::jsonb from orgs where code = '32.05' on conflict (org_id) do update set updated_at = now()`);
    expect(await cached()).toEqual({ ...all, funnel: false });

    // A body: sessions (an actor carries its bodies), the directory and the figures.
    await fill();
    await t.database.db.update(orgs).set({ isMember: true }).where(eq(orgs.code, '32.05'));
    expect(await cached()).toEqual({ actors: false, directory: false, funnel: false });

    // A profile change (the actor's name): sessions only.
    await fill();
    expect(
      (
        await t.app.inject({
          method: 'PATCH',
          url: '/api/v1/me',
          headers: s.headers,
          payload: { name: 'Nama Baru' },
        })
      ).statusCode,
    ).toBe(200);
    expect(await cached()).toEqual({ ...all, actors: false });
    await t.close();
  });
});

// Two instances (two apps, two pools) on one PostgreSQL database, caches on with a long TTL: only
// invalidation can make B see what A changed.
describe.skipIf(!onPostgres)('two instances on one PostgreSQL database', () => {
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
