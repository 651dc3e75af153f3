import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { buildApp } from '../../src/server/app';
import { appVersion } from '../../src/server/bootstrap';
import { type Config, loadConfig } from '../../src/server/config';
import type { DbHandle } from '../../src/server/db/client';
import { memberships, mentorships, orgs, users } from '../../src/server/db/schema';
import { loadSampleData } from '../../src/server/db/seed/sample';
import { ensureFollowupFacts } from '../../src/server/modules/followup/followup.facts';
import { hashPassword } from '../../src/server/platform/crypto';
import type { App } from '../../src/server/platform/http-types';
import { createMailer } from '../../src/server/platform/mail';
import type { Role } from '../../src/shared/contracts/common';
import { openTestDatabase } from './test-db';

export const TEST_PASSWORD = 'correct-horse-battery';

export type TestApp = {
  app: App;
  database: DbHandle;
  config: Config;
  close: () => Promise<void>;
};

export async function createTestApp(
  env: Record<string, string> = {},
  opts: { sample?: boolean; webDir?: string } = {},
) {
  const database = await openTestDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-test-data-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: '100000',
    PUBLIC_RATE_LIMIT_PER_MINUTE: '100000',
    LIVING_LAB_SAMPLE_DATA: opts.sample ? '1' : '0',
    PUBLIC_URL: 'http://localhost:3000',
    DATA_DIR: dataDir,
    ...env,
  });
  if (opts.sample) {
    await loadSampleData(database.db);
    await ensureFollowupFacts(database.db);
  }
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom });
  const app = await buildApp(
    { config, database, mailer, version: appVersion },
    { logger: false, webDir: opts.webDir },
  );
  await app.ready();
  return {
    app,
    database,
    config,
    close: async () => {
      await app.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  } satisfies TestApp;
}

let passwordHash: Promise<string> | undefined;
let counter = 0;

/** Creates a user with one membership (or none) and returns its credentials. */
export async function createUser(
  database: DbHandle,
  opts: { role?: Role; orgCode?: string; email?: string; name?: string; isActive?: boolean } = {},
) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  counter += 1;
  const email = opts.email ?? `user${counter}.${Date.now()}@example.test`;
  const [user] = await database.db
    .insert(users)
    .values({
      email,
      name: opts.name ?? `Test User ${counter}`,
      passwordHash: await passwordHash,
      isActive: opts.isActive ?? true,
    })
    .returning();
  if (opts.role && opts.orgCode) {
    const [org] = await database.db.select().from(orgs).where(eq(orgs.code, opts.orgCode));
    if (!org) throw new Error(`no org ${opts.orgCode}`);
    await database.db.insert(memberships).values({ userId: user!.id, orgId: org.id, role: opts.role });
  }
  return { id: user!.id, email, password: TEST_PASSWORD };
}

export async function setHost(database: DbHandle, code: string, mentees: string[] = []) {
  const [host] = await database.db.update(orgs).set({ isHost: true }).where(eq(orgs.code, code)).returning();
  for (const m of mentees) {
    const [mentee] = await database.db.select().from(orgs).where(eq(orgs.code, m));
    await database.db.insert(mentorships).values({ hostOrgId: host!.id, menteeOrgId: mentee!.id });
  }
}

export type Session = { cookie: string; csrf: string; headers: Record<string, string> };

/** Logs in through the API and returns headers for authenticated writes. */
export async function login(app: App, email: string, password = TEST_PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login failed for ${email}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const csrf = res.json().data.csrfToken as string;
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}

/** A new user with one role in one body, signed in. */
export async function loginAs(t: TestApp, role: Role, orgCode: string): Promise<Session> {
  return login(t.app, (await createUser(t.database, { role, orgCode })).email);
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** `api(method, '/orgs/32.05', session, body)`: a JSON request under /api/v1 as that session. */
export function apiFor(t: () => TestApp) {
  return (method: Method, url: string, who?: Session, payload?: unknown) =>
    t().app.inject({ method, url: `/api/v1${url}`, headers: who?.headers ?? {}, payload: payload as object });
}

/** Who signs in for a test file: name → [role, body code]. */
export type People = Record<string, readonly [Role, string]>;
export type Sessions<P extends People> = Record<keyof P, Session>;

/**
 * The usual start of a module test: an app, `host` marked as a host body mentoring `mentees`
 * (and any further `hosts`), and one new user per entry of `people` signed in, in the order
 * listed; `ids` gives each person's user id.
 */
export async function openTestApp<P extends People>(opts: {
  host?: string;
  mentees?: string[];
  hosts?: string[];
  people: P;
}) {
  const t = await createTestApp();
  if (opts.host) await setHost(t.database, opts.host, opts.mentees);
  for (const code of opts.hosts ?? []) await setHost(t.database, code);
  const s = {} as Sessions<P>;
  const ids = {} as Record<keyof P, string>;
  for (const [who, [role, orgCode]] of Object.entries(opts.people)) {
    const u = await createUser(t.database, { role, orgCode });
    ids[who as keyof P] = u.id;
    s[who as keyof P] = await login(t.app, u.email);
  }
  return { t, s, ids };
}
