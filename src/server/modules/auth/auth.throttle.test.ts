import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, TEST_PASSWORD, type TestApp } from '../../../../tests/support/test-app';
import { auditEvents } from '../../db/schema';
import { waitSeconds } from './auth.throttle';

// Behind one proxy (TRUST_PROXY=1): every request comes from the proxy's socket address and names
// the client in X-Forwarded-For, so tests can play many clients.
const PROXY = '10.0.0.2';
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({
    TRUST_PROXY: '1',
    LOGIN_FAILURES_PER_ADDRESS: '3',
    LOGIN_FAILURES_PER_ACCOUNT: '5',
  });
});
afterAll(async () => {
  await t?.close();
});

function signIn(email: string, password: string, forwardedFor: string, payload?: object) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress: PROXY,
    headers: { 'x-forwarded-for': forwardedFor },
    payload: payload ?? { email, password },
  });
}

type Reply = Awaited<ReturnType<typeof signIn>>;
/**
 * What a client can compare between two answers: the request id differs by design, and the
 * seconds to wait only by how long the previous request took.
 */
function answer(res: Reply) {
  const { requestId: _, ...error } = res.json().error;
  const wait = res.headers['retry-after'];
  expect(error.details?.retryAfterSeconds).toBe(wait === undefined ? undefined : Number(wait));
  if (wait !== undefined) expect(Number(wait)).toBeGreaterThanOrEqual(25);
  return { status: res.statusCode, waits: wait !== undefined, code: error.code, message: error.message };
}

async function auditOf(res: Reply) {
  const requestId = String(res.headers['x-request-id']);
  return t.database.db.select().from(auditEvents).where(eq(auditEvents.requestId, requestId));
}

describe('sign-in throttling', () => {
  it('waits 30 s after the limit, doubling up to the maximum', () => {
    expect([2, 3, 4, 5, 9, 40].map((n) => waitSeconds(n, 3, 15))).toEqual([0, 30, 60, 120, 900, 900]);
  });

  it('answers unknown emails exactly like known ones, throttling included', async () => {
    const u = await createUser(t.database);
    const runs: Record<string, ReturnType<typeof answer>[]> = {};
    for (const [email, client] of [
      [u.email, '198.51.100.1'],
      ['nobody-here@example.test', '198.51.100.2'],
    ] as const) {
      const seen = [];
      for (let i = 0; i < 4; i++) seen.push(answer(await signIn(email, 'wrong-password', client)));
      runs[email] = seen;
    }
    const known = runs[u.email]!;
    expect(known.map((a) => a.status)).toEqual([401, 401, 401, 429]);
    expect(known[3]).toMatchObject({ code: 'RATE_LIMITED', waits: true });
    expect(runs['nobody-here@example.test']).toEqual(known);
    // While it waits, even the right password is not checked from that address.
    expect((await signIn(u.email, TEST_PASSWORD, '198.51.100.1')).statusCode).toBe(429);
  });

  it('lets the owner sign in from their usual address while an attacker elsewhere is throttled', async () => {
    const victim = await createUser(t.database);
    const home = '192.0.2.10';
    expect((await signIn(victim.email, TEST_PASSWORD, home)).statusCode).toBe(200);

    const attacker = '203.0.113.50';
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await signIn(victim.email, 'guess-1234', attacker)).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const fourth = await signIn(victim.email, 'guess-1234', '203.0.113.51');
    const events = await auditOf(fourth);
    expect(events.map((e) => e.action)).toEqual(['auth.login_failed']);
    expect((await signIn(victim.email, TEST_PASSWORD, home)).statusCode).toBe(200);

    // A fifth failure from addresses the account never signed in from reaches the account-wide
    // limit: new addresses wait, the owner's usual address does not.
    const fifth = await signIn(victim.email, 'guess-1234', '203.0.113.52');
    expect(fifth.statusCode).toBe(401);
    const started = (await auditOf(fifth)).find((e) => e.action === 'auth.login_throttled');
    expect(started?.summary).toMatchObject({ scope: 'account', failures: 5, retryAfterSeconds: 30 });
    expect((await signIn(victim.email, TEST_PASSWORD, '203.0.113.53')).statusCode).toBe(429);
    expect((await signIn(victim.email, TEST_PASSWORD, home)).statusCode).toBe(200);
  });

  it('records the start of a wait in the audit log', async () => {
    const u = await createUser(t.database);
    let last: Reply | undefined;
    for (let i = 0; i < 3; i++) last = await signIn(u.email, 'wrong-password', '198.51.100.30');
    const events = await auditOf(last!);
    expect(events.map((e) => e.action).sort()).toEqual(['auth.login_failed', 'auth.login_throttled']);
    const throttled = events.find((e) => e.action === 'auth.login_throttled')!;
    expect(throttled.summary).toEqual({
      email: u.email,
      scope: 'address',
      failures: 3,
      retryAfterSeconds: 30,
    });
    expect(throttled.entityId).toBe(u.id);
    expect(throttled.ip).toBe('198.51.100.30');
  });
});

describe('TRUST_PROXY=1 and a forged X-Forwarded-For', () => {
  it('sees the hop nearest the proxy as the client and keeps the forged value out of the audit log', async () => {
    const u = await createUser(t.database);
    const res = await signIn(u.email, 'wrong-password', '6.6.6.6, 203.0.113.77');
    expect(res.statusCode).toBe(401);
    const [event] = await auditOf(res);
    expect(event?.action).toBe('auth.login_failed');
    expect(event?.ip).toBe('203.0.113.77');
    const forged = await t.database.db
      .select({ seq: auditEvents.seq })
      .from(auditEvents)
      .where(and(eq(auditEvents.ip, '6.6.6.6')));
    expect(forged).toEqual([]);
  });

  it('cannot dodge the sign-in throttle by changing the forged part', async () => {
    const u = await createUser(t.database);
    const statuses = [];
    for (let i = 1; i <= 4; i++) {
      statuses.push((await signIn(u.email, 'wrong-password', `6.6.6.${i}, 203.0.113.88`)).statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it('cannot dodge the per-address rate limit of the sign-in route either', async () => {
    // Malformed bodies are refused before any password work but still count against the route's
    // limit (20 a minute per client address).
    const statuses = [];
    for (let i = 1; i <= 21; i++) {
      const res = await signIn('', '', `7.7.7.${i}, 203.0.113.99`, {});
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 20).every((s) => s === 400)).toBe(true);
    expect(statuses[20]).toBe(429);
  });
});
