import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, login, type TestApp } from '../../../../tests/support/test-app';
import { buildApp } from '../../app';
import { openDatabase } from '../../db/client';
import type { App } from '../../platform/http-types';

// PostgreSQL only (*.pg.test.ts run when TEST_DATABASE_URL is set). Two instances on one database,
// caches on with a long TTL: only the database's notification can make B's open data fresh.
describe('open data on two instances', () => {
  let t: TestApp;
  let b: App;
  let closeB: () => Promise<void>;

  beforeAll(async () => {
    t = await createTestApp({ READ_CACHE_SECONDS: '300' }, { sample: true });
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
  });
  afterAll(async () => {
    await closeB();
    await t.close();
  });

  it('answers on B a result entered on A, with a new ETag', async () => {
    const get = () => b.inject({ url: '/api/v1/public/bodies/32.05' });
    const before = await get();
    expect(before.json().data.officialResults.map((r: { year: number }) => r.year)).not.toContain(2025);
    expect((await get()).headers.etag).toBe(before.headers.etag); // served from B's cache
    const national = await login(
      t.app,
      (await createUser(t.database, { role: 'national_supervisor', orgCode: 'KEMENDAGRI' })).email,
    );
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/orgs/32.05/official-results/2025',
      headers: national.headers,
      payload: { index: 2.6, source: 'uji' },
    });
    expect(put.statusCode, put.body).toBe(200);
    // Anonymous requests do not wait for a barrier: the notification is applied as it arrives.
    await b.cacheSync.barrier();
    const after = await get();
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(after.json().data.body.latestOfficial).toMatchObject({ year: 2025, index: 2.6 });
    expect(
      (await b.inject({ url: '/api/v1/public/bodies?q=garut' })).json().data[0].latestOfficial,
    ).toMatchObject({
      year: 2025,
    });
  });

  it('answers on B a practice renamed on A by any path (the table notifies, not the code)', async () => {
    const hosted = async () =>
      (await b.inject({ url: '/api/v1/public/bodies/32.11' }))
        .json()
        .data.practicesHosted.map((p: { title: string }) => p.title);
    expect(await hosted()).not.toContain('Judul baru (uji)');
    await t.database.db.execute(sql`update practices set title = 'Judul baru (uji)'
      where id = (select id from practices where status = 'published' order by title limit 1)`);
    await b.cacheSync.barrier();
    expect(await hosted()).toContain('Judul baru (uji)');
  });
});
