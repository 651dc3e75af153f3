import { type ItemCreate, itemCreateSchema, itemStatuses } from '../../../shared/schemas/plans';
import type { ImportProblem } from '../results/results.import-rows';
import type { Table } from '../results/results.import-table';

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
  targets: { indicator: number; level: number }[];
  source: string;
  ownerUnit: string;
  assigneeEmail: string | null;
  startDate: string | null;
  dueDate: string | null;
  status: string;
  blockedReason: string | null;
  progress: number;
};

export const formatTargets = (t: { indicator: number; level: number }[]) =>
  t.map((x) => `${x.indicator}:${x.level}`).join('; ');

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

function parseTargets(text: string): { indicator: number; level: number }[] | string {
  if (!text.trim()) return [];
  const out: { indicator: number; level: number }[] = [];
  for (const part of text
    .split(/[;,]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^(\d+)\s*:\s*([1-5])$/.exec(part);
    if (!m) return `"${part}" bukan format indikator:tingkat / not indicator:level`;
    out.push({ indicator: Number(m[1]), level: Number(m[2]) });
  }
  return out;
}

export type SheetChange = { row: number; id: string; version: number; patch: Partial<ItemCreate> };
export type SheetCreate = { row: number; item: ItemCreate };

const executionKeys = new Set(['status', 'progress', 'blockedReason', 'assigneeId']);

export function validateSheet(
  table: Table,
  ctx: {
    items: Map<string, SheetItem & { assigneeId: string | null }>;
    userIdByEmail: Map<string, string>;
    planStatus: 'draft' | 'submitted' | 'approved';
  },
): { changes: SheetChange[]; creates: SheetCreate[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const col = new Map(table.header.map((h, i) => [h.trim().toLowerCase(), i]));
  for (const h of ['judul', 'status']) {
    if (!col.has(h))
      problems.push({ row: 1, field: h, message: 'kolom wajib tidak ada / required column missing' });
  }
  if (problems.length) return { changes: [], creates: [], problems };
  if (!table.rows.length)
    return {
      changes: [],
      creates: [],
      problems: [{ row: 2, field: '', message: 'berkas tidak berisi data / no data rows' }],
    };
  if (ctx.planStatus === 'submitted') {
    return {
      changes: [],
      creates: [],
      problems: [
        { row: 1, field: '', message: 'rencana sedang menunggu persetujuan / the plan awaits approval' },
      ],
    };
  }
  const get = (cells: string[], h: string) => (col.has(h) ? (cells[col.get(h)!] ?? '').trim() : '');
  const changes: SheetChange[] = [];
  const creates: SheetCreate[] = [];
  const seen = new Map<string, number>();
  table.rows.forEach((cells, i) => {
    const row = i + 2;
    if (cells.every((c) => !c.trim())) return;
    const rowProblems: ImportProblem[] = [];
    const targets = parseTargets(get(cells, 'indikator'));
    if (typeof targets === 'string') rowProblems.push({ row, field: 'indikator', message: targets });
    const email = get(cells, 'penanggung_jawab').toLowerCase();
    const assigneeId = email ? ctx.userIdByEmail.get(email) : null;
    if (email && !assigneeId)
      rowProblems.push({
        row,
        field: 'penanggung_jawab',
        message: `${email} bukan pengguna instansi ini / not a user of this body`,
      });
    const status = get(cells, 'status') || 'planned';
    if (!(itemStatuses as readonly string[]).includes(status)) {
      rowProblems.push({
        row,
        field: 'status',
        message: `salah satu dari / one of ${itemStatuses.join(', ')}`,
      });
    }
    const progressText = get(cells, 'progres');
    const candidate = {
      title: get(cells, 'judul'),
      description: get(cells, 'deskripsi'),
      targets: typeof targets === 'string' ? [] : targets,
      source: (get(cells, 'sumber') || 'manual') as ItemCreate['source'],
      ownerUnit: get(cells, 'unit_pemilik'),
      assigneeId: assigneeId ?? null,
      startDate: get(cells, 'mulai') || null,
      dueDate: get(cells, 'tenggat') || null,
      status: status as ItemCreate['status'],
      blockedReason: get(cells, 'alasan_terhambat') || null,
      progress: progressText === '' ? 0 : Number(progressText),
    };
    const parsed = itemCreateSchema.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field =
          {
            title: 'judul',
            progress: 'progres',
            startDate: 'mulai',
            dueDate: 'tenggat',
            source: 'sumber',
            blockedReason: 'alasan_terhambat',
          }[String(issue.path[0])] ?? String(issue.path[0]);
        rowProblems.push({ row, field, message: issue.message });
      }
    }
    const id = get(cells, 'id');
    if (id) {
      const first = seen.get(id);
      if (first)
        rowProblems.push({
          row,
          field: 'id',
          message: `duplikat baris ${first} / duplicate of row ${first}`,
        });
      seen.set(id, row);
      const current = ctx.items.get(id);
      if (!current)
        rowProblems.push({
          row,
          field: 'id',
          message: 'kegiatan tidak ada di rencana ini / no such item in this plan',
        });
      else {
        const version = Number(get(cells, 'versi'));
        if (version !== current.version) {
          rowProblems.push({
            row,
            field: 'versi',
            message: `diubah orang lain sejak diekspor (versi ${version || '?'}, sekarang ${current.version}) / changed since the export`,
          });
        }
        if (parsed.success && !rowProblems.length) {
          const next = parsed.data;
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
          const structural = Object.keys(patch).filter((k) => !executionKeys.has(k));
          if (ctx.planStatus === 'approved' && structural.length) {
            rowProblems.push({
              row,
              field: structural.join(', '),
              message:
                'rencana sudah disetujui: hanya status, progres dan penanggung jawab yang dapat diubah / approved plan: only status, progress and assignee can change',
            });
          } else if (Object.keys(patch).length) changes.push({ row, id, version, patch });
        }
      }
    } else if (parsed.success && !rowProblems.length) {
      if (ctx.planStatus !== 'draft') {
        rowProblems.push({
          row,
          field: 'id',
          message: 'kegiatan baru hanya pada rencana draf / new items only in a draft plan',
        });
      } else creates.push({ row, item: parsed.data });
    }
    problems.push(...rowProblems);
  });
  return { changes, creates, problems };
}
