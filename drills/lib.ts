// Shared pieces of the reliability drills (drills/*.drill.ts, run by drills/run.ts).
// A drill is a script: it starts real server processes on a real database, does harm to them
// (malformed input, kill -9, dropped connections, a second instance) and checks what survives.
// It reports with figure() and check(), and ends with finish(), whose exit code is the verdict.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort, type Proc, startNode, waitFor200 } from '../bench/lib';

export const root = path.resolve(import.meta.dirname, '..');
export const serverArgs = ['--import', 'tsx', path.join(root, 'src/server/main.ts')];
export const pgAdminUrl = process.env.DRILL_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const failures: string[] = [];
let checks = 0;

/** A measured figure: printed as "figure: label = value" and collected into docs/RELIABILITY.md. */
export function figure(label: string, value: string | number) {
  console.log(`figure: ${label} = ${value}`);
}

/** A condition the drill requires; every failed check fails the drill, all are reported. */
export function check(ok: boolean, message: string) {
  checks += 1;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${message}`);
  if (!ok) failures.push(message);
}

/** Ends the drill: exit code 0 when every check held. */
export function finish(): never {
  console.log(`checks: ${checks - failures.length} held, ${failures.length} failed`);
  process.exit(failures.length === 0 && checks > 0 ? 0 : 1);
}

/** A fresh, empty PostgreSQL database for this drill, dropped by drop(). */
export async function freshPgDatabase(
  prefix = 'll_drill',
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgAdminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(pgAdminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const a = new pg.Client({ connectionString: pgAdminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

/** A fresh data directory (PGlite database, files), removed by the returned function. */
export function freshDataDir(): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-drill-'));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export type AppProcess = Proc & { base: string; kill9: () => Promise<void> };

/**
 * Starts the product (src/server/main.ts) in its own process with sample data, jobs off unless
 * asked for, and a rate limit high enough for load; resolves once /api/health answers 200.
 */
export async function startApp(env: Record<string, string>): Promise<AppProcess> {
  const port = await freePort();
  const proc = startNode(
    serverArgs,
    {
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      RATE_LIMIT_PER_MINUTE: '100000000',
      PUBLIC_RATE_LIMIT_PER_MINUTE: '100000000',
      LIVING_LAB_SAMPLE_DATA: '1',
      JOBS_ENABLED: '0',
      ...env,
    },
    port,
  );
  const base = `http://127.0.0.1:${port}`;
  await waitFor200(`${base}/api/health`);
  return {
    ...proc,
    base,
    kill9: () =>
      new Promise((resolve) => {
        if (proc.child.exitCode !== null || proc.child.signalCode !== null) return resolve();
        proc.child.once('exit', () => resolve());
        proc.child.kill('SIGKILL');
      }),
  };
}

/** True while the process has neither exited nor been killed. */
export function alive(app: Proc): boolean {
  return app.child.exitCode === null && app.child.signalCode === null;
}

export type Session = { cookie: string; csrf: string };

/** Signs in a sample account (password livinglab-sample) and returns its cookie and CSRF token. */
export async function signIn(base: string, email: string): Promise<Session> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'livinglab-sample' }),
  });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status}`);
  const body = (await res.json()) as { data: { csrfToken: string } };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, csrf: body.data.csrfToken };
}

/** A JSON API call with the session's cookie and CSRF token. */
export async function api(
  base: string,
  session: Session | null,
  method: string,
  url: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  const headers: Record<string, string> = {};
  if (session) {
    headers.cookie = session.cookie;
    headers['x-csrf-token'] = session.csrf;
  }
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}${url}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.status, json };
}
