import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createUser,
  login,
  openTestApp,
  type Session,
  type TestApp,
} from '../../../../tests/support/test-app';

let t: TestApp;
let garutAdmin: Session;
let garutOperator: Session;
let jabar: Session;
let admin: Session;
let mentor: Session;

beforeAll(async () => {
  ({
    t,
    s: { garutAdmin, garutOperator, jabar, admin, mentor },
  } = await openTestApp({
    host: '32.11',
    mentees: ['32.05'],
    people: {
      garutAdmin: ['body_admin', '32.05'],
      garutOperator: ['operator', '32.05'],
      jabar: ['province_supervisor', '32'],
      admin: ['platform_admin', 'LL-SEKRETARIAT'],
      mentor: ['mentor', '32.11'],
    },
  }));
});
afterAll(() => t?.close());

async function latestOutboxToken(to: string) {
  const res = await t.app.inject({ url: '/api/v1/outbox?pageSize=50', headers: admin.headers });
  const mail = res.json().data.find((m: { to: string }) => m.to === to);
  const m = mail.text.match(/token=([A-Za-z0-9_%-]+)/);
  return decodeURIComponent(m[1]);
}

describe('invitations', () => {
  it('lets a body admin invite a new user who sets a password from the link', async () => {
    const invite = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orgs/32.05/invitations',
      headers: garutAdmin.headers,
      payload: { email: 'New.Operator@Garut.test', role: 'operator' },
    });
    expect(invite.statusCode).toBe(201);
    expect(invite.json()).toMatchObject({
      data: { email: 'new.operator@garut.test', role: 'operator' },
      delivery: 'stored',
    });

    const pending = await t.app.inject({
      url: '/api/v1/orgs/32.05/invitations',
      headers: garutAdmin.headers,
    });
    expect(pending.json().data).toHaveLength(1);

    const token = await latestOutboxToken('new.operator@garut.test');
    const lookup = await t.app.inject({
      url: `/api/v1/invitations/lookup?token=${encodeURIComponent(token)}`,
    });
    expect(lookup.json().data).toMatchObject({
      org: { code: '32.05' },
      role: 'operator',
      existingAccount: false,
    });

    const accept = await t.app.inject({
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: { token, name: 'Operator Baru', password: 'operator-baru-123' },
    });
    expect(accept.statusCode).toBe(200);
    const s = await login(t.app, 'new.operator@garut.test', 'operator-baru-123');
    const me = await t.app.inject({ url: '/api/v1/me', headers: s.headers });
    expect(me.json().data.memberships[0]).toMatchObject({ role: 'operator', org: { code: '32.05' } });

    const reuse = await t.app.inject({
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: { token, name: 'Operator Baru', password: 'operator-baru-123' },
    });
    expect(reuse.json().error.code).toBe('TOKEN_INVALID');
  });

  it('adds a membership to an existing account only with its password', async () => {
    const existing = await createUser(t.database, { role: 'viewer', orgCode: '32.01' });
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/orgs/32.05/invitations',
      headers: garutAdmin.headers,
      payload: { email: existing.email, role: 'viewer' },
    });
    const outbox = await t.app.inject({ url: '/api/v1/outbox?pageSize=50', headers: admin.headers });
    const mail = outbox.json().data.find((m: { to: string }) => m.to === existing.email);
    // Each language block names the role in its own language.
    expect(mail.text).toContain('sebagai Pembaca untuk');
    expect(mail.text).toContain('as Viewer of');
    const token = await latestOutboxToken(existing.email);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: { token, name: 'X Y', password: 'not-the-password' },
    });
    expect(wrong.json().error.code).toBe('WRONG_PASSWORD');
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: { token, name: 'X Y', password: existing.password },
    });
    expect(ok.statusCode).toBe(200);
    const s = await login(t.app, existing.email);
    const me = await t.app.inject({ url: '/api/v1/me', headers: s.headers });
    expect(
      me
        .json()
        .data.memberships.map((m: { org: { code: string } }) => m.org.code)
        .sort(),
    ).toEqual(['32.01', '32.05']);
  });

  it('keeps supervisor and admin roles away from body admins', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orgs/32.05/invitations',
      headers: garutAdmin.headers,
      payload: { email: 'boss@x.test', role: 'platform_admin' },
    });
    expect(res.statusCode).toBe(403);
    const mentorRole = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orgs/32.05/invitations',
      headers: garutAdmin.headers,
      payload: { email: 'm@x.test', role: 'mentor' },
    });
    expect(mentorRole.json().error.code).toBe('ROLE_NOT_FOR_ORG');
  });

  it('answers 403 in scope without the right and 404 outside scope', async () => {
    const payload = { email: 'z@x.test', role: 'viewer' };
    const op = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orgs/32.05/invitations',
      headers: garutOperator.headers,
      payload,
    });
    expect(op.statusCode).toBe(403);
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orgs/32.11/invitations',
      headers: garutAdmin.headers,
      payload,
    });
    expect(other.statusCode).toBe(404);
  });

  it('revokes a pending invitation', async () => {
    const inv = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orgs/32.05/invitations',
      headers: garutAdmin.headers,
      payload: { email: 'revoke.me@x.test', role: 'viewer' },
    });
    const id = inv.json().data.id;
    const token = await latestOutboxToken('revoke.me@x.test');
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/orgs/32.05/invitations/${id}`,
      headers: garutAdmin.headers,
    });
    expect(del.statusCode).toBe(200);
    const lookup = await t.app.inject({
      url: `/api/v1/invitations/lookup?token=${encodeURIComponent(token)}`,
    });
    expect(lookup.statusCode).toBe(400);
  });
});

describe("a body's users", () => {
  it('are visible within scope only', async () => {
    expect(
      (await t.app.inject({ url: '/api/v1/orgs/32.05/users', headers: garutOperator.headers })).statusCode,
    ).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/orgs/32.05/users', headers: jabar.headers })).statusCode).toBe(
      200,
    );
    expect(
      (await t.app.inject({ url: '/api/v1/orgs/32.05/users', headers: mentor.headers })).statusCode,
    ).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/orgs/33.74/users', headers: jabar.headers })).statusCode).toBe(
      404,
    );
    expect(
      (await t.app.inject({ url: '/api/v1/orgs/32.11/users', headers: garutOperator.headers })).statusCode,
    ).toBe(404);
  });

  it('can have their role changed and be removed by the body admin', async () => {
    const u = await createUser(t.database, { role: 'viewer', orgCode: '32.05' });
    const users = await t.app.inject({ url: '/api/v1/orgs/32.05/users', headers: garutAdmin.headers });
    const m = users.json().data.find((x: { email: string }) => x.email === u.email);
    const role = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/orgs/32.05/memberships/${m.membershipId}`,
      headers: garutAdmin.headers,
      payload: { role: 'leader' },
    });
    expect(role.statusCode).toBe(200);
    const byOperator = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/orgs/32.05/memberships/${m.membershipId}`,
      headers: garutOperator.headers,
    });
    expect(byOperator.statusCode).toBe(403);
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/orgs/32.05/memberships/${m.membershipId}`,
      headers: garutAdmin.headers,
    });
    expect(del.statusCode).toBe(200);
  });
});

describe('platform user administration', () => {
  it('lists and searches users, adds supervisor roles and disables accounts', async () => {
    const u = await createUser(t.database, { name: 'Siti Pembina' });
    const search = await t.app.inject({ url: '/api/v1/users?q=siti%20pembina', headers: admin.headers });
    expect(search.json().data.map((x: { id: string }) => x.id)).toEqual([u.id]);
    const wildcard = await t.app.inject({ url: '/api/v1/users?q=%25', headers: admin.headers });
    expect(wildcard.json().pagination).toEqual({ page: 1, pageSize: 25, total: 0, pageCount: 0 });

    const add = await t.app.inject({
      method: 'POST',
      url: `/api/v1/users/${u.id}/memberships`,
      headers: admin.headers,
      payload: { orgCode: '33', role: 'province_supervisor' },
    });
    expect(add.statusCode).toBe(201);
    const wrongType = await t.app.inject({
      method: 'POST',
      url: `/api/v1/users/${u.id}/memberships`,
      headers: admin.headers,
      payload: { orgCode: '33.74', role: 'province_supervisor' },
    });
    expect(wrongType.json().error.code).toBe('ROLE_NOT_FOR_ORG');

    const s = await login(t.app, u.email);
    const disable = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${u.id}`,
      headers: admin.headers,
      payload: { isActive: false },
    });
    expect(disable.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/me', headers: s.headers })).statusCode).toBe(401);

    const detail = await t.app.inject({ url: `/api/v1/users/${u.id}`, headers: admin.headers });
    expect(detail.json().data).toMatchObject({
      isActive: false,
      memberships: [{ role: 'province_supervisor' }],
    });
    const mid = detail.json().data.memberships[0].id;
    const rm = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/users/${u.id}/memberships/${mid}`,
      headers: admin.headers,
    });
    expect(rm.statusCode).toBe(200);
  });

  it('is closed to everyone else', async () => {
    expect((await t.app.inject({ url: '/api/v1/users', headers: garutAdmin.headers })).statusCode).toBe(403);
  });
});
