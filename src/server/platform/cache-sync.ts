import type { FastifyBaseLogger } from 'fastify';
import pg from 'pg';
import { CACHE_CHANNEL, type CacheTopic, cacheTopics } from '../db/cache-triggers';
import { type DbHandle, ignoreClientError } from '../db/client';

// Keeps the per-instance read caches (platform/read-cache.ts) coherent across instances that
// share one PostgreSQL database. Triggers on the tables the caches read (db/cache-triggers.ts)
// send NOTIFY at commit naming the stale caches; each instance LISTENs on a dedicated connection
// and clears what a message names. The connection reconnects by itself; while it is down nothing
// cached is trusted, and on reconnecting every cache is cleared (messages may have been missed).
//
// Coherence for authorisation: a notification travels asynchronously, so a request reaching
// instance B right after a logout answered on A could still find the old session in B's cache.
// barrier() closes that gap: a round trip on the listening connection returns only after
// PostgreSQL has delivered every notification committed before it was sent (a backend flushes
// pending notifications just before ReadyForQuery), and node-postgres emits them before resolving
// the query. The auth hook awaits a barrier started after the request arrived, so a session
// revoked by any write that answered before this request began is never served from cache, on
// this instance or another. Concurrent requests share one round trip (at most one in flight, one
// queued). On PGlite (one process) notifications are delivered synchronously at commit and no
// barrier is needed.

export type { CacheTopic };
/** The listening connection's application_name: operators (and the drills) can tell it apart. */
export const LISTENER_NAME = 'living-lab-cache-sync';
const BARRIER_TIMEOUT_MS = 2_000;

export type CacheSync = {
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
    const unlisten = await database.pglite!.listen(CACHE_CHANNEL, (payload) => apply(parseTopics(payload)));
    return {
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
  let dropCurrent: ((err: Error) => void) | null = null;
  let listening = false;
  let closed = false;
  let retryMs = 100;
  let timer: NodeJS.Timeout | undefined;

  /** One attempt; resolves when it is listening or has failed (a retry is then scheduled). */
  function connect(): Promise<void> {
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
    dropCurrent = lose;
    client.on('error', lose);
    client.on('end', () => lose());
    client.on('notification', (msg) => {
      if (msg.channel === CACHE_CHANNEL) apply(parseTopics(msg.payload));
    });
    return client
      .connect()
      .then(() => client.query(`LISTEN ${CACHE_CHANNEL}`))
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
    // A connection that stopped answering without closing (a network partition) must not hold
    // every request: after BARRIER_TIMEOUT_MS it is dropped and replaced, and caches are not trusted.
    let deadline: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      deadline = setTimeout(() => resolve('timeout'), BARRIER_TIMEOUT_MS);
    });
    const answered = client.query('select 1').then(
      () => 'answered' as const,
      () => 'failed' as const,
    );
    const outcome = await Promise.race([answered, timedOut]);
    clearTimeout(deadline);
    if (outcome === 'timeout' && current === client) dropCurrent?.(new Error('barrier timed out'));
    return outcome === 'answered' && listening && current === client;
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
