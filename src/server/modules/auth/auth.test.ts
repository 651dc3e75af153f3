import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractLink, startSmtpServer } from '../../../../tests/support/smtp';
import {
  createTestApp,
  createUser,
  login,
  TEST_PASSWORD,
  type TestApp,
} from '../../../../tests/support/test-app';

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ SMTP_URL: smtp.url });
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

describe('login and sessions', () => {
  it('logs in with an HttpOnly session cookie and returns the user with memberships', async () => {
    const u = await createUser(t.database, { role: 'operator', orgCode: '32.05' });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: u.email.toUpperCase(), password: u.password },
    });
    expect(res.statusCode).toBe(200);
    const session = res.cookies.find((c) => c.name === 'll_session')!;
    expect(session.httpOnly).toBe(true);
    expect(session.sameSite).toBe('Lax');
    expect(res.json().data.memberships[0]).toMatchObject({ role: 'operator', org: { code: '32.05' } });

    const me = await t.app.inject({ url: '/api/v1/me', headers: { cookie: `ll_session=${session.value}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json().data.user.email).toBe(u.email);
  });

  it('answers 401 with an error code for wrong credentials and unknown emails alike', async () => {
    const u = await createUser(t.database);
    for (const payload of [
      { email: u.email, password: 'wrong-password' },
      { email: 'nobody@example.test', password: 'wrong-password' },
    ]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('INVALID_CREDENTIALS');
    }
  });

  it('refuses disabled accounts', async () => {
    const u = await createUser(t.database, { isActive: false });
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: u });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('ACCOUNT_DISABLED');
  });

  it('revokes the session on logout', async () => {
    const u = await createUser(t.database);
    const s = await login(t.app, u.email);
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: s.headers });
    expect(out.statusCode).toBe(200);
    const me = await t.app.inject({ url: '/api/v1/me', headers: s.headers });
    expect(me.statusCode).toBe(401);
  });

  it('requires the CSRF token on cookie-authenticated writes and rejects foreign origins', async () => {
    const u = await createUser(t.database);
    const s = await login(t.app, u.email);
    const noToken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: s.cookie },
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('CSRF_FAILED');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: s.cookie, 'x-csrf-token': 'x'.repeat(43) },
    });
    expect(wrong.statusCode).toBe(403);
    const foreign = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { origin: 'https://evil.example' },
      payload: u,
    });
    expect(foreign.statusCode).toBe(403);
  });

  it('updates the profile language', async () => {
    const u = await createUser(t.database);
    const s = await login(t.app, u.email);
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: s.headers,
      payload: { locale: 'en' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().data.user.locale).toBe('en');
    const me = await t.app.inject({ url: '/api/v1/me', headers: s.headers });
    expect(me.json().data.user.locale).toBe('en');
  });
});

describe('passwords', () => {
  it('changes the password and signs out other sessions', async () => {
    const u = await createUser(t.database);
    const a = await login(t.app, u.email);
    const b = await login(t.app, u.email);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/change-password',
      headers: a.headers,
      payload: { currentPassword: 'not-it-at-all', newPassword: 'a-new-long-password' },
    });
    expect(wrong.json().error.code).toBe('WRONG_PASSWORD');
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/change-password',
      headers: a.headers,
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'short' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details.issues[0].field).toBe('body.newPassword');
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/change-password',
      headers: a.headers,
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'a-new-long-password' },
    });
    expect(ok.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/me', headers: a.headers })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/me', headers: b.headers })).statusCode).toBe(401);
    await login(t.app, u.email, 'a-new-long-password');
  });

  it('resets a forgotten password through a one-time link sent over SMTP', async () => {
    const u = await createUser(t.database);
    const before = smtp.received.length;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/forgot-password',
      payload: { email: u.email },
    });
    expect(res.statusCode).toBe(200);
    await expect.poll(() => smtp.received.length).toBe(before + 1);
    const mail = smtp.received.at(-1)!;
    expect(mail.to).toEqual([u.email]);
    const link = extractLink(mail.raw, '/reset-password');
    const token = decodeURIComponent(new URL(link).searchParams.get('token')!);

    const reset = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/reset-password',
      payload: { token, newPassword: 'brand-new-password-1' },
    });
    expect(reset.statusCode).toBe(200);
    await login(t.app, u.email, 'brand-new-password-1');
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/reset-password',
      payload: { token, newPassword: 'another-password-2' },
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('TOKEN_INVALID');
  });

  it('answers forgot-password the same for unknown and known emails, and mails only the known', async () => {
    const u = await createUser(t.database);
    const before = smtp.received.length;
    const replies = [];
    for (const email of ['ghost@example.test', u.email]) {
      const res = await forgotPassword(email);
      replies.push({ status: res.statusCode, body: res.body });
    }
    expect(replies[0]).toEqual({ status: 200, body: '{"ok":true}' });
    expect(replies[1]).toEqual(replies[0]);
    await expect.poll(() => smtp.received.length).toBe(before + 1);
    expect(smtp.received.at(-1)!.to).toEqual([u.email]);
  });

  it('lets only the newest reset link work, and none after the password changed', async () => {
    const u = await createUser(t.database);
    const older = await mailedResetToken(u.email);
    const newer = await mailedResetToken(u.email);
    const refused = await resetWith(older, 'from-the-old-link-1');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('TOKEN_INVALID');

    const signedIn = await login(t.app, u.email);
    expect((await resetWith(newer, 'from-the-new-link-1')).statusCode).toBe(200);
    // The reset ends every session of the account.
    expect((await t.app.inject({ url: '/api/v1/me', headers: signedIn.headers })).statusCode).toBe(401);

    const unused = await mailedResetToken(u.email);
    const s = await login(t.app, u.email, 'from-the-new-link-1');
    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/change-password',
      headers: s.headers,
      payload: { currentPassword: 'from-the-new-link-1', newPassword: 'changed-in-account-1' },
    });
    expect(changed.statusCode).toBe(200);
    expect((await resetWith(unused, 'from-a-stale-link-1')).json().error.code).toBe('TOKEN_INVALID');
    await login(t.app, u.email, 'changed-in-account-1');
  });
});

// Each from its own address: the route allows a client 5 a minute.
let clients = 0;
function forgotPassword(email: string) {
  clients += 1;
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/forgot-password',
    remoteAddress: `192.0.2.${clients}`,
    payload: { email },
  });
}

async function mailedResetToken(email: string): Promise<string> {
  const before = smtp.received.length;
  await forgotPassword(email);
  await expect.poll(() => smtp.received.length).toBe(before + 1);
  const link = extractLink(smtp.received.at(-1)!.raw, '/reset-password');
  return decodeURIComponent(new URL(link).searchParams.get('token')!);
}

function resetWith(token: string, newPassword: string) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/reset-password',
    payload: { token, newPassword },
  });
}

describe('errors', () => {
  it('maps malformed JSON, oversized bodies and unknown routes to catalogue errors', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('MALFORMED_JSON');
    const big = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    const unknown = await t.app.inject({ url: '/api/v1/does-not-exist' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('ROUTE_NOT_FOUND');
  });

  it('answers in English when the client asks for it', async () => {
    const res = await t.app.inject({ url: '/api/v1/me', headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(res.json().error.message).toBe('Please sign in first.');
    const id = await t.app.inject({ url: '/api/v1/me' });
    expect(id.json().error.message).toBe('Silakan masuk terlebih dahulu.');
  });

  it('sends security headers: a strict policy on API responses, helmet on pages', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toMatchObject({ status: 'ok', database: t.database.engine });
    const page = await t.app.inject({ url: '/orgs' });
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-frame-options']).toBe('DENY');
    const unknownApi = await t.app.inject({ url: '/api/v1/nope' });
    expect(unknownApi.headers['x-content-type-options']).toBe('nosniff');
  });
});
