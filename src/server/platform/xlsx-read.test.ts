import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from './app-error';
import { readXlsxRows } from './xlsx-read';

async function workbook(rows: unknown[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('x');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('readXlsxRows (ExcelJS in a worker with a heap limit)', () => {
  it('reads the first sheet as trimmed strings, empty cells included', async () => {
    const buf = await workbook([
      ['kode', 'tahun', 'catatan'],
      ['32.05', 2024, ' ada '],
      ['32.11', null, new Date('2026-01-31T00:00:00Z')],
    ]);
    expect(await readXlsxRows(buf)).toEqual({
      header: ['kode', 'tahun', 'catatan'],
      rows: [
        ['32.05', '2024', 'ada'],
        ['32.11', '', '2026-01-31'],
      ],
    });
  });

  it('answers null for a zip that is not a workbook', async () => {
    const zip = await new ExcelJS.Workbook().xlsx.writeBuffer();
    expect(await readXlsxRows(Buffer.from(zip).subarray(0, 100))).toBeNull();
  });

  it('turns a worker out of memory into 413, and the process carries on', async () => {
    const buf = await workbook(
      Array.from({ length: 20_000 }, (_, i) => [`baris ${i}`, i, 'teks '.repeat(20)]),
    );
    const err = await readXlsxRows(buf, 16).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).details).toMatchObject({ limit: 'memory' });
  });
});
