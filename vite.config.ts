import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './scripts/vite-precompress.js';

export default defineConfig({
  root: 'src/web',
  plugins: [react(), precompress()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    // The list of files each chunk needs (dist/web/.vite/manifest.json): the size budget
    // (tests/e2e/web-weight.test.ts) and the page-load benchmark read it. Not served.
    manifest: true,
    chunkSizeWarningLimit: 900,
    // Fewer, larger files. Over HTTP/1.1 a browser opens six connections to a host, so on a slow
    // network (400 ms round trips) every six more files cost another round trip: before this a
    // signed-in page needed 20 to 50 files, many of them a few hundred bytes (docs/BENCHMARKS.md).
    // All that the first screen needs is one chunk; small chunks shared by a few pages are copied
    // into each of them (rolldown's inlining of common chunks, experimental in Vite 8: the browser
    // journeys in tests/e2e exercise every page kind), so a page is its chunk and a few shared ones.
    rolldownOptions: {
      preserveEntrySignatures: false,
      output: {
        codeSplitting: {
          groups: [{ name: 'app', tags: ['$initial'] }],
          experimentalInlineCommonChunks: { maxSize: 40 * 1024 },
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
