import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type Session, type TestApp } from '../../../../tests/support/test-app';

// What the API tells the web it may do: the web shows controls from these answers only.
let t: TestApp;
let garutAdmin: Session;
let garutOperator: Session;
let admin: Session;

beforeAll(async () => {
  ({
    t,
    s: { garutAdmin, garutOperator, admin },
  } = await openTestApp({
    host: '32.11',
    mentees: ['32.05'],
    people: {
      garutAdmin: ['body_admin', '32.05'],
      garutOperator: ['operator', '32.05'],
      admin: ['platform_admin', 'LL-SEKRETARIAT'],
    },
  }));
});
afterAll(() => t?.close());

const get = (url: string, who: Session) => t.app.inject({ url: `/api/v1${url}`, headers: who.headers });

describe('abilities', () => {
  it("offers exactly the roles the actor may grant in a body's user list", async () => {
    const byAdmin = (await get('/orgs/32.05/users', garutAdmin)).json().abilities;
    expect(byAdmin).toEqual({ manage: true, grantableRoles: ['body_admin', 'leader', 'operator', 'viewer'] });
    expect((await get('/orgs/32.05/users', garutOperator)).json().abilities).toEqual({
      manage: false,
      grantableRoles: [],
    });
    const host = (await get('/orgs/32.11/users', admin)).json().abilities.grantableRoles;
    expect(host).toContain('mentor');
    expect(host).toContain('platform_admin');
    expect(host).not.toContain('province_supervisor');
  });

  it("tells a platform admin they may not disable their own account, in the request's language", async () => {
    const me = (await get('/me', admin)).json().data.user.id;
    const own = (await get(`/users/${me}`, admin)).json().abilities;
    expect(own).toEqual({ update: true, disable: false, addMembership: true, removeMembership: true });
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${me}`,
      headers: { ...admin.headers, 'accept-language': 'en' },
      payload: { isActive: false },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details).toEqual({
      reason: 'self',
      message: 'You cannot disable your own account',
    });
  });

  it('gives the account its platform abilities from the area policies', async () => {
    expect((await get('/me', garutAdmin)).json().data.abilities).toMatchObject({
      manageUsers: false,
      readAudit: true,
      manageOrgs: false,
    });
    expect((await get('/me', garutOperator)).json().data.abilities.readAudit).toBe(false);
  });
});

describe('meta', () => {
  it('names the time zone the web shows times in', async () => {
    const res = await t.app.inject({ url: '/api/v1/meta' });
    expect(res.json().timeZone).toBe('Asia/Jakarta');
  });
});
