// The supervisors' cockpits at national scale, in process (no HTTP): the national overview
// (38 province scopes measured from one read), all 514 kab/kota map values, a province's cockpit
// and its group simulation, uncached, over the follow-up bench's data (650 bodies, 150,000 action
// items, 5,000 adoptions: bench/followup-data.ts) with a level target on every action item.
//
//   npx tsx bench/supervision.ts            PostgreSQL (BENCH_DATABASE_URL, default the local server)
//   npx tsx bench/supervision.ts pglite     the embedded database
//
// Prints the median and slowest of 15 runs of each (after 3 warm-up runs). Creates its own
// database (bench_supervision_<random>, or a temporary PGlite directory) and drops it afterwards.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { type DbHandle, openDatabase } from '../src/server/db/client';
import { runMigrations } from '../src/server/db/migrate';
import { loadReferenceData } from '../src/server/db/seed/reference';
import { loadSampleData } from '../src/server/db/seed/sample';
import { refreshFollowupFacts } from '../src/server/modules/followup/followup.facts';
import {
  nationalOverview,
  provinceOverview,
  provinceSimulation,
  regionValues,
} from '../src/server/modules/supervision/supervision.service';
import type { Actor } from '../src/server/platform/auth/actor';
import { createReadCache } from '../src/server/platform/read-cache';
import { bodiesWithEvents, seedFollowup } from './followup-data';

const engine = process.argv[2] === 'pglite' ? 'pglite' : 'postgres';
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function open(): Promise<{ handle: DbHandle; drop: () => Promise<void> }> {
  if (engine === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-bench-supervision-'));
    const handle = await openDatabase({ engine, dataDir: dir });
    return { handle, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `bench_supervision_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ engine, url: url.toString(), poolSize: 4 });
  return {
    handle,
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

async function timeIt(label: string, fn: () => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  console.log(`${label.padEnd(44)} median ${ms[7]!.toFixed(1)} ms, slowest ${ms[14]!.toFixed(1)} ms`);
}

const { handle, drop } = await open();
try {
  const db = handle.db;
  console.log(`${engine}: schema, reference data, sample data`);
  await runMigrations(handle);
  await loadReferenceData(db);
  await loadSampleData(db);
  console.log(`${engine}: seed 650 bodies, 150,000 items, 5,000 adoptions; a level target per item`);
  await seedFollowup(db);
  await db.execute(sql`update action_items set targets = jsonb_build_array(jsonb_build_object(
      'indicator', 1 + mod(abs(hashtext(id::text)), 47), 'level', 3 + mod(abs(hashtext(title)), 3)))`);
  await db.execute(sql`analyze`);
  const ids = await bodiesWithEvents(db);
  await db.transaction((tx) => refreshFollowupFacts(tx, ids));
  const counts = (await db.execute(sql`select (select count(*) from action_items)::int as items,
      (select count(*) from followup_facts where summary is not null)::int as joined`)) as unknown as {
    rows: { items: number; joined: number }[];
  };
  console.log(`${engine}: ${counts.rows[0]!.items} action items, ${counts.rows[0]!.joined} joined bodies`);

  const national = {
    memberships: [{ role: 'national_supervisor', orgCode: 'KEMENDAGRI' }],
    mentoredOrgIds: [],
  } as unknown as Actor;
  // Uncached: every call measures from the database.
  const cache = createReadCache<{ json: string; bodies: unknown[] }>({ max: 10, ttlMs: 0 });
  await timeIt('GET /supervision/national (uncached)', () => nationalOverview(db, cache, national));
  await timeIt('GET /supervision/regions, all 514 (uncached)', () => regionValues(db, cache, national, {}));
  await timeIt('GET /supervision/provinces/32', () => provinceOverview(db, national, '32', 'id'));
  await timeIt('GET /supervision/provinces/32/simulation', () => provinceSimulation(db, national, '32'));
  await timeIt('GET /supervision/provinces/35/simulation', () => provinceSimulation(db, national, '35'));
} finally {
  await handle.close();
  await drop();
}
