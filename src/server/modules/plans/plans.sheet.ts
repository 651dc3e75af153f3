import {
  type ItemCreate,
  itemCreateSchema,
  itemStatuses,
  type PlanStatus,
  type Target,
} from '../../../shared/contracts/plans';
import type { TextKey, TextParams } from '../../../shared/texts';
import type { Table } from '../results/results.import-table';
import { editableItemFields, executionFields } from './plans.policy';

// The plan as a spreadsheet and back: export for offline editing, then validate every row of the
// returned file. Pure: no database. Rows with an id change that item (only if it was not changed
// since the export: the version column); rows without an id are new items.

export const sheetHeader = [
  'id',
  'versi',
  'judul',
  'deskripsi',
  'indikator',
  'sumber',
  'unit_pemilik',
  'penanggung_jawab',
  'mulai',
  'tenggat',
  'status',
  'alasan_terhambat',
  'progres',
] as const;

export type SheetItem = {
  id: string;
  version: number;
  title: string;
  description: string;
  targets: Target[];
  source: string;
  ownerUnit: string;
  assigneeEmail: string | null;
  startDate: string | null;
  dueDate: string | null;
  status: string;
  blockedReason: string | null;
  progress: number;
};

export const formatTargets = (t: Target[]) => t.map((x) => `${x.indicator}:${x.level}`).join('; ');

export function toSheetRows(items: SheetItem[]): unknown[][] {
  return items.map((i) => [
    i.id,
    i.version,
    i.title,
    i.description,
    formatTargets(i.targets),
    i.source,
    i.ownerUnit,
    i.assigneeEmail ?? '',
    i.startDate ?? '',
    i.dueDate ?? '',
    i.status,
    i.blockedReason ?? '',
    i.progress,
  ]);
}

function parseTargets(text: string): Target[] | { part: string } {
  if (!text.trim()) return [];
  const out: Target[] = [];
  for (const part of text
    .split(/[;,]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^(\d+)\s*:\s*([1-5])$/.exec(part);
    if (!m) return { part };
    out.push({ indicator: Number(m[1]), level: Number(m[2]) });
  }
  return out;
}

export type SheetChange = { row: number; id: string; version: number; patch: Partial<ItemCreate> };
export type SheetCreate = { row: number; item: ItemCreate };
/** A row's problem: `message` is a text key (with its params) or a schema's own message. */
export type SheetProblem = { row: number; field: string; message: TextKey | string; params?: TextParams };
type Current = SheetItem & { assigneeId: string | null };
type Context = { items: Map<string, Current>; userIdByEmail: Map<string, string>; planStatus: PlanStatus };

/** Sheet column for each item field the schema may complain about. */
const columnOf: Record<string, string> = {
  title: 'judul',
  progress: 'progres',
  startDate: 'mulai',
  dueDate: 'tenggat',
  source: 'sumber',
  blockedReason: 'alasan_terhambat',
};

/** One row read into an item (and its problems), before it is compared with the plan. */
function readRow(row: number, get: (h: string) => string, ctx: Context) {
  const problems: SheetProblem[] = [];
  const targets = parseTargets(get('indikator'));
  if (!Array.isArray(targets)) {
    problems.push({ row, field: 'indikator', message: 'PLAN_SHEET_TARGET_FORMAT', params: targets });
  }
  const email = get('penanggung_jawab').toLowerCase();
  const assigneeId = email ? ctx.userIdByEmail.get(email) : null;
  if (email && !assigneeId) {
    problems.push({ row, field: 'penanggung_jawab', message: 'PLAN_SHEET_NOT_A_MEMBER', params: { email } });
  }
  const status = get('status') || 'planned';
  if (!(itemStatuses as readonly string[]).includes(status)) {
    const statuses = itemStatuses.join(', ');
    problems.push({ row, field: 'status', message: 'PLAN_SHEET_STATUS_ONE_OF', params: { statuses } });
  }
  const progressText = get('progres');
  const parsed = itemCreateSchema.safeParse({
    title: get('judul'),
    description: get('deskripsi'),
    targets: Array.isArray(targets) ? targets : [],
    source: get('sumber') || 'manual',
    ownerUnit: get('unit_pemilik'),
    assigneeId: assigneeId ?? null,
    startDate: get('mulai') || null,
    dueDate: get('tenggat') || null,
    status,
    blockedReason: get('alasan_terhambat') || null,
    progress: progressText === '' ? 0 : Number(progressText),
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0]);
      problems.push({ row, field: columnOf[key] ?? key, message: issue.message });
    }
  }
  return { item: parsed.success ? parsed.data : null, problems };
}

/** What an edited row changes in its item (only fields that really differ). */
function changesOf(next: ItemCreate, current: Current): Partial<ItemCreate> {
  const patch: Partial<ItemCreate> = {};
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  if (!same(next.title, current.title)) patch.title = next.title;
  if (!same(next.description, current.description)) patch.description = next.description;
  // jsonb reorders object keys, so targets are compared in their written form.
  if (formatTargets(next.targets) !== formatTargets(current.targets)) patch.targets = next.targets;
  if (!same(next.ownerUnit, current.ownerUnit)) patch.ownerUnit = next.ownerUnit;
  if (!same(next.assigneeId, current.assigneeId)) patch.assigneeId = next.assigneeId;
  if (!same(next.startDate, current.startDate)) patch.startDate = next.startDate;
  if (!same(next.dueDate, current.dueDate)) patch.dueDate = next.dueDate;
  if (!same(next.status, current.status)) patch.status = next.status;
  if (!same(next.blockedReason, current.blockedReason) && next.status === 'blocked')
    patch.blockedReason = next.blockedReason;
  if (!same(next.progress, current.progress) && next.status !== 'done' && next.status !== 'verified')
    patch.progress = next.progress;
  return patch;
}

const executionKeys = new Set<string>(executionFields);
const refuse = (problem: SheetProblem) => ({ changes: [], creates: [], problems: [problem] });

export function validateSheet(
  table: Table,
  ctx: Context,
): { changes: SheetChange[]; creates: SheetCreate[]; problems: SheetProblem[] } {
  const col = new Map(table.header.map((h, i) => [h.trim().toLowerCase(), i]));
  const missing = ['judul', 'status'].filter((h) => !col.has(h));
  if (missing.length) {
    const problems = missing.map((field) => ({ row: 1, field, message: 'PLAN_SHEET_COLUMN_MISSING' }));
    return { changes: [], creates: [], problems };
  }
  if (!table.rows.length) return refuse({ row: 2, field: '', message: 'PLAN_SHEET_NO_ROWS' });
  const editable = editableItemFields(ctx.planStatus);
  if (editable === 'none') return refuse({ row: 1, field: '', message: 'PLAN_SHEET_AWAITS_APPROVAL' });
  const changes: SheetChange[] = [];
  const creates: SheetCreate[] = [];
  const problems: SheetProblem[] = [];
  const seen = new Map<string, number>();
  table.rows.forEach((cells, i) => {
    const row = i + 2;
    if (cells.every((c) => !c.trim())) return;
    const get = (h: string) => (col.has(h) ? (cells[col.get(h)!] ?? '').trim() : '');
    const { item, problems: rowProblems } = readRow(row, get, ctx);
    const id = get('id');
    if (!id) {
      if (item && !rowProblems.length) {
        if (editable !== 'all')
          rowProblems.push({ row, field: 'id', message: 'PLAN_SHEET_NEW_ONLY_IN_DRAFT' });
        else creates.push({ row, item });
      }
      problems.push(...rowProblems);
      return;
    }
    const first = seen.get(id);
    if (first) rowProblems.push({ row, field: 'id', message: 'PLAN_SHEET_DUPLICATE_ROW', params: { first } });
    seen.set(id, row);
    const current = ctx.items.get(id);
    if (!current) {
      rowProblems.push({ row, field: 'id', message: 'PLAN_SHEET_NO_SUCH_ITEM' });
    } else {
      const version = Number(get('versi'));
      if (version !== current.version) {
        rowProblems.push({
          row,
          field: 'versi',
          message: 'PLAN_SHEET_CHANGED_SINCE_EXPORT',
          params: { version: version || '?', current: current.version },
        });
      }
      if (item && !rowProblems.length) {
        const patch = changesOf(item, current);
        const structural = Object.keys(patch).filter((k) => !executionKeys.has(k));
        if (editable === 'execution' && structural.length) {
          rowProblems.push({ row, field: structural.join(', '), message: 'PLAN_SHEET_EXECUTION_ONLY' });
        } else if (Object.keys(patch).length) changes.push({ row, id, version, patch });
      }
    }
    problems.push(...rowProblems);
  });
  return { changes, creates, problems };
}
