import { Worker } from 'node:worker_threads';
import { overLimit } from './spreadsheet-guard';

// ExcelJS runs in a worker thread with its own heap limit: the spreadsheet guard bounds what a
// file can ask for (cells, bytes), and this bounds what a file that passes can actually cost. A
// workbook that needs more than the limit ends its worker (ERR_WORKER_OUT_OF_MEMORY), not the
// process. ~0.8 KiB per cell × 400,000 cells (the guard's limit) fits in 512 MiB with room.
const HEAP_LIMIT_MB = 512;

export type SheetRows = { header: string[]; rows: string[][] };

/** The first worksheet as strings; null when ExcelJS cannot read the file. */
export function readXlsxRows(buf: Buffer, heapLimitMb = HEAP_LIMIT_MB): Promise<SheetRows | null> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./xlsx-read.worker.mjs', import.meta.url), {
      workerData: buf,
      resourceLimits: { maxOldGenerationSizeMb: heapLimitMb, maxYoungGenerationSizeMb: 64 },
    });
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      f();
    };
    worker.once('message', (m: SheetRows | { unreadable: true }) => {
      settle(() => resolve('unreadable' in m ? null : m));
      void worker.terminate();
    });
    worker.once('error', (err: Error & { code?: string }) =>
      settle(() =>
        reject(
          err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? overLimit('memory', heapLimitMb * 1024 * 1024) : err,
        ),
      ),
    );
    worker.once('exit', (code) => settle(() => reject(new Error(`xlsx reader exited with code ${code}`))));
  });
}
