// What a page of the built web app costs to load: the JS and CSS files the browser fetches before
// a route can paint (the entry with everything it imports statically, and the route's lazy page
// chunk with its static imports), read from Vite's manifest, and their size as sent (brotli,
// gzip and raw). Used by the size-budget test (tests/e2e/web-weight.test.ts) and the page-load
// benchmark (bench/page-load.ts).
//
//   npx tsx scripts/web-weight.ts [dist/web]   prints the weight of the login and home routes
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

type ManifestChunk = {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
};
export type Manifest = Record<string, ManifestChunk>;

export function readManifest(webDir: string): Manifest {
  return JSON.parse(fs.readFileSync(path.join(webDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
}

/**
 * The files (relative to the web root) a route needs before it paints: the entry chunk, the lazy
 * modules it renders (manifest keys such as 'pages/login-page.tsx', and the signed-in shell for a
 * page inside it), every chunk these import statically, and their CSS. Other dynamic imports are
 * left out: they load later, when something asks for them.
 */
export function routeFiles(manifest: Manifest, lazyModules: readonly string[] = []): string[] {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the Vite manifest`);
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry);
  if (!entry) throw new Error('the Vite manifest has no entry');
  visit(entry);
  for (const key of lazyModules) visit(key);
  return [...files].filter((f) => f.endsWith('.js') || f.endsWith('.css')).sort();
}

export type Weight = { files: number; raw: number; gzip: number; brotli: number };

/**
 * Bytes of the files as served: the pre-compressed .br/.gz beside each file (what the server
 * sends), or the file compressed here when the build did not write them.
 */
export function weigh(webDir: string, files: string[]): Weight {
  const total: Weight = { files: files.length, raw: 0, gzip: 0, brotli: 0 };
  for (const file of files) {
    const full = path.join(webDir, file);
    const body = fs.readFileSync(full);
    const sized = (ext: string, compress: (b: Buffer) => Buffer) =>
      fs.existsSync(full + ext) ? fs.statSync(full + ext).size : compress(body).length;
    total.raw += body.length;
    total.gzip += sized('.gz', (b) => zlib.gzipSync(b, { level: 9 }));
    total.brotli += sized('.br', (b) => zlib.brotliCompressSync(b));
  }
  return total;
}

/** The routes the budget and the benchmark look at, with the lazy modules each renders. */
export const weighedRoutes = {
  login: ['pages/login-page.tsx'],
  home: ['features/layout/app-shell.tsx', 'pages/home-page.tsx'],
} as const;

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const webDir = path.resolve(process.argv[2] ?? 'dist/web');
  const manifest = readManifest(webDir);
  for (const [name, modules] of Object.entries(weighedRoutes)) {
    const w = weigh(webDir, routeFiles(manifest, modules));
    console.log(`${name}: ${w.files} files, ${kb(w.raw)} raw, ${kb(w.gzip)} gzip, ${kb(w.brotli)} brotli`);
  }
}
