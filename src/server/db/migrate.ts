import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { installCacheTriggers } from './cache-triggers';
import { type DbHandle, ignoreClientError } from './client';

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

// Several app instances may start at once against one PostgreSQL: a session-level advisory lock
// makes them apply migrations one after another (the later ones then find nothing to do).
const MIGRATION_LOCK = 7_301_202_2;

export async function runMigrations(handle: DbHandle): Promise<void> {
  if (handle.engine === 'pglite') {
    // biome-ignore lint/suspicious/noExplicitAny: the driver-specific migrator wants its own db type
    await migratePglite(handle.db as any, { migrationsFolder });
    await installCacheTriggers(handle.db);
    return;
  }
  // The lock lives on its own connection so the migrator can use the pool, whatever its size.
  const client = new pg.Client(handle.pool!.options);
  client.on('error', ignoreClientError);
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    // biome-ignore lint/suspicious/noExplicitAny: the driver-specific migrator wants its own db type
    await migratePg(handle.db as any, { migrationsFolder });
    await installCacheTriggers(handle.db);
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    await client.end();
  }
}
