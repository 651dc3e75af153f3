import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestApp, createUser, login } from '../../../tests/support/test-app';
import { orgs } from '../db/schema';

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
