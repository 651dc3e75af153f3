import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/support/test-app';

// The web app's shell: every client route, the home page "/" included, answers the HTML page.
let t: TestApp;
const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-web-'));

beforeAll(async () => {
  fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Living Lab SPBE</title>');
  fs.mkdirSync(path.join(webDir, 'assets'));
  fs.writeFileSync(path.join(webDir, 'assets', 'app-1234.js'), 'console.log(1)');
  // As the build writes them (scripts/vite-precompress.ts): each encoding beside the file.
  const script = `export const text = '${'Living Lab SPBE '.repeat(200)}';`;
  fs.writeFileSync(path.join(webDir, 'assets', 'page-5678.js'), script);
  fs.writeFileSync(path.join(webDir, 'assets', 'page-5678.js.br'), zlib.brotliCompressSync(script));
  fs.writeFileSync(path.join(webDir, 'assets', 'page-5678.js.gz'), zlib.gzipSync(script));
  fs.writeFileSync(path.join(webDir, 'assets', 'style-9abc.css'), 'body{margin:0}');
  fs.writeFileSync(path.join(webDir, 'assets', 'style-9abc.css.gz'), zlib.gzipSync('body{margin:0}'));
  t = await createTestApp({}, { webDir });
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(webDir, { recursive: true, force: true });
});

describe('the web shell', () => {
  it.each(['/', '/?from=bookmark', '/funnel', '/practices/abc'])('serves the page at %s', async (url) => {
    const res = await t.app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toContain('Living Lab SPBE');
  });

  it('serves hashed assets for a year and answers an unknown asset 404', async () => {
    const js = await t.app.inject({ method: 'GET', url: '/assets/app-1234.js' });
    expect(js.statusCode).toBe(200);
    expect(js.headers['cache-control']).toContain('immutable');
    expect((await t.app.inject({ method: 'GET', url: '/assets/missing.js' })).statusCode).toBe(404);
  });

  describe('pre-compressed assets', () => {
    const get = (url: string, acceptEncoding?: string) =>
      t.app.inject({
        method: 'GET',
        url,
        headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding },
      });
    const script = `export const text = '${'Living Lab SPBE '.repeat(200)}';`;

    it('sends brotli to a browser that accepts it, as a year-long immutable script', async () => {
      const res = await get('/assets/page-5678.js', 'gzip, deflate, br, zstd');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding']).toBe('br');
      expect(res.headers['content-type']).toMatch(/^text\/javascript|^application\/javascript/);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      expect(zlib.brotliDecompressSync(res.rawPayload).toString()).toBe(script);
      expect(res.rawPayload.length).toBeLessThan(script.length / 4);
      // A script is not a document: no page policy on it, but never sniffed as another type.
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toBeUndefined();
    });

    it('sends gzip when brotli is not accepted, and the file itself when no encoding is', async () => {
      const gz = await get('/assets/page-5678.js', 'gzip');
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(script);
      expect(gz.headers['cache-control']).toContain('immutable');
      for (const accept of [undefined, 'identity', '']) {
        const plain = await get('/assets/page-5678.js', accept);
        expect(plain.statusCode).toBe(200);
        expect(plain.headers['content-encoding']).toBeUndefined();
        expect(plain.body).toBe(script);
        expect(plain.headers['cache-control']).toContain('immutable');
        expect(plain.headers.vary).toMatch(/accept-encoding/i);
      }
    });

    it('falls back to an encoding that exists, or to the file, when the preferred one is missing', async () => {
      const css = await get('/assets/style-9abc.css', 'br, gzip');
      expect(css.headers['content-encoding']).toBe('gzip');
      expect(css.headers['content-type']).toContain('text/css');
      expect(zlib.gunzipSync(css.rawPayload).toString()).toBe('body{margin:0}');
      const small = await get('/assets/app-1234.js', 'br, gzip');
      expect(small.headers['content-encoding']).toBeUndefined();
      expect(small.body).toBe('console.log(1)');
      expect((await get('/assets/missing.js', 'br, gzip')).statusCode).toBe(404);
    });

    it('keeps the page itself uncached, whatever the encoding', async () => {
      fs.writeFileSync(
        path.join(webDir, 'index.html.br'),
        zlib.brotliCompressSync('<!doctype html><title>Living Lab SPBE</title>'),
      );
      try {
        for (const url of ['/', '/orgs/32.05']) {
          const res = await get(url, 'br');
          expect(res.statusCode).toBe(200);
          expect(res.headers['content-encoding']).toBe('br');
          expect(res.headers['content-type']).toContain('text/html');
          expect(res.headers['cache-control']).toBe('no-cache');
          expect(res.headers.vary).toMatch(/accept-encoding/i);
          expect(res.headers['content-security-policy']).toContain("script-src 'self'");
          expect(zlib.brotliDecompressSync(res.rawPayload).toString()).toContain('Living Lab SPBE');
        }
      } finally {
        fs.rmSync(path.join(webDir, 'index.html.br'));
      }
    });
  });

  it('keeps unknown API paths as JSON 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('ROUTE_NOT_FOUND');
  });
});
