import pg from 'pg';
import type { DbHandle } from '../db/client';

// Keeps two app instances from doing the same background work at the same moment. It is an
// optimisation, not the guarantee: the jobs' own unique keys make a second run harmless (it finds
// everything recorded), the lock only saves it the work. On PostgreSQL it is a session advisory
// lock on a connection of its own, so a process that dies (kill -9, lost network) releases it at
// once and another instance can retry; PGlite is one process, so a lock in memory is enough.

/** Returned instead of running when another holder has the lock. */
export const BUSY = Symbol('busy');

export type JobLock = <T>(name: string, work: () => Promise<T>) => Promise<T | typeof BUSY>;

/** A lock within this process only (PGlite, tests). */
export function processLock(): JobLock {
  const held = new Set<string>();
  return async (name, work) => {
    if (held.has(name)) return BUSY;
    held.add(name);
    try {
      return await work();
    } finally {
      held.delete(name);
    }
  };
}

/** The lock for a database: advisory on PostgreSQL, in memory on PGlite. */
export function jobLock(handle: Pick<DbHandle, 'engine' | 'pool'>): JobLock {
  if (handle.engine !== 'postgres' || !handle.pool) return processLock();
  const local = processLock();
  const options = handle.pool.options;
  // One process never contends with itself over PostgreSQL (the in-memory lock answers first).
  return (name, work) =>
    local(name, async () => {
      const client = new pg.Client(options);
      // A dropped connection must not crash the process; the work's own keys keep it correct
      // even if another instance takes the lock meanwhile.
      client.on('error', () => {});
      await client.connect();
      try {
        const { rows } = await client.query<{ ok: boolean }>(
          'select pg_try_advisory_lock(hashtext($1)) as ok',
          [`job:${name}`],
        );
        if (!rows[0]?.ok) return BUSY;
        try {
          return await work();
        } finally {
          await client.query('select pg_advisory_unlock(hashtext($1))', [`job:${name}`]).catch(() => {});
        }
      } finally {
        await client.end().catch(() => {});
      }
    });
}
