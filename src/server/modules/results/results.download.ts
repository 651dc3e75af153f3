import type { FastifyReply } from 'fastify';
import { toCsv } from '../../platform/csv';
import { attachment } from '../../platform/file-names';
import { toXlsx } from '../../platform/xlsx';

// One way to offer a table as a download (assessment export, import template): CSV or XLSX.
export type DownloadTable = { name: string; sheet: string; header: string[]; rows: unknown[][] };

export async function sendTable(reply: FastifyReply, format: 'csv' | 'xlsx', t: DownloadTable) {
  if (format === 'xlsx') {
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', attachment(`${t.name}.xlsx`))
      .send(await toXlsx(t.sheet, t.header, t.rows));
  }
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', attachment(`${t.name}.csv`))
    .send(toCsv(t.header, t.rows));
}
