import { and, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { LoginThrottleConfig } from '../../config';
import type { DbOrTx } from '../../db/client';
import { loginThrottles, sessions, users } from '../../db/schema';
import { AppError } from '../../platform/app-error';

// Sign-in throttling (issue 9): instead of locking an account — which told an attacker the email
// existed and let anyone lock anyone out — failures slow sign-in down, per account *and* address:
// - (email, address): after `failuresPerAddress` failures that address waits before it may try
//   that account again, 30 s at first, doubling with each further failure up to the maximum;
// - (email, '*'): failures from addresses the account has not signed in from in the last 30 days;
//   past the looser `failuresPerAccount` every such address waits. The owner's usual addresses are
//   exempt, so an attacker elsewhere cannot keep the owner out.
// Rows are keyed by the email as typed (lower-cased), whether or not an account has it: unknown
// and known emails are throttled identically and answer the same way.

export const ANY_ADDRESS = '*';
const FIRST_WAIT_SECONDS = 30;
const TRUSTED_ADDRESS_DAYS = 30;

export type ThrottleScope = 'address' | 'account';
export type NewBlock = { scope: ThrottleScope; failures: number; retryAfterSeconds: number };

/** Seconds to wait after this many failures (0 below the limit). */
export function waitSeconds(failures: number, limit: number, maxWaitMinutes: number): number {
  if (failures < limit) return 0;
  return Math.min(FIRST_WAIT_SECONDS * 2 ** Math.min(failures - limit, 20), maxWaitMinutes * 60);
}

/** Failures are forgotten after an hour without one (or twice the longest wait, if longer). */
function forgetAfterMs(cfg: LoginThrottleConfig): number {
  return Math.max(60, 2 * cfg.maxWaitMinutes) * 60_000;
}

/** Whether this account has had a session from this address lately (its owner's usual places). */
export async function signedInFrom(db: DbOrTx, email: string, address: string): Promise<boolean> {
  const since = new Date(Date.now() - TRUSTED_ADDRESS_DAYS * 86_400_000);
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(users.email, email), eq(sessions.ip, address), gt(sessions.createdAt, since)))
    .limit(1);
  return row !== undefined;
}

/**
 * Refuses with 429 RATE_LIMITED (and the seconds to wait) while this address, or every address
 * the account is not known at, has to wait. Runs before the password is checked, so a throttled
 * guess learns nothing and costs no argon2 time.
 */
export async function assertNotThrottled(db: DbOrTx, email: string, address: string) {
  const now = new Date();
  const rows = await db
    .select({ address: loginThrottles.address, blockedUntil: loginThrottles.blockedUntil })
    .from(loginThrottles)
    .where(
      and(
        eq(loginThrottles.email, email),
        inArray(loginThrottles.address, [address, ANY_ADDRESS]),
        gt(loginThrottles.blockedUntil, now),
      ),
    );
  const own = rows.find((r) => r.address === address);
  const any = rows.find((r) => r.address === ANY_ADDRESS);
  let until = own?.blockedUntil ?? null;
  if (!until && any && !(await signedInFrom(db, email, address))) until = any.blockedUntil;
  if (until) {
    const retryAfterSeconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
    throw new AppError('RATE_LIMITED', { retryAfterSeconds });
  }
}

/**
 * Counts one failed sign-in. The count is one atomic upsert per row, so concurrent failures on
 * several instances are all counted. Returns the waits this failure started, for the audit log.
 */
export async function recordLoginFailure(
  db: DbOrTx,
  cfg: LoginThrottleConfig,
  input: { email: string; address: string; knownAddress: boolean },
): Promise<{ failures: number; blocks: NewBlock[] }> {
  const now = new Date();
  const stale = new Date(now.getTime() - forgetAfterMs(cfg));
  const bump = async (address: string, scope: ThrottleScope, limit: number) => {
    const [row] = await db
      .insert(loginThrottles)
      .values({ email: input.email, address, failures: 1, lastFailureAt: now })
      .onConflictDoUpdate({
        target: [loginThrottles.email, loginThrottles.address],
        set: {
          failures: sql`case when ${loginThrottles.lastFailureAt} < ${stale} then 1 else ${loginThrottles.failures} + 1 end`,
          lastFailureAt: now,
        },
      })
      .returning({ failures: loginThrottles.failures });
    const failures = row!.failures;
    const wait = waitSeconds(failures, limit, cfg.maxWaitMinutes);
    if (wait === 0) return { failures, block: null };
    await db
      .update(loginThrottles)
      .set({ blockedUntil: new Date(now.getTime() + wait * 1000) })
      .where(and(eq(loginThrottles.email, input.email), eq(loginThrottles.address, address)));
    return { failures, block: { scope, failures, retryAfterSeconds: wait } };
  };
  const own = await bump(input.address, 'address', cfg.failuresPerAddress);
  const blocks = own.block ? [own.block] : [];
  if (!input.knownAddress) {
    const any = await bump(ANY_ADDRESS, 'account', cfg.failuresPerAccount);
    if (any.block) blocks.push(any.block);
  }
  // Sprayed emails leave rows behind; the failure path sweeps old ones now and then.
  if (Math.random() < 0.02) await db.delete(loginThrottles).where(lt(loginThrottles.lastFailureAt, stale));
  return { failures: own.failures, blocks };
}

/** A successful sign-in (or a password reset) from an address forgets that address's failures. */
export async function clearAddressFailures(db: DbOrTx, email: string, address: string) {
  await db
    .delete(loginThrottles)
    .where(and(eq(loginThrottles.email, email), eq(loginThrottles.address, address)));
}

/** The command-line admin reset starts the account afresh everywhere. */
export async function clearAllFailures(db: DbOrTx, email: string) {
  await db.delete(loginThrottles).where(eq(loginThrottles.email, email));
}
