import type { Pagination } from '../../shared/contracts/common';
import type { DbOrTx } from './client';

/** Makes user input literal inside a LIKE/ILIKE pattern (no % or _ wildcards from the user). */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The pagination block every list response carries. */
export function pagination(q: { page: number; pageSize: number }, total: number): Pagination {
  return { page: q.page, pageSize: q.pageSize, total, pageCount: Math.ceil(total / q.pageSize) };
}

/** The rows of a raw `execute(sql…)`: both drivers (node-postgres, PGlite) answer with { rows }. */
export function rowsOf(result: unknown): Record<string, unknown>[] {
  return (result as { rows: Record<string, unknown>[] }).rows;
}

/**
 * Runs independent reads: together on the pool, one after another inside a transaction. A
 * transaction has one connection, where node-postgres would queue them anyway (and warns that
 * pg 9 will refuse concurrent queries on one client).
 */
export async function readAll<T extends readonly (() => Promise<unknown>)[]>(
  db: DbOrTx,
  reads: T,
): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  type Out = { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };
  // Only a transaction can roll back: that tells the two apart without importing drizzle's classes.
  if (!('rollback' in db)) return (await Promise.all(reads.map((r) => r()))) as Out;
  const out: unknown[] = [];
  for (const r of reads) out.push(await r());
  return out as Out;
}
