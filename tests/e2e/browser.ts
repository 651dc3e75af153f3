import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { createServer } from '../../src/server/bootstrap';
import { loadConfig } from '../../src/server/config';

/** Debian's Chromium (browsers cannot be downloaded here), or CHROMIUM_PATH. */
export function chromiumPath(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p): p is string => Boolean(p && fs.existsSync(p))) ?? null;
}

export const browserAvailable = chromiumPath() !== null;
if (!browserAvailable) {
  if (process.env.CI)
    throw new Error('Chromium is required in CI (apt-get install chromium, or set CHROMIUM_PATH)');
  console.warn(
    '\n⚠ SKIPPING browser tests: Chromium not found (install Debian chromium or set CHROMIUM_PATH)\n',
  );
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath()!,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A real server on a random port with a fresh embedded database in sample mode. */
export async function startSampleServer() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-e2e-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    LIVING_LAB_SAMPLE_DATA: '1',
    RATE_LIMIT_PER_MINUTE: '100000',
    PUBLIC_RATE_LIMIT_PER_MINUTE: '100000',
  });
  const app = await createServer(config, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: async () => {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The password of every sample account. */
export const SAMPLE_PASSWORD = 'livinglab-sample';

/**
 * The sample server and Chromium of one journey's describe block: started before its tests,
 * closed after. `newContext()` opens a fresh browser context on the server; `pageAs(email)` a
 * page signed in as that sample account through the API (null: signed out).
 */
export function useSampleBrowser() {
  let server: Awaited<ReturnType<typeof startSampleServer>> | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startSampleServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const newContext = () => browser!.newContext({ baseURL: server!.baseUrl });
  async function pageAs(email: string | null): Promise<Page> {
    const page = await (await newContext()).newPage();
    if (email) {
      const res = await page.request.post('/api/v1/auth/login', {
        data: { email, password: SAMPLE_PASSWORD },
      });
      expect(res.status()).toBe(200);
    }
    return page;
  }
  return { newContext, pageAs };
}
