import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_PASSWORD } from '../src/server/db/seed/sample-accounts';
import { assessmentEntries } from './permission-matrix/assessment.entries';
import { accounts, ctx, type Entry, type Who } from './permission-matrix/context';
import { eventEntries } from './permission-matrix/events.entries';
import { followupEntries } from './permission-matrix/followup.entries';
import { foundationEntries } from './permission-matrix/foundation.entries';
import { homeEntries } from './permission-matrix/home.entries';
import { planEntries } from './permission-matrix/plans.entries';
import { practiceEntries } from './permission-matrix/practices.entries';
import { publicEntries } from './permission-matrix/public.entries';
import { questionEntries } from './permission-matrix/questions.entries';
import { supervisionEntries } from './permission-matrix/supervision.entries';
import { createTestApp, login } from './support/test-app';

// Every API route the app registers must appear here with the status each kind of actor gets.
// A new route without an entry fails the first test: authorization is never left implicit.
// The entries live in tests/permission-matrix/, one file per area.
const matrix: Record<string, Entry> = {
  ...foundationEntries,
  ...assessmentEntries,
  ...followupEntries,
  ...planEntries,
  ...practiceEntries,
  ...publicEntries,
  ...homeEntries,
  ...supervisionEntries,
  ...eventEntries,
  ...questionEntries,
};

beforeAll(async () => {
  ctx.t = await createTestApp({}, { sample: true });
  for (const [who, email] of Object.entries(accounts)) {
    ctx.sessions[who as Exclude<Who, 'anon'>] = await login(ctx.t.app, email, SAMPLE_PASSWORD);
  }
});
afterAll(() => ctx.t?.close());

describe('permission matrix', () => {
  it('has an entry for every registered API route, and no stale entries', () => {
    const registered = ctx.t.app.routeCatalogue.map((r) => `${r.method} ${r.url}`).sort();
    expect(registered.filter((k) => !matrix[k])).toEqual([]);
    expect(Object.keys(matrix).filter((k) => !registered.includes(k))).toEqual([]);
    for (const r of ctx.t.app.routeCatalogue)
      expect(`${r.url}: ${r.access}`).toBe(`${r.url}: ${matrix[`${r.method} ${r.url}`]!.access}`);
  });

  for (const [key, entry] of Object.entries(matrix)) {
    const method = key.split(' ')[0] as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    it(`${key}`, async () => {
      if (entry.access === 'user') {
        const { url, payload, headers } = await entry.req();
        const res = await ctx.t.app.inject({ method, url, payload: payload as object, headers });
        expect(res.statusCode, `${key} without a session`).toBe(401);
      }
      for (const c of entry.cases) {
        const { url, payload, headers: extra } = await (c.req ?? entry.req)();
        const headers = { ...(c.who === 'anon' ? {} : ctx.sessions[c.who].headers), ...extra };
        const res = await ctx.t.app.inject({ method, url, payload: payload as object, headers });
        expect(res.statusCode, `${key} as ${c.who} → ${url}: ${res.body.slice(0, 200)}`).toBe(c.status);
      }
    });
  }
});
