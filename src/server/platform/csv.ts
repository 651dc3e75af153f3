import { stringify } from 'csv-stringify/sync';

// Cells that start like a formula are neutralised so a downloaded file cannot run code in Excel.
function safeCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** CSV with a UTF-8 byte-order mark so Excel shows Indonesian names correctly. */
export function toCsv(header: string[], rows: unknown[][]): string {
  return `\uFEFF${stringify([header, ...rows.map((r) => r.map(safeCell))])}`;
}
