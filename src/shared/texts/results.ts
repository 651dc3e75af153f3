import { defineTexts } from './table';

// Texts of official results (shared/framework/official-result.ts: the entry form and the bulk
// import share these), the import file reader and checks, and saved scenarios.
export const resultTexts = defineTexts({
  OFFICIAL_NOT_A_NUMBER: { id: 'Harus berupa angka', en: 'Must be a number' },
  OFFICIAL_TWO_DECIMALS: { id: 'Paling banyak 2 desimal', en: 'At most 2 decimals' },
  OFFICIAL_RANGE: { id: 'Antara 1 dan 5', en: 'Between 1 and 5' },
  OFFICIAL_ALL_LEVELS: {
    id: 'Semua tingkat indikator harus diisi bila salah satu diisi',
    en: 'All levels are required once one is given',
  },
  OFFICIAL_LEVEL_INTEGER: { id: 'Tingkat bulat 1–5', en: 'An integer level 1–5' },
  OFFICIAL_UNKNOWN_INDICATOR: { id: 'Indikator tidak dikenal', en: 'Unknown indicator' },
  OFFICIAL_ALL_DOMAINS: { id: 'Semua domain harus diisi', en: 'All domains are required' },
  OFFICIAL_UNKNOWN_DOMAIN: { id: 'Domain tidak dikenal', en: 'Unknown domain' },
  OFFICIAL_LEVELS_MISMATCH: {
    id: (p) => `Tidak sesuai dengan tingkat indikator (${p.computed})`,
    en: (p) => `Does not match the indicator levels (${p.computed})`,
  },
  OFFICIAL_INDEX_REQUIRED: { id: 'Indeks wajib diisi', en: 'The index is required' },

  IMPORT_UNKNOWN_COLUMN: { id: 'Kolom tidak dikenal', en: 'Unknown column' },
  IMPORT_DUPLICATE_COLUMN: { id: 'Kolom ganda', en: 'Duplicate column' },
  IMPORT_REQUIRED_COLUMN: { id: 'Kolom wajib tidak ada', en: 'Required column missing' },
  IMPORT_NO_ROWS: { id: 'Berkas tidak berisi data', en: 'The file has no data rows' },
  IMPORT_UNKNOWN_ORG: {
    id: (p) => `Kode "${p.code}" tidak dikenal`,
    en: (p) => `Unknown code "${p.code}"`,
  },
  IMPORT_REQUIRED: { id: 'Wajib diisi', en: 'Required' },
  IMPORT_YEAR_INVALID: { id: 'Tahun tidak valid', en: 'Invalid year' },
  IMPORT_YEAR_OTHER_FRAMEWORK: {
    id: (p) => `Tahun ${p.year} tidak dievaluasi dengan kerangka ${p.framework}`,
    en: (p) => `Year ${p.year} was not evaluated on framework ${p.framework}`,
  },
  IMPORT_TOO_LONG: { id: (p) => `Maksimal ${p.max} karakter`, en: (p) => `At most ${p.max} characters` },
  IMPORT_DUPLICATE_ROW: {
    id: (p) => `Duplikat baris ${p.first}`,
    en: (p) => `Duplicate of row ${p.first}`,
  },
  TABLE_XLSX_UNREADABLE: { id: 'Berkas XLSX tidak dapat dibaca', en: 'The XLSX file cannot be read' },
  // The import limits (platform/spreadsheet-guard.ts): the reply names the one that was hit.
  SHEET_LIMIT_ENTRIES: {
    id: (p) => `Berkas XLSX berisi lebih dari ${p.max} bagian (entri zip)`,
    en: (p) => `The XLSX file has more than ${p.max} parts (zip entries)`,
  },
  SHEET_LIMIT_ENTRY_BYTES: {
    id: (p) => `Satu bagian berkas XLSX lebih dari ${p.max} setelah diekstrak`,
    en: (p) => `One part of the XLSX file is over ${p.max} once uncompressed`,
  },
  SHEET_LIMIT_TOTAL_BYTES: {
    id: (p) => `Berkas XLSX lebih dari ${p.max} setelah diekstrak`,
    en: (p) => `The XLSX file is over ${p.max} once uncompressed`,
  },
  SHEET_LIMIT_ROWS: {
    id: (p) => `Lembar kerja lebih dari ${p.max} baris`,
    en: (p) => `The sheet has more than ${p.max} rows`,
  },
  SHEET_LIMIT_COLUMNS: {
    id: (p) => `Lembar kerja lebih dari ${p.max} kolom`,
    en: (p) => `The sheet has more than ${p.max} columns`,
  },
  SHEET_LIMIT_CELLS: {
    id: (p) => `Lembar kerja lebih dari ${p.max} sel`,
    en: (p) => `The sheet has more than ${p.max} cells`,
  },
  SHEET_LIMIT_MEMORY: {
    id: (p) => `Membaca lembar kerja ini memerlukan lebih dari ${p.max} memori`,
    en: (p) => `Reading this sheet needs more than ${p.max} of memory`,
  },
  TABLE_CSV_INVALID: { id: (p) => `CSV tidak valid: ${p.reason}`, en: (p) => `Invalid CSV: ${p.reason}` },
});
