import { LRUCache } from 'lru-cache';

// Hot read paths (the session → actor lookup on every request, directory pages, the follow-up
// figures) are served from a small in-process cache with a short time to live. A write clears
// exactly the caches it made stale, on every instance sharing the database, when it commits
// (db/cache-triggers.ts, platform/cache-sync.ts). This keeps the database off the per-request
// path, which on a 2-core machine is what bounds throughput.
export type ReadCache<V extends {}> = {
  /** A cached value without loading: lets hot paths stay synchronous on a hit. */
  peek: (key: string) => V | undefined;
  get: (key: string, load: () => Promise<V>) => Promise<V>;
  clear: () => void;
  /** False when caching is off (READ_CACHE_SECONDS=0): nothing is kept between requests. */
  enabled: boolean;
};

export function createReadCache<V extends {}>(opts: { max: number; ttlMs: number }): ReadCache<V> {
  // Concurrent misses for one key share a single database round trip (a single flight).
  const pending = new Map<string, Promise<V>>();
  if (opts.ttlMs <= 0) {
    // Off: nothing is kept, but identical requests in flight together still share one load, so an
    // answer is at most one load older than its request; a write on this instance (clear) stops
    // later requests from joining a load that started before it.
    return {
      enabled: false,
      peek: () => undefined,
      get(key, load) {
        const inFlight = pending.get(key);
        if (inFlight) return inFlight;
        const promise = load().finally(() => {
          if (pending.get(key) === promise) pending.delete(key);
        });
        pending.set(key, promise);
        return promise;
      },
      clear: () => pending.clear(),
    };
  }
  const cache = new LRUCache<string, V>({ max: opts.max, ttl: opts.ttlMs });
  let generation = 0;
  return {
    enabled: true,
    peek: (key) => cache.get(key),
    async get(key, load) {
      const hit = cache.get(key);
      if (hit !== undefined) return hit;
      const inFlight = pending.get(key);
      if (inFlight) return inFlight;
      const startedIn = generation;
      const promise = load().finally(() => pending.delete(key));
      pending.set(key, promise);
      const value = await promise;
      // A write that cleared the cache while this load ran may have changed the value: don't keep it.
      if (startedIn === generation) cache.set(key, value);
      return value;
    },
    clear() {
      generation += 1;
      cache.clear();
      pending.clear();
    },
  };
}
