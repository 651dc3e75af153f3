import { describe, expect, it } from 'vitest';
import { createTestApp, createUser, login } from '../../../tests/support/test-app';

describe('unexpected failures', () => {
  it('answer 500 with a request id and no internals, and health reports 503', async () => {
    const t = await createTestApp();
    const u = await createUser(t.database, { role: 'operator', orgCode: '32.05' });
    const s = await login(t.app, u.email);
    await t.database.close(); // the database goes away under a running app
    const res = await t.app.inject({ url: '/api/v1/orgs', headers: s.headers });
    expect(res.statusCode).toBe(500);
    const body = res.json();
    expect(body.error.code).toBe('INTERNAL');
    expect(body.error.requestId).toBe(res.headers['x-request-id']);
    expect(res.body).not.toMatch(/stack|pglite|postgres|select|Error:/i);
    const health = await t.app.inject({ url: '/api/health' });
    expect(health.statusCode).toBe(503);
    expect(health.json().status).toBe('unavailable');
    await t.app.close();
  });
});

describe('an id that cannot exist', () => {
  it('is "not found" when read (as a well-formed unknown id is), a 400 when written to', async () => {
    const t = await createTestApp();
    const u = await createUser(t.database, { role: 'operator', orgCode: '32.05' });
    const s = await login(t.app, u.email);
    for (const url of ['/api/v1/commitments/signatures/abc/verify', '/api/v1/plans/not-a-uuid']) {
      const res = await t.app.inject({ url, headers: s.headers });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error).toMatchObject({ code: 'NOT_FOUND', message: 'Data tidak ditemukan.' });
      expect(res.json().error.requestId).toBe(res.headers['x-request-id']);
    }
    const unknown = await t.app.inject({
      url: '/api/v1/commitments/signatures/00000000-0000-4000-8000-000000000000/verify',
    });
    expect(unknown.statusCode).toBe(404);
    const write = await t.app.inject({
      method: 'POST',
      url: '/api/v1/commitments/signatures/abc/revoke',
      headers: { ...s.headers, 'content-type': 'application/json' },
      payload: { reason: 'salah' },
    });
    expect(write.statusCode).toBe(400);
    expect(write.json().error.code).toBe('VALIDATION_FAILED');
    await t.app.close();
  });
});
