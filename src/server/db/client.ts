import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from './schema';

export type Schema = typeof schema;
// Both drivers produce the same query builder; services only see this type.
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export type DbHandle = {
  db: Db;
  engine: 'pglite' | 'postgres';
  /** Present on PostgreSQL: for work that needs one dedicated connection (advisory locks, LISTEN). */
  pool?: pg.Pool;
  /** Present on PGlite: its client (LISTEN of the read-cache sync). */
  pglite?: PGlite;
  close: () => Promise<void>;
};

export type OpenOptions =
  | { engine: 'postgres'; url: string; poolSize?: number }
  | { engine: 'pglite'; dataDir?: string; loadDataDir?: Blob };

export async function openDatabase(opts: OpenOptions): Promise<DbHandle> {
  if (opts.engine === 'postgres') {
    const pool = new pg.Pool({
      connectionString: opts.url,
      max: opts.poolSize ?? 10,
      // While the server refuses or drops connections a request waits at most this long for one,
      // then fails (503 DATABASE_UNAVAILABLE) instead of hanging.
      connectionTimeoutMillis: 5_000,
    });
    // An idle client that errors (server restart) must not crash the process: the pool drops it.
    pool.on('error', () => {});
    // A client checked out of the pool has no pool listener: when its connection is terminated
    // between two queries (pg_terminate_backend, a failover) node-postgres emits 'error' on it,
    // and an 'error' event nobody listens to kills the process. The query in progress (or the
    // next one) fails on its own and the request answers 503; the broken client is discarded on
    // release, and the pool opens a new connection for the next request.
    pool.on('connect', (client) => {
      client.on('error', ignoreClientError);
    });
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return { db, engine: 'postgres', pool, close: () => pool.end() };
  }
  let dataDir: string | undefined;
  if (opts.dataDir) {
    dataDir = path.join(opts.dataDir, 'pglite');
    fs.mkdirSync(dataDir, { recursive: true });
  }
  const client = await PGlite.create({ dataDir, loadDataDir: opts.loadDataDir });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return { db, engine: 'pglite', pglite: client, close: () => client.close() };
}

/** For dedicated clients (migrations, LISTEN): their failures surface through their own queries. */
export function ignoreClientError(_err: Error) {}
