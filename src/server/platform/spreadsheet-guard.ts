import zlib from 'node:zlib';
import type { TextKey, TextParams } from '../../shared/texts';
import { AppError } from './app-error';
import { type ZipEntry, ZipUnreadable, zipEntries } from './zip-directory';

// Every spreadsheet import passes here BEFORE a parser sees it (issue 9: a 995 KiB .xlsx that
// inflates to 250 MiB killed the process inside ExcelJS). An .xlsx is a zip; its headers can lie,
// so each entry is inflated as a stream with a hard byte cap, counting what really comes out, and
// the worksheets' XML is scanned on the way for the rows and columns ExcelJS would build. Only
// then is the file handed to ExcelJS, which will allocate roughly 10–20 times the XML's size.
// The limits fit real files with a wide margin: a plan of a few thousand items (13 columns, about
// 2 MiB of sheet XML per thousand rows with long descriptions) and official results of ~650
// bodies (a row per body and year, up to 55 columns with every level: ten years of history is
// 6,500 rows, 357,500 cells; the index-only layout has 4 columns and is imported 30,000 rows at a
// time). ExcelJS holds about 0.5–0.8 KiB per cell, so 400,000 cells cost at most ~300 MiB.

export type SpreadsheetLimits = {
  /** Entries in the zip: Excel writes ~10–20 for a workbook of a few sheets. */
  maxEntries: number;
  /** Uncompressed bytes of one entry (a worksheet, the shared strings). */
  maxEntryBytes: number;
  /** Uncompressed bytes of all entries together. */
  maxTotalBytes: number;
  /** Highest row number of a worksheet (CSV: data rows). */
  maxRows: number;
  /** Highest column number of a worksheet (CSV: fields in a record). */
  maxColumns: number;
  /** Cells ExcelJS builds: the cells present, and rows × columns of a sheet read with empty cells. */
  maxCells: number;
};

const MiB = 1024 * 1024;
export const importLimits: SpreadsheetLimits = {
  maxEntries: 256,
  maxEntryBytes: 16 * MiB,
  maxTotalBytes: 40 * MiB,
  maxRows: 50_000,
  maxColumns: 100,
  maxCells: 400_000,
};

type Limit = 'entries' | 'entryBytes' | 'totalBytes' | 'rows' | 'columns' | 'cells' | 'memory';
const limitText: Record<Limit, TextKey> = {
  entries: 'SHEET_LIMIT_ENTRIES',
  entryBytes: 'SHEET_LIMIT_ENTRY_BYTES',
  totalBytes: 'SHEET_LIMIT_TOTAL_BYTES',
  rows: 'SHEET_LIMIT_ROWS',
  columns: 'SHEET_LIMIT_COLUMNS',
  cells: 'SHEET_LIMIT_CELLS',
  memory: 'SHEET_LIMIT_MEMORY',
};

/** 413 naming the limit that was hit, with the limit in the reader's language. */
export function overLimit(limit: Limit, max: number, entry?: string): AppError {
  const params: TextParams = {
    max: limit.endsWith('Bytes') || limit === 'memory' ? `${Math.round(max / MiB)} MiB` : max,
  };
  return new AppError('PAYLOAD_TOO_LARGE', {
    limit,
    max,
    ...(entry ? { entry } : {}),
    message: limitText[limit],
    params,
  });
}

const worksheet = /^xl\/worksheets\/[^/]+\.xml$/i;

/**
 * Throws 413 (AppError PAYLOAD_TOO_LARGE) when the .xlsx in `buf` is over a limit, and
 * ZipUnreadable when it is not a zip this product reads; returns what it counted otherwise.
 */
export async function checkXlsx(buf: Buffer, limits: SpreadsheetLimits = importLimits) {
  const entries = zipEntries(buf, limits.maxEntries, () => overLimit('entries', limits.maxEntries));
  let total = 0;
  let cells = 0;
  let rows = 0;
  for (const e of entries) {
    // The declared size is checked first (no work for an honest big file), the real one below.
    if (e.uncompressedSize > limits.maxEntryBytes)
      throw overLimit('entryBytes', limits.maxEntryBytes, e.name);
    const scan = worksheet.test(e.name) ? new SheetScan(limits) : null;
    const cap = Math.min(limits.maxEntryBytes, limits.maxTotalBytes - total);
    const size = await inflateCapped(buf, e, cap, scan);
    if (size === null) {
      throw cap < limits.maxEntryBytes
        ? overLimit('totalBytes', limits.maxTotalBytes)
        : overLimit('entryBytes', limits.maxEntryBytes, e.name);
    }
    if (size !== e.uncompressedSize) throw new ZipUnreadable('size differs from its header');
    total += size;
    if (scan) {
      scan.finish();
      cells += scan.cells;
      rows = Math.max(rows, scan.maxRow);
      if (cells > limits.maxCells) throw overLimit('cells', limits.maxCells);
    }
  }
  return { entries: entries.length, uncompressedBytes: total, cells, rows };
}

/** Inflates one entry as a stream, feeding `scan`; the byte count, or null past `cap`. */
function inflateCapped(
  buf: Buffer,
  e: ZipEntry,
  cap: number,
  scan: SheetScan | null,
): Promise<number | null> {
  const data = buf.subarray(e.dataStart, e.dataStart + e.compressedSize);
  if (e.method === 0) {
    if (data.length > cap) return Promise.resolve(null);
    scan?.push(data);
    return Promise.resolve(data.length);
  }
  return new Promise((resolve, reject) => {
    const inflate = zlib.createInflateRaw();
    let size = 0;
    inflate.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > cap) {
        // Stops the inflation at once: nothing past the cap is ever produced or kept.
        inflate.destroy();
        resolve(null);
        return;
      }
      try {
        scan?.push(chunk);
      } catch (err) {
        inflate.destroy();
        reject(err);
      }
    });
    inflate.on('error', () => reject(new ZipUnreadable('corrupt deflate data')));
    inflate.on('end', () => resolve(size));
    inflate.end(data);
  });
}

/**
 * Counts, in a worksheet's XML as it streams by, the rows and cells ExcelJS will build. Rows and
 * cells may carry their position (`r="12"`, `r="AB12"`); one cell at XFD1048576 would make ExcelJS
 * (and our reader, which walks every row to the widest column) build a billion cells, so the
 * highest position counts, not only how many elements there are.
 */
export class SheetScan {
  cells = 0;
  maxRow = 0;
  maxColumn = 0;
  private row = 0;
  private column = 0;
  private carry = '';

  constructor(private readonly limits: SpreadsheetLimits) {}

  push(chunk: Buffer) {
    // Tag names and attributes are ASCII: latin1 decoding is exact for them and never fails.
    const text = this.carry + chunk.toString('latin1');
    const open = text.lastIndexOf('<');
    const cut = open > text.lastIndexOf('>') ? open : text.length;
    this.carry = text.slice(cut);
    if (this.carry.length > 64 * 1024) throw new ZipUnreadable('a tag longer than 64 KiB');
    for (const m of text.slice(0, cut).matchAll(/<(?:[A-Za-z_][\w.-]*:)?(row|c)(?=[\s/>])([^>]*)>/g)) {
      if (m[1] === 'row') this.onRow(m[2] ?? '');
      else this.onCell(m[2] ?? '');
    }
  }

  finish() {
    if (this.carry) this.push(Buffer.from('>'));
  }

  private onRow(attrs: string) {
    const r = /\br\s*=\s*["'](\d{1,9})["']/.exec(attrs);
    this.row = r ? Number(r[1]) : this.row + 1;
    this.column = 0;
    if (this.row > this.limits.maxRows) throw overLimit('rows', this.limits.maxRows);
    this.maxRow = Math.max(this.maxRow, this.row);
  }

  private onCell(attrs: string) {
    const r = /\br\s*=\s*["']([A-Za-z]{1,4})(\d{1,9})["']/.exec(attrs);
    this.column = r ? columnNumber(r[1] ?? '') : this.column + 1;
    if (r) this.row = Math.max(this.row, Number(r[2]));
    this.cells += 1;
    if (this.column > this.limits.maxColumns) throw overLimit('columns', this.limits.maxColumns);
    if (this.row > this.limits.maxRows) throw overLimit('rows', this.limits.maxRows);
    this.maxColumn = Math.max(this.maxColumn, this.column);
    this.maxRow = Math.max(this.maxRow, this.row);
    if (this.cells > this.limits.maxCells || this.maxRow * this.maxColumn > this.limits.maxCells) {
      throw overLimit('cells', this.limits.maxCells);
    }
  }
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A parsed CSV's size against the same limits (the bytes are capped by the upload limit). */
export function checkCsvRecords(records: unknown[][], limits: SpreadsheetLimits = importLimits) {
  // One header row on top of the data rows.
  if (records.length > limits.maxRows + 1) throw overLimit('rows', limits.maxRows);
  let cells = 0;
  for (const r of records) {
    if (r.length > limits.maxColumns) throw overLimit('columns', limits.maxColumns);
    cells += r.length;
  }
  if (cells > limits.maxCells) throw overLimit('cells', limits.maxCells);
}
