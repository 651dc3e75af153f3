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
