import type { DbOrTx } from '../../db/client';
import { findFramework } from '../frameworks/frameworks.registry';
import type { DownloadTable } from './results.download';
import { templateHeader } from './results.import-rows';

/** An empty import file with the columns the import expects and one example row. */
export async function importTemplate(
  db: DbOrTx,
  frameworkId: string,
  format: 'csv' | 'xlsx',
): Promise<DownloadTable> {
  const framework = await findFramework(db, frameworkId);
  const header = templateHeader(framework);
  const example = ['32.11', '2024', '4,51', ...header.slice(3, -1).map(() => ''), 'Sumber publikasi'];
  return {
    name: `impor-hasil-resmi-${framework.id}`,
    sheet: 'Hasil resmi',
    header,
    // A spreadsheet holds the number itself; CSV shows the Indonesian decimal comma the import accepts.
    rows: [format === 'xlsx' ? example.map((v) => v.replace(',', '.')) : example],
  };
}
