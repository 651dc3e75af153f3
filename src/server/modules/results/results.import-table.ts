import { parse } from 'csv-parse/sync';
import type { TextKey, TextParams } from '../../../shared/texts';
import { AppError } from '../../platform/app-error';
import { restoreFormulaText } from '../../platform/csv';
import { checkCsvRecords, checkXlsx, importLimits } from '../../platform/spreadsheet-guard';
import { readXlsxRows } from '../../platform/xlsx-read';
import { ZipUnreadable } from '../../platform/zip-directory';

// Reads an uploaded CSV or XLSX into a header and rows of strings. The format is recognised from
// the content (XLSX is a zip: "PK"), not the file name. Every file passes the spreadsheet guard
// first (platform/spreadsheet-guard.ts): over a limit is 413, before any parser allocates.
export type Table = { header: string[]; rows: string[][] };

/** An unreadable file; `message` is a text key, localised with `params` in the import report. */
export class TableError extends Error {
  constructor(
    readonly key: TextKey,
    readonly params?: TextParams,
  ) {
    super(key);
  }
}

async function readXlsx(buf: Buffer): Promise<Table> {
  try {
    await checkXlsx(buf);
  } catch (err) {
    if (err instanceof ZipUnreadable) throw new TableError('TABLE_XLSX_UNREADABLE');
    throw err;
  }
  // ExcelJS runs in a worker with a heap limit (platform/xlsx-read.ts).
  const table = await readXlsxRows(buf);
  if (!table) throw new TableError('TABLE_XLSX_UNREADABLE');
  return table;
}

function readCsv(buf: Buffer): Table {
  const text = buf.toString('utf8');
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0 || text.length);
  // Spreadsheets set to Indonesian write ";" between fields (the comma is the decimal mark).
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
      trim: true,
      // Stops reading one record past the row limit: enough to know the file is over it.
      to: importLimits.maxRows + 2,
    });
  } catch (err) {
    throw new TableError('TABLE_CSV_INVALID', { reason: (err as Error).message });
  }
  checkCsvRecords(records);
  const [header = [], ...rows] = records;
  return { header, rows };
}

export async function readTable(buf: Buffer): Promise<Table> {
  const isZip = buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04;
  const read = isZip ? await readXlsx(buf) : readCsv(buf);
  // Files we exported had formula starts neutralised (platform/csv.ts): read back the exact text.
  const t = { header: read.header, rows: read.rows.map((r) => r.map(restoreFormulaText)) };
  // Trailing empty rows are common in spreadsheets; they are not data.
  while (t.rows.length && t.rows[t.rows.length - 1]!.every((c) => c === '')) t.rows.pop();
  return t;
}

/** readTable for an import route: an unreadable file is an import problem at row 0. */
export async function readImportTable(buf: Buffer): Promise<Table> {
  try {
    return await readTable(buf);
  } catch (err) {
    if (err instanceof TableError) {
      throw new AppError('IMPORT_INVALID', {
        problems: [{ row: 0, field: '', message: err.key, params: err.params }],
        problemCount: 1,
        rowCount: 0,
      });
    }
    throw err;
  }
}
