import ExcelJS from 'exceljs';
import { neutraliseFormulaText } from './csv';

// Cells that could start like a formula are stored as text, never as formulas: the same rule as
// CSV (a sheet is often saved as CSV and reopened in another locale).
function safeCell(v: unknown): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  return neutraliseFormulaText(String(v));
}

/** One worksheet with a bold, frozen header row. */
export async function toXlsx(sheet: string, header: string[], rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(header);
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r.map(safeCell));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
