import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import pg from 'pg';
import { type DbHandle, type DbOrTx, ignoreClientError } from '../db/client';

// Keeps the per-instance read caches (platform/read-cache.ts) coherent across instances that
// share one PostgreSQL database, with LISTEN/NOTIFY on one channel. A message names the caches
// ("topics") a committed write made stale; every instance clears those when it receives it.
//
// Two ways to send:
// - notifyAtCommit(tx, topics) inside the writing transaction: PostgreSQL delivers it when (and
//   only if) the transaction commits, so no instance can clear too early and reload the old
//   value. Used where the change is precisely known: follow-up facts and bodies → the funnel.
// - changed(topics) after a write request succeeded, before its response goes out (app.ts): the
//   conservative net for sessions and the directory, whichever module wrote.
//
// Coherence for authorisation: a notification travels asynchronously, so a request reaching
// instance B right after a logout answered on A could still find the old session in B's cache.
// barrier() closes that gap: a round trip on the listening connection returns only after
// PostgreSQL has delivered every notification committed before it was sent (it flushes pending
// notifications just before ReadyForQuery), and node-postgres emits them before resolving the
// query. The auth hook awaits a barrier started after the request arrived, so a session revoked
// by any write that answered before this request began is never served from cache. Concurrent
// requests share one round trip (at most one in flight, one queued). On PGlite (one process)
// notifications are delivered synchronously at commit and no barrier is needed.

export const cacheTopics = ['sessions', 'directory', 'funnel'] as const;
export type CacheTopic = (typeof cacheTopics)[number];

const CHANNEL = 'll_read_cache';
export const LISTENER_NAME = 'living-lab-cache-sync';

/** Inside a transaction: every instance drops these caches when (if) the transaction commits. */
export async function notifyAtCommit(tx: DbOrTx, topics: readonly CacheTopic[]): Promise<void> {
  await tx.execute(sql`select pg_notify(${CHANNEL}, ${topics.join(',')})`);
}

export type CacheSync = {
  /** After a committed write on this instance: clear here at once and tell the other instances. */
  changed: (topics: readonly CacheTopic[]) => Promise<void>;
  /** Only on PostgreSQL: requests must await barrier() before trusting the caches. */
  needsBarrier: boolean;
  /** True once every notification committed before the call has been applied; false when not
   * listening (notifications may be lost): the caller must not trust the caches then. */
  barrier: () => Promise<boolean>;
  state: () => 'local' | 'listening' | 'reconnecting';
  close: () => Promise<void>;
};

type Apply = (topics: readonly CacheTopic[]) => void;

function parseTopics(payload: string | undefined): CacheTopic[] {
  // Unknown words (a newer instance during a rolling upgrade) widen to "everything".
  const words = (payload ?? '').split(',');
  return words.every((w) => (cacheTopics as readonly string[]).includes(w))
    ? (words as CacheTopic[])
    : [...cacheTopics];
}

export async function startCacheSync(
  database: DbHandle,
  apply: Apply,
  log: FastifyBaseLogger,
): Promise<CacheSync> {
  if (database.engine === 'pglite') {
    const unlisten = await database.pglite!.listen(CHANNEL, (payload) => apply(parseTopics(payload)));
    return {
      changed: async (topics) => apply(topics),
      needsBarrier: false,
      barrier: async () => true,
      state: () => 'local',
      close: () => unlisten().catch(() => {}),
    };
  }
  return pgCacheSync(database.pool!, apply, log);
}

async function pgCacheSync(pool: pg.Pool, apply: Apply, log: FastifyBaseLogger): Promise<CacheSync> {
  let current: pg.Client | null = null;
  let listening = false;
  let closed = false;
  let retryMs = 100;
  let timer: NodeJS.Timeout | undefined;

  /** One attempt; resolves when it is listening or has failed (a retry is then scheduled). */
  function connect(): Promise<void> {
    // Named, so operators (and the drills) can tell it from the pool's connections.
    const client = new pg.Client({ ...pool.options, application_name: LISTENER_NAME });
    current = client;
    let gone = false;
    const lose = (err?: Error) => {
      if (gone) return;
      gone = true;
      if (current === client) {
        current = null;
        listening = false;
        // Whatever was sent while nobody listened is lost: forget everything cached.
        apply(cacheTopics);
        if (!closed) log.warn({ err: err?.message, retryMs }, 'read-cache sync: listener lost, reconnecting');
      }
      client.removeAllListeners('notification');
      client.on('error', ignoreClientError);
      void client.end().catch(() => {});
      if (!closed) {
        timer = setTimeout(() => void connect(), retryMs);
        retryMs = Math.min(retryMs * 2, 5_000);
      }
    };
    client.on('error', lose);
    client.on('end', () => lose());
    client.on('notification', (msg) => {
      if (msg.channel === CHANNEL) apply(parseTopics(msg.payload));
    });
    return client
      .connect()
      .then(() => client.query(`LISTEN ${CHANNEL}`))
      .then(() => {
        if (gone) return;
        if (closed) return lose();
        listening = true;
        retryMs = 100;
        // Entries cached while not listening may be stale.
        apply(cacheTopics);
      }, lose);
  }
  // Start-up waits for the first attempt, so a fresh instance caches nothing before it listens.
  await connect();

  async function roundTrip(): Promise<boolean> {
    const client = current;
    if (!client || !listening) return false;
    try {
      await client.query('select 1');
      return listening && current === client;
    } catch {
      return false;
    }
  }
  let running: Promise<boolean> | null = null;
  let queued: Promise<boolean> | null = null;
  function run(): Promise<boolean> {
    const p: Promise<boolean> = roundTrip().finally(() => {
      if (running === p) running = null;
    });
    running = p;
    return p;
  }

  return {
    needsBarrier: true,
    barrier() {
      if (!running) return run();
      // The round trip under way may have been sent before this request arrived: wait for the next.
      queued ??= running.then(() => {
        queued = null;
        return run();
      });
      return queued;
    },
    async changed(topics) {
      apply(topics);
      try {
        await pool.query('select pg_notify($1, $2)', [CHANNEL, topics.join(',')]);
      } catch (err) {
        // The write is committed; the other instances lose their listener too while the database
        // is away, and clear everything when they reconnect.
        log.warn({ err: (err as Error).message }, 'read-cache sync: notify failed');
      }
    },
    state: () => (listening ? 'listening' : 'reconnecting'),
    async close() {
      closed = true;
      clearTimeout(timer);
      const client = current;
      current = null;
      listening = false;
      if (client) await client.end().catch(() => {});
    },
  };
}
