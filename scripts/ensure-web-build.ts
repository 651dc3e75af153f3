// `npm start` on a fresh clone must show the web app: build it when dist/web is missing or older
// than its sources (a ~2 s Vite build), otherwise start at once.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'vite';

const root = path.resolve(import.meta.dirname, '..');
const index = path.join(root, 'dist', 'web', 'index.html');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

const sources = Math.max(
  newestMtime(path.join(root, 'src', 'web')),
  newestMtime(path.join(root, 'src', 'shared')),
  fs.statSync(path.join(root, 'package.json')).mtimeMs,
);
if (!fs.existsSync(index) || fs.statSync(index).mtimeMs < sources) {
  console.log('Building the web app (dist/web)…');
  // Vite builds React's development bundle (three times the size) for any NODE_ENV but
  // production, and the test runner sets NODE_ENV=test: the journeys must load what users get.
  process.env.NODE_ENV = 'production';
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}
