import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createUser,
  login,
  openTestApp,
  type Session,
  type TestApp,
} from '../../../../tests/support/test-app';
import { verifyAuditChain } from '../../platform/audit';

let t: TestApp;
let admin: Session;
let garutAdmin: Session;

beforeAll(async () => {
  const people = {
    admin: ['platform_admin', 'LL-SEKRETARIAT'],
    garutAdmin: ['body_admin', '32.05'],
  } as const;
  ({
    t,
    s: { admin, garutAdmin },
  } = await openTestApp({ people }));
  await t.app.inject({
    method: 'POST',
    url: '/api/v1/orgs/32.05/invitations',
    headers: { ...garutAdmin.headers, 'x-forwarded-for': '203.0.113.9' },
    payload: { email: 'audit.me@x.test', role: 'viewer' },
  });
  await t.app.inject({
    method: 'PATCH',
    url: '/api/v1/orgs/32.11',
    headers: admin.headers,
    payload: { isMember: true, memberSince: '2022-11-21' },
  });
});
afterAll(() => t?.close());

describe('audit log', () => {
  it('records who did what to what, when and from where', async () => {
    const res = await t.app.inject({
      url: '/api/v1/audit-events?action=invitation.created',
      headers: admin.headers,
    });
    expect(res.statusCode).toBe(200);
    const [e] = res.json().data;
    expect(e).toMatchObject({
      action: 'invitation.created',
      entityType: 'invitation',
      orgCode: '32.05',
      summary: { email: 'audit.me@x.test', role: 'viewer' },
    });
    expect(e.actorEmail).toMatch(/@example\.test$/);
    expect(e.ip).toBeTruthy();
    expect(e.requestId).toBeTruthy();
  });

  it('filters by body, actor, entity and date', async () => {
    const byOrg = await t.app.inject({ url: '/api/v1/audit-events?org=32.11', headers: admin.headers });
    expect(byOrg.json().data.map((e: { action: string }) => e.action)).toEqual(['org.updated']);
    const today = new Date().toISOString().slice(0, 10);
    const byDate = await t.app.inject({
      url: `/api/v1/audit-events?from=2000-01-01&to=2000-01-02`,
      headers: admin.headers,
    });
    expect(byDate.json().pagination.total).toBe(0);
    const recent = await t.app.inject({
      url: `/api/v1/audit-events?from=${today}&entityType=org`,
      headers: admin.headers,
    });
    expect(recent.json().pagination.total).toBeGreaterThanOrEqual(1);
  });

  it("shows a body admin only their body's events", async () => {
    const res = await t.app.inject({ url: '/api/v1/audit-events?pageSize=200', headers: garutAdmin.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json().data.every((e: { orgCode: string }) => e.orgCode === '32.05')).toBe(true);
    const op = await login(
      t.app,
      (await createUser(t.database, { role: 'operator', orgCode: '32.05' })).email,
    );
    expect((await t.app.inject({ url: '/api/v1/audit-events', headers: op.headers })).statusCode).toBe(403);
  });

  it('writes no event when the change fails (same transaction)', async () => {
    const before = await t.app.inject({ url: '/api/v1/audit-events', headers: admin.headers });
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orgs',
      headers: admin.headers,
      payload: { code: 'KEMENDAGRI', name: 'Duplikat', type: 'ministry' },
    });
    expect(bad.statusCode).toBe(409);
    const after = await t.app.inject({ url: '/api/v1/audit-events', headers: admin.headers });
    expect(after.json().pagination.total).toBe(before.json().pagination.total);
  });

  it('verifies the hash chain and finds an altered or deleted event', async () => {
    await t.app.auditChain.flush();
    const key = t.app.auditChain.key;
    const ok = await verifyAuditChain(t.database.db, { key });
    expect(ok).toMatchObject({ ok: true, pending: 0 });
    expect(ok.count).toBeGreaterThan(3);
    await t.database.db.execute(
      sql`update audit_events set actor_email = 'mallory@x.test' where chain_seq = 3`,
    );
    const altered = await verifyAuditChain(t.database.db, { key });
    expect(altered).toMatchObject({ ok: false, count: 2, problem: { seq: 3, kind: 'altered' } });
  });
});
