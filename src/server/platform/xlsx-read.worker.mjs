// Reads the first worksheet of an .xlsx into rows of strings, in a worker thread started by
// xlsx-read.ts with a memory limit. Plain JavaScript on purpose: a worker loads its file with
// Node's own loader, which cannot read TypeScript under the test runner (vitest transforms only
// the main thread) — this file must load the same way in production, tests and drills.
import { parentPort, workerData } from 'node:worker_threads';
import ExcelJS from 'exceljs';

function cellText(v) {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('result' in v) return cellText(v.result);
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return String(v.text);
  }
  return String(v);
}

const wb = new ExcelJS.Workbook();
let loaded = true;
try {
  await wb.xlsx.load(workerData);
} catch {
  loaded = false;
}
const ws = loaded ? wb.worksheets[0] : undefined;
if (!loaded) {
  parentPort.postMessage({ unreadable: true });
} else if (!ws) {
  parentPort.postMessage({ header: [], rows: [] });
} else {
  const width = ws.columnCount;
  const all = [];
  ws.eachRow({ includeEmpty: true }, (row) => {
    const cells = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value).trim());
    all.push(cells);
  });
  const [header = [], ...rows] = all;
  parentPort.postMessage({ header, rows });
}
