import type { Db, Tx } from './client';

// PostgreSQL aborts one of the transactions in a deadlock (40P01) or a serialisation failure
// (40001); the other proceeds. Nothing of the aborted one was kept, so running it again is safe
// when its work has no side effects outside the database.
const RETRYABLE = new Set(['40P01', '40001']);

/** True for a deadlock or serialisation failure, as the driver or Drizzle (in `cause`) reports it. */
export function isWriteConflict(err: unknown): boolean {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; depth++) {
    if (typeof e.code === 'string' && RETRYABLE.has(e.code)) return true;
    e = e.cause as typeof e;
  }
  return false;
}

/**
 * db.transaction, run again (up to `attempts` times, with a short random pause) when PostgreSQL
 * aborted it as a deadlock victim or for a serialisation failure. Only for transactions whose
 * callback touches nothing but the database. If the conflict persists the error goes on to the
 * error handler, which answers 503 WRITE_CONFLICT instead of 500.
 */
export async function transactionWithRetry<T>(
  db: Db,
  work: (tx: Tx) => Promise<T>,
  attempts = 4,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(work);
    } catch (err) {
      if (attempt >= attempts || !isWriteConflict(err)) throw err;
      await new Promise((r) => setTimeout(r, Math.random() * 10 * attempt));
    }
  }
}
