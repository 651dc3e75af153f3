import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/server/db/client';
import { runMigrations } from '../../src/server/db/migrate';
import { loadReferenceData } from '../../src/server/db/seed/reference';
import { ensureFollowupFacts } from '../../src/server/modules/followup/followup.facts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplate: string | null;
  }
}

// Parallel runs on one server (several checkouts) each name their own template.
export const PG_TEMPLATE_DB = process.env.TEST_PG_TEMPLATE ?? 'll_test_template';

// One migrated database with reference data is made per run; every test file starts from a copy
// of it (PGlite: loadDataDir of a dump; PostgreSQL: CREATE DATABASE … TEMPLATE).
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${PG_TEMPLATE_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${PG_TEMPLATE_DB}`);
    await admin.end();
    const templateUrl = new URL(url);
    templateUrl.pathname = `/${PG_TEMPLATE_DB}`;
    const handle = await openDatabase({ engine: 'postgres', url: templateUrl.toString(), poolSize: 1 });
    await runMigrations(handle);
    await loadReferenceData(handle.db);
    await ensureFollowupFacts(handle.db);
    await handle.close();
    project.provide('pgTemplate', PG_TEMPLATE_DB);
  } else {
    project.provide('pgTemplate', null);
    console.warn(
      '\nℹ Integration tests run on PGlite only. To run them on PostgreSQL as well:\n' +
        '  TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx vitest run --project server\n',
    );
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-test-'));
  const file = path.join(dir, 'template.tar.gz');
  const handle = await openDatabase({ engine: 'pglite' });
  await runMigrations(handle);
  await loadReferenceData(handle.db);
  // As a start-up does (bootstrap.ts): the reference results' bodies get their follow-up facts.
  await ensureFollowupFacts(handle.db);
  // biome-ignore lint/suspicious/noExplicitAny: reach the PGlite client behind drizzle
  const client = (handle.db as any).$client;
  const dump: Blob = await client.dumpDataDir('gzip');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  project.provide('pgliteTemplate', file);

  return async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    if (url) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${PG_TEMPLATE_DB} WITH (FORCE)`);
      await admin.end();
    }
  };
}
