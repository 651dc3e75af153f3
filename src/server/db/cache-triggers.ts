import { sql } from 'drizzle-orm';
import type { DbOrTx } from './client';

// The database itself says when a read cache went stale. A trigger on each table that a cached
// read depends on sends NOTIFY on one channel, naming the caches ("topics") to drop; PostgreSQL
// delivers it when the writing transaction commits (never for a rollback), to every instance that
// LISTENs (platform/cache-sync.ts), this one included. So a write invalidates exactly what it
// changed, whichever code path made it (a request, the daily job, a command-line script, a module
// added later), and a level save or a comment clears nothing.
//
// Keep this list in step with the cached reads: the session → actor lookup
// (platform/auth/session-store.ts loadActor), the directory (orgs.queries listOrgs), the
// follow-up figures (funnel.service measure + the scope's name) and the public portal's figures
// and open data (modules/public: bodies, follow-up facts, official results, signatures,
// practices and replications). A table read there and missing
// here leaves other instances stale for up to READ_CACHE_SECONDS.
//
// Installed at every start-up, inside the migration lock (db/migrate.ts): CREATE OR REPLACE keeps it
// idempotent, and one list in code is the only definition (nothing to renumber between branches).

export const cacheTopics = ['sessions', 'directory', 'funnel', 'public'] as const;
export type CacheTopic = (typeof cacheTopics)[number];

export const CACHE_CHANNEL = 'll_read_cache';

type Watch = { table: string; events: string; topics: readonly CacheTopic[] };

export const cacheWatches: readonly Watch[] = [
  // A new session invalidates nothing (it is not cached yet); a revocation does.
  { table: 'sessions', events: 'update or delete', topics: ['sessions'] },
  // Only the columns an actor carries; a login's last_login_at or failed_logins change nothing.
  {
    table: 'users',
    events: 'update of email, name, locale, is_sample, is_active or delete',
    topics: ['sessions'],
  },
  { table: 'memberships', events: 'insert or update or delete', topics: ['sessions'] },
  { table: 'mentorships', events: 'insert or update or delete', topics: ['sessions'] },
  {
    table: 'orgs',
    events: 'insert or update or delete',
    topics: ['sessions', 'directory', 'funnel', 'public'],
  },
  { table: 'followup_facts', events: 'insert or update or delete', topics: ['funnel', 'public'] },
  { table: 'official_results', events: 'insert or update or delete', topics: ['public'] },
  { table: 'commitment_signatures', events: 'insert or update or delete', topics: ['public'] },
  { table: 'practices', events: 'insert or update or delete', topics: ['public'] },
  { table: 'adoptions', events: 'insert or update or delete', topics: ['public'] },
  // A programme scope's figures carry the programme's name.
  { table: 'programmes', events: 'update or delete', topics: ['funnel'] },
];

/** Creates or replaces the notifying function and one trigger per watched table. */
export async function installCacheTriggers(db: DbOrTx): Promise<void> {
  // Row level, so a statement that changes no row (the day's first-save check on followup_facts)
  // sends nothing; PostgreSQL folds identical notifications of one transaction into one.
  await db.execute(
    sql.raw(`create or replace function ll_notify_read_cache() returns trigger language plpgsql as $$
begin
  perform pg_notify('${CACHE_CHANNEL}', tg_argv[0]);
  return null;
end $$`),
  );
  for (const w of cacheWatches) {
    await db.execute(
      sql.raw(`create or replace trigger ll_read_cache_${w.table} after ${w.events} on ${w.table}
  for each row execute function ll_notify_read_cache('${w.topics.join(',')}')`),
    );
  }
}
