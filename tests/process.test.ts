import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// These run the real entry points (`npm start`'s server, the admin and audit scripts) as
// separate processes against a fresh embedded database, the way an operator would.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-proc-'));
const tsx = path.resolve('node_modules/.bin/tsx');
const baseEnv: NodeJS.ProcessEnv = {
  ...process.env,
  DATA_DIR: dataDir,
  LOG_LEVEL: 'info',
  NODE_ENV: 'production',
};
delete baseEnv.DATABASE_URL;

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

function waitForExit(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

describe('the server process', { timeout: 120_000 }, () => {
  it('refuses to start with a bad configuration and names the variable', () => {
    const res = spawnSync(tsx, ['src/server/main.ts'], {
      env: { ...baseEnv, PORT: 'not-a-port', SMTP_URL: 'http://wrong' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(res.status).toBe(78);
    expect(res.stderr).toContain('PORT');
    expect(res.stderr).toContain('SMTP_URL');
  });

  it('serves, then on SIGTERM finishes the in-flight request and exits cleanly', async () => {
    const port = await freePort();
    const child = spawn(tsx, ['src/server/main.ts'], { env: { ...baseEnv, PORT: String(port) } });
    let log = '';
    child.stdout?.on('data', (d) => {
      log += d;
    });
    child.stderr?.on('data', (d) => {
      log += d;
    });
    const exited = waitForExit(child);
    const base = `http://127.0.0.1:${port}`;
    await expect
      .poll(async () => (await fetch(`${base}/api/health`).catch(() => null))?.status, {
        timeout: 60_000,
        interval: 250,
      })
      .toBe(200);
    // The banner is logged just after listen(), so it may reach the pipe after health answers.
    await expect.poll(() => log, { timeout: 10_000 }).toContain('SAMPLE DATA');
    // A login takes an argon2 verification (~100 ms): signal while it is in flight.
    const inFlight = fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@livinglab.test', password: 'livinglab-sample' }),
    });
    await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGTERM');
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(await exited, log.slice(-1500)).toBe(0);
    expect(log).toContain('shutting down');
  });

  it('creates a platform admin from the command line and keeps the audit chain intact', async () => {
    const create = spawnSync(
      tsx,
      ['scripts/admin-create.ts', '--email', 'Kepala.Sekretariat@Example.go.id', '--password-stdin'],
      { env: baseEnv, input: 'a-strong-admin-password\n', encoding: 'utf8', timeout: 60_000 },
    );
    expect(create.stderr).toBe('');
    expect(create.stdout).toContain('Created platform admin kepala.sekretariat@example.go.id');

    const generated = spawnSync(tsx, ['scripts/admin-create.ts', '--email', 'second@example.go.id'], {
      env: baseEnv,
      input: '',
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(generated.stdout).toMatch(/Generated password \(shown once\): \S{20,}/);

    const bad = spawnSync(tsx, ['scripts/admin-create.ts', '--email', 'not-an-email'], {
      env: baseEnv,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(bad.status).toBe(2);

    const verify = spawnSync(tsx, ['scripts/audit-verify.ts'], {
      env: baseEnv,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(verify.status).toBe(0);
    expect(verify.stdout).toMatch(/Audit chain intact: \d+ events verified/);
  });
});
