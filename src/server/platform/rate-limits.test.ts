import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, type TestApp } from '../../../tests/support/test-app';

// Request limits: static files never; the API per verified session (signed in) or per address
// (anonymous); the open data on a budget of its own. The limits are set to the minimum (10 a
// minute) so that a few requests reach them.

const LIMIT = 10;
let t: TestApp;
let webDir: string;

beforeAll(async () => {
  webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-web-'));
  fs.mkdirSync(path.join(webDir, 'assets'));
  fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><div id="root"></div>');
  fs.writeFileSync(path.join(webDir, 'assets', 'app-abc123.js'), 'console.log(1)');
  fs.writeFileSync(path.join(webDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  t = await createTestApp(
    { RATE_LIMIT_PER_MINUTE: String(LIMIT), PUBLIC_RATE_LIMIT_PER_MINUTE: String(LIMIT), TRUST_PROXY: '1' },
    { webDir },
  );
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(webDir, { recursive: true, force: true });
});

// Each test speaks from its own address so that the budgets of one test do not spill into the next.
const from =
  (remoteAddress: string) =>
  (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers, remoteAddress });

describe('request limits', () => {
  it('never limits the web build: assets, the page shell and client routes', async () => {
    const get = from('198.51.100.10');
    const urls = [
      '/assets/app-abc123.js',
      '/',
      '/favicon.svg',
      '/orgs/32.05',
      '/public/bodies/32.11',
      '/api/docs',
    ];
    const refused: string[] = [];
    for (let i = 0; i < 8 * LIMIT; i++) {
      const url = urls[i % urls.length]!;
      const res = await get(url);
      if (res.statusCode >= 400) refused.push(`${url} ${res.statusCode}`);
    }
    expect(refused).toEqual([]);
    // The API from the same address is still limited (the limit is on, just not for files).
    const api = [];
    for (let i = 0; i <= LIMIT; i++) api.push((await get('/api/v1/meta')).statusCode);
    expect(api.slice(0, LIMIT).every((s) => s === 200)).toBe(true);
    expect(api[LIMIT]).toBe(429);
    expect((await get('/assets/app-abc123.js')).statusCode).toBe(200);
  });

  it('gives each signed-in session its own budget, whatever address it shares', async () => {
    const address = '198.51.100.20';
    const get = from(address);
    const session = async () => {
      const u = await createUser(t.database, { role: 'operator', orgCode: '32.05' });
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: u.email, password: 'correct-horse-battery' },
        remoteAddress: address,
      });
      expect(res.statusCode).toBe(200);
      return { cookie: res.cookies.map((c) => `${c.name}=${c.value}`).join('; ') };
    };
    const a = await session();
    const b = await session();
    for (let i = 0; i < LIMIT; i++) expect((await get('/api/v1/me', a)).statusCode).toBe(200);
    const refused = await get('/api/v1/me', a);
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.json().error).toMatchObject({
      code: 'RATE_LIMITED',
      details: { retryAfterSeconds: Number(refused.headers['retry-after']) },
    });
    // A colleague behind the same office address is not affected, nor is an anonymous visitor.
    expect((await get('/api/v1/me', b)).statusCode).toBe(200);
    expect((await get('/api/v1/meta')).statusCode).toBe(200);
  });

  it('keys anonymous callers by address, and a made-up session cookie buys no fresh budget', async () => {
    const get = from('198.51.100.30');
    for (let i = 0; i < LIMIT; i++) expect((await get('/api/v1/meta')).statusCode).toBe(200);
    expect((await get('/api/v1/meta')).statusCode).toBe(429);
    expect((await get('/api/v1/meta', { cookie: 'll_session=made-up-token' })).statusCode).toBe(429);
    // Another address has its own budget.
    expect((await from('198.51.100.31')('/api/v1/meta')).statusCode).toBe(200);
  });

  it('limits the open data on its own budget, apart from the API', async () => {
    const get = from('198.51.100.40');
    const urls = ['/api/v1/public/summary', '/api/v1/public/provinces.csv', '/api/v1/public/bodies'];
    for (let i = 0; i < LIMIT; i++) expect((await get(urls[i % urls.length]!)).statusCode).toBe(200);
    const refused = await get('/api/v1/public/bodies/32.05');
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // The API's budget of that address is untouched …
    for (let i = 0; i < LIMIT; i++) expect((await get('/api/v1/meta')).statusCode).toBe(200);
    expect((await get('/api/v1/meta')).statusCode).toBe(429);
    // … and spending it leaves another address's open data untouched.
    expect((await from('198.51.100.41')('/api/v1/public/summary')).statusCode).toBe(200);
  });

  it('counts the client address the trusted proxy reports, and ignores what a client writes before it', async () => {
    // TRUST_PROXY=1: the socket peer is the proxy; the last X-Forwarded-For entry is the client.
    const proxy = from('10.0.0.5');
    for (let i = 0; i < LIMIT; i++)
      expect((await proxy('/api/v1/meta', { 'x-forwarded-for': '203.0.113.7' })).statusCode).toBe(200);
    expect((await proxy('/api/v1/meta', { 'x-forwarded-for': '203.0.113.7' })).statusCode).toBe(429);
    // A forged left-hand entry does not make the same client someone else.
    expect((await proxy('/api/v1/meta', { 'x-forwarded-for': '1.2.3.4, 203.0.113.7' })).statusCode).toBe(429);
    // Another client behind the same proxy has its own budget.
    expect((await proxy('/api/v1/meta', { 'x-forwarded-for': '203.0.113.8' })).statusCode).toBe(200);
  });
});
