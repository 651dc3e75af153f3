import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { makeZip, sheetXml } from '../../../tests/support/zip';
import { AppError } from './app-error';
import { checkCsvRecords, checkXlsx, importLimits, type SpreadsheetLimits } from './spreadsheet-guard';
import { ZipUnreadable } from './zip-directory';

// The guard sees each crafted archive before any parser: over a limit is a 413 naming the limit,
// a broken archive is "unreadable", and a real workbook passes with what it counted.
const small: SpreadsheetLimits = {
  maxEntries: 5,
  maxEntryBytes: 64 * 1024,
  maxTotalBytes: 100 * 1024,
  maxRows: 50,
  maxColumns: 10,
  maxCells: 200,
};

async function refusal(p: Promise<unknown>): Promise<{ limit?: string; unreadable?: boolean }> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ZipUnreadable) return { unreadable: true };
    if (err instanceof AppError) {
      expect(err.code).toBe('PAYLOAD_TOO_LARGE');
      return { limit: (err.details as { limit: string }).limit };
    }
    throw err;
  }
  return {};
}

const sheet = (xml: string, extra: Parameters<typeof makeZip>[0] = []) =>
  makeZip([
    { name: '[Content_Types].xml', data: '<Types/>' },
    { name: 'xl/worksheets/sheet1.xml', data: xml },
    ...extra,
  ]);

describe('checkXlsx', () => {
  it('passes a workbook written by ExcelJS and counts its rows and cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('x');
    for (let r = 0; r < 30; r++) ws.addRow(['a', 'b', r]);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const seen = await checkXlsx(buf);
    expect(seen).toMatchObject({ rows: 30, cells: 90 });
    expect(seen.entries).toBeGreaterThan(3);
  });

  it('refuses an entry that inflates past the cap even when its header says it is small', async () => {
    const bomb = sheet(' '.repeat(10 * 1024 * 1024)).subarray(0);
    const lying = makeZip([
      { name: 'xl/worksheets/sheet1.xml', data: ' '.repeat(1024 * 1024), declaredSize: 100 },
    ]);
    expect(bomb.length).toBeLessThan(20 * 1024);
    expect(await refusal(checkXlsx(bomb, small))).toEqual({ limit: 'entryBytes' });
    expect(await refusal(checkXlsx(lying, small))).toEqual({ limit: 'entryBytes' });
  });

  it('refuses an honest header over the cap without inflating, and a lie under it as unreadable', async () => {
    const big = makeZip([{ name: 'a.bin', data: 'x', declaredSize: 1024 * 1024 }]);
    expect(await refusal(checkXlsx(big, small))).toEqual({ limit: 'entryBytes' });
    const short = makeZip([{ name: 'a.bin', data: 'x'.repeat(1000), declaredSize: 10 }]);
    expect(await refusal(checkXlsx(short, small))).toEqual({ unreadable: true });
  });

  it('refuses too many entries and too many bytes in total', async () => {
    const many = makeZip(Array.from({ length: 6 }, (_, i) => ({ name: `f${i}`, data: 'x' })));
    expect(await refusal(checkXlsx(many, small))).toEqual({ limit: 'entries' });
    const parts = Array.from({ length: 4 }, (_, i) => ({ name: `f${i}`, data: 'y'.repeat(40 * 1024) }));
    expect(await refusal(checkXlsx(makeZip(parts), small))).toEqual({ limit: 'totalBytes' });
  });

  it('refuses too many rows, too many columns and a far-away cell', async () => {
    expect(await refusal(checkXlsx(sheet(sheetXml(51, 1)), small))).toEqual({ limit: 'rows' });
    expect(await refusal(checkXlsx(sheet(sheetXml(1, 11)), small))).toEqual({ limit: 'columns' });
    const far = '<worksheet><sheetData><row r="40"><c r="J40"><v>1</v></c></row></sheetData></worksheet>';
    expect(await refusal(checkXlsx(sheet(far), small))).toEqual({ limit: 'cells' });
    const xfd = '<worksheet><sheetData><row r="1"><c r="XFD1048576"/></row></sheetData></worksheet>';
    expect(await refusal(checkXlsx(sheet(xfd)))).toEqual({ limit: 'columns' });
  });

  it('counts rows and cells without positions and with a namespace prefix', async () => {
    const xml = `<x:worksheet><x:sheetData>${'<x:row><x:c><x:v>1</x:v></x:c><x:c/></x:row>'.repeat(45)}</x:sheetData></x:worksheet>`;
    expect(await checkXlsx(sheet(xml), small)).toMatchObject({ rows: 45, cells: 90 });
    // 45 rows of 5 cells: 225 cells, over the 200 allowed.
    expect(
      await refusal(checkXlsx(sheet(xml.replaceAll('<x:row>', '<x:row><x:c/><x:c/><x:c/>')), small)),
    ).toEqual({
      limit: 'cells',
    });
  });

  it('finds tags cut between inflated chunks', async () => {
    // ~2 MiB of rows: the inflater hands them over in 16 KiB chunks, splitting tags.
    const rows = '<row><c t="s"><v>1</v></c></row>'.repeat(9_000);
    const limits = { ...importLimits, maxRows: 9_001, maxEntryBytes: 4 * 1024 * 1024 };
    const long = `<row><c t="inlineStr"><is><t>${'p'.repeat(2_000_000)}</t></is></c></row>`;
    const xml = `<worksheet><sheetData>${rows}${long}</sheetData></worksheet>`;
    expect(await checkXlsx(sheet(xml), limits)).toMatchObject({ rows: 9_001, cells: 9_001 });
  });

  it('calls anything that is not a plain zip unreadable', async () => {
    for (const buf of [
      Buffer.from('PK\u0003\u0004 not really'),
      makeZip([{ name: 'a', data: 'x' }]).subarray(0, 40),
      Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100)]),
    ]) {
      expect(await refusal(checkXlsx(buf, small))).toEqual({ unreadable: true });
    }
    const encrypted = makeZip([{ name: 'a', data: 'x' }]);
    encrypted.writeUInt16LE(1, encrypted.length - 22 - 47 + 8 + 1);
    expect(await refusal(checkXlsx(encrypted, small))).toEqual({ unreadable: true });
  });
});

describe('checkCsvRecords', () => {
  it('allows a header and maxRows rows, and refuses more rows, columns or cells', () => {
    expect(() =>
      checkCsvRecords(
        Array.from({ length: 51 }, () => ['a']),
        small,
      ),
    ).not.toThrow();
    expect(() =>
      checkCsvRecords(
        Array.from({ length: 52 }, () => ['a']),
        small,
      ),
    ).toThrow(AppError);
    expect(() => checkCsvRecords([Array.from({ length: 11 }, () => 'a')], small)).toThrow(AppError);
    expect(() =>
      checkCsvRecords(
        Array.from({ length: 30 }, () => Array(10).fill('a')),
        small,
      ),
    ).toThrow(AppError);
  });
});
