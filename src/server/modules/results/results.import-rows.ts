import { yearSchema } from '../../../shared/contracts/assessments';
import { appliesTo } from '../../../shared/framework/framework-for-year';
import type { Framework } from '../../../shared/framework/framework-schema';
import { type OfficialResultValue, validateOfficialResult } from '../../../shared/framework/official-result';
import type { TextKey, TextParams } from '../../../shared/texts';
import type { Table } from './results.import-table';

// Turns the rows of an official-results file into validated records, or a report of every
// problem with its row number (row 1 is the header). Pure: no database, no I/O.

/** `message` is a text key (or, from other importers, a plain message); the report localises it. */
export type ImportProblem = { row: number; field: string; message: string; params?: TextParams };
export type ImportRecord = OfficialResultValue & { row: number; orgId: string; year: number; source: string };

const aliases: Record<string, string> = {
  kode_instansi: 'org',
  kode: 'org',
  org_code: 'org',
  code: 'org',
  tahun: 'year',
  year: 'year',
  indeks: 'index',
  index: 'index',
  sumber: 'source',
  source: 'source',
};

function columnKey(header: string, framework: Framework): string | null {
  const h = header.trim().toLowerCase().replace(/\s+/g, '_');
  if (aliases[h]) return aliases[h];
  const domain = framework.groups.find(
    (g) => g.code.toLowerCase() === h || `domain_${g.code.slice(1)}` === h,
  );
  if (domain) return `domain:${domain.code}`;
  const ind = /^(?:i|indikator_?)(\d+)$/.exec(h);
  if (ind) return `level:${Number(ind[1])}`;
  return null;
}

/** The year schema's own message (a key with its bound), or a generic one for a non-number. */
function yearProblem(issue: { message: string; minimum?: unknown; maximum?: unknown } | undefined) {
  if (issue?.message === 'YEAR_TOO_EARLY' || issue?.message === 'YEAR_TOO_LATE') {
    return {
      message: issue.message,
      params: { min: Number(issue.minimum ?? 0), max: Number(issue.maximum ?? 0) },
    };
  }
  return { message: 'IMPORT_YEAR_INVALID' satisfies TextKey };
}

export function templateHeader(framework: Framework): string[] {
  return [
    'kode_instansi',
    'tahun',
    'indeks',
    ...framework.groups.map((g) => g.code),
    ...framework.indicators.map((i) => `i${i.number}`),
    'sumber',
  ];
}

export function validateImport(
  table: Table,
  framework: Framework,
  orgIdByCode: Map<string, string>,
): { records: ImportRecord[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const keys = table.header.map((h) => columnKey(h, framework));
  table.header.forEach((h, i) => {
    if (h.trim() && keys[i] === null)
      problems.push({ row: 1, field: h, message: 'IMPORT_UNKNOWN_COLUMN' satisfies TextKey });
  });
  const seenKeys = keys.filter((k) => k !== null);
  for (const k of new Set(seenKeys)) {
    if (seenKeys.indexOf(k) !== seenKeys.lastIndexOf(k)) {
      problems.push({ row: 1, field: k, message: 'IMPORT_DUPLICATE_COLUMN' satisfies TextKey });
    }
  }
  for (const required of ['org', 'year']) {
    if (!keys.includes(required)) {
      problems.push({
        row: 1,
        field: required === 'org' ? 'kode_instansi' : 'tahun',
        message: 'IMPORT_REQUIRED_COLUMN' satisfies TextKey,
      });
    }
  }
  if (problems.length) return { records: [], problems };
  if (!table.rows.length) {
    return {
      records: [],
      problems: [{ row: 2, field: '', message: 'IMPORT_NO_ROWS' satisfies TextKey }],
    };
  }

  const records: ImportRecord[] = [];
  const firstRowOf = new Map<string, number>();
  table.rows.forEach((cells, i) => {
    const row = i + 2;
    const raw = {
      index: undefined as unknown,
      domains: {} as Record<string, unknown>,
      levels: {} as Record<string, unknown>,
    };
    let org = '';
    let year = '';
    let source = '';
    keys.forEach((k, c) => {
      const v = cells[c] ?? '';
      if (k === 'org') org = v.trim();
      else if (k === 'year') year = v.trim();
      else if (k === 'source') source = v;
      else if (k === 'index') raw.index = v;
      else if (k?.startsWith('domain:')) raw.domains[k.slice(7)] = v;
      else if (k?.startsWith('level:')) raw.levels[k.slice(6)] = v;
    });
    const rowProblems: ImportProblem[] = [];
    const orgId = orgIdByCode.get(org);
    if (!orgId) {
      rowProblems.push({
        row,
        field: 'kode_instansi',
        ...(org
          ? { message: 'IMPORT_UNKNOWN_ORG' satisfies TextKey, params: { code: org } }
          : { message: 'IMPORT_REQUIRED' satisfies TextKey }),
      });
    }
    const y = yearSchema.safeParse(year === '' ? undefined : year);
    if (!y.success) rowProblems.push({ row, field: 'tahun', ...yearProblem(y.error.issues[0]) });
    // A result belongs to the framework that evaluated its year: a file of one framework cannot
    // carry a year another framework evaluated (it would be compared with the wrong results).
    else if (!appliesTo(framework, y.data)) {
      rowProblems.push({
        row,
        field: 'tahun',
        message: 'IMPORT_YEAR_OTHER_FRAMEWORK' satisfies TextKey,
        params: { year: y.data, framework: framework.id },
      });
    }
    if (source.length > 500) {
      rowProblems.push({
        row,
        field: 'sumber',
        message: 'IMPORT_TOO_LONG' satisfies TextKey,
        params: { max: 500 },
      });
    }
    const result = validateOfficialResult(framework, raw);
    for (const p of result.problems) rowProblems.push({ row, ...p });
    if (orgId && y.success) {
      const key = `${orgId}|${y.data}`;
      const first = firstRowOf.get(key);
      if (first)
        rowProblems.push({
          row,
          field: 'kode_instansi',
          message: 'IMPORT_DUPLICATE_ROW' satisfies TextKey,
          params: { first },
        });
      else firstRowOf.set(key, row);
    }
    if (rowProblems.length || !result.value || !orgId || !y.success) {
      problems.push(...rowProblems);
      return;
    }
    records.push({ ...result.value, row, orgId, year: y.data, source: source.trim() });
  });
  return { records, problems };
}
