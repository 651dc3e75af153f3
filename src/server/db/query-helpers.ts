import type { Pagination } from '../../shared/contracts/common';

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
