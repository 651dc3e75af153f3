import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readManifest, routeFiles, weigh, weighedRoutes } from '../../scripts/web-weight';

// The size budget of the built web app (dist/web, rebuilt by this project's global setup when its
// sources changed). On a slow connection (400 kbit/s) every 50 KB is another second before the
// login page shows: its scripts and styles as sent must stay within 150 KB. The timings
// themselves are measured by `npm run bench -- page-load` (docs/BENCHMARKS.md).
const webDir = path.resolve(import.meta.dirname, '../../dist/web');
const manifest = readManifest(webDir);
const KB = 1024;

describe('the web build', () => {
  it('keeps the login page’s JS and CSS within 150 KB compressed', () => {
    const files = routeFiles(manifest, weighedRoutes.login);
    const weight = weigh(webDir, files);
    expect(files.some((f) => f.endsWith('.css'))).toBe(true);
    expect(files.some((f) => /login-page-[\w-]+\.js$/.test(f))).toBe(true);
    expect(weight.brotli, `login: ${files.join(', ')}`).toBeLessThanOrEqual(150 * KB);
    // Gzip is what a browser gets over plain HTTP or from a proxy that strips brotli.
    expect(weight.gzip).toBeLessThanOrEqual(180 * KB);
  });

  it('does not make the login page load the signed-in shell, the charts or the English texts', () => {
    const files = routeFiles(manifest, weighedRoutes.login).join(' ');
    expect(files).not.toMatch(/app-shell|echart|messages\.en|overlays/);
  });

  it('writes a brotli and a gzip copy of every script, style and page, each smaller than the file', () => {
    const assets = fs
      .readdirSync(path.join(webDir, 'assets'))
      .filter((f) => /\.(js|css)$/.test(f))
      .map((f) => path.join(webDir, 'assets', f));
    for (const file of [path.join(webDir, 'index.html'), ...assets]) {
      const body = fs.readFileSync(file);
      if (body.length < 512) continue;
      const br = fs.readFileSync(`${file}.br`);
      const gz = fs.readFileSync(`${file}.gz`);
      expect(br.length, file).toBeLessThan(body.length);
      expect(zlib.brotliDecompressSync(br).equals(body), file).toBe(true);
      expect(zlib.gunzipSync(gz).equals(body), file).toBe(true);
    }
  });
});
