import { z } from 'zod';

export const planStatuses = ['draft', 'submitted', 'approved'] as const;
export const itemStatuses = ['planned', 'in_progress', 'blocked', 'done', 'verified'] as const;
export const itemSources = ['gap', 'optimiser', 'visit', 'manual'] as const;
export type ItemStatus = (typeof itemStatuses)[number];

const isoDate = z.iso.date({ message: 'Tanggal YYYY-MM-DD / date YYYY-MM-DD' });
export const periodSchema = z
  .string()
  .trim()
  .regex(/^\d{4}(-(S[12]|Q[1-4]))?$/, {
    message: 'Periode mis. 2026, 2026-S1 atau 2026-Q3 / period e.g. 2026, 2026-S1 or 2026-Q3',
  });

export const targetSchema = z.object({
  indicator: z.number().int().positive(),
  level: z.number().int().min(1).max(5),
});

const itemFields = {
  title: z.string().trim().min(3).max(300),
  description: z.string().max(10_000).default(''),
  targets: z.array(targetSchema).max(47).default([]),
  source: z.enum(itemSources).default('manual'),
  sourceRef: z.string().trim().max(200).nullable().optional(),
  /** The catalogue practice this item implements (replikasi), if any. */
  practiceId: z.uuid().nullable().optional(),
  ownerUnit: z.string().trim().max(200).default(''),
  assigneeId: z.uuid().nullable().optional(),
  startDate: isoDate.nullable().optional(),
  dueDate: isoDate.nullable().optional(),
  status: z.enum(itemStatuses).default('planned'),
  blockedReason: z.string().trim().max(1000).nullable().optional(),
  progress: z.number().int().min(0).max(100).default(0),
};

const datesInOrder = (v: { startDate?: string | null; dueDate?: string | null }) =>
  !v.startDate || !v.dueDate || v.dueDate >= v.startDate;
const blockedHasReason = (v: { status?: string; blockedReason?: string | null }) =>
  v.status !== 'blocked' || !!v.blockedReason?.trim();

export const itemCreateSchema = z
  .object(itemFields)
  .refine(datesInOrder, { path: ['dueDate'], message: 'Sebelum tanggal mulai / before the start date' })
  .refine(blockedHasReason, {
    path: ['blockedReason'],
    message: 'Alasan wajib bila terhambat / a reason is required when blocked',
  });
export type ItemCreate = z.infer<typeof itemCreateSchema>;

// A patch names only what changes (no defaults), plus the version it was made from.
export const itemPatchSchema = z
  .object({
    title: itemFields.title.optional(),
    description: z.string().max(10_000).optional(),
    targets: z.array(targetSchema).max(47).optional(),
    practiceId: itemFields.practiceId,
    ownerUnit: z.string().trim().max(200).optional(),
    assigneeId: itemFields.assigneeId,
    startDate: itemFields.startDate,
    dueDate: itemFields.dueDate,
    status: z.enum(itemStatuses).optional(),
    blockedReason: itemFields.blockedReason,
    progress: z.number().int().min(0).max(100).optional(),
    version: z.number().int().min(1),
  })
  .refine(datesInOrder, { path: ['dueDate'], message: 'Sebelum tanggal mulai / before the start date' })
  .refine(blockedHasReason, {
    path: ['blockedReason'],
    message: 'Alasan wajib bila terhambat / a reason is required when blocked',
  });
export type ItemPatch = z.infer<typeof itemPatchSchema>;

export const bulkBodySchema = z.object({
  itemIds: z.array(z.uuid()).min(1).max(500),
  patch: z
    .object({
      status: z.enum(itemStatuses).optional(),
      assigneeId: z.uuid().nullable().optional(),
      ownerUnit: z.string().trim().max(200).optional(),
      dueDate: isoDate.nullable().optional(),
      blockedReason: z.string().trim().max(1000).nullable().optional(),
    })
    .refine((p) => Object.keys(p).length > 0, { message: 'Tidak ada perubahan / nothing to change' })
    .refine(blockedHasReason, {
      path: ['blockedReason'],
      message: 'Alasan wajib bila terhambat / a reason is required when blocked',
    }),
});

export const fromStepsBodySchema = z.object({
  source: z.enum(['optimiser', 'gap', 'visit']).default('optimiser'),
  sourceRef: z.string().trim().max(200).nullable().optional(),
  dueDate: isoDate.nullable().optional(),
  steps: z
    .array(z.object({ indicator: z.number().int().positive(), to: z.number().int().min(2).max(5) }))
    .min(1)
    .max(200),
});

export const itemQuerySchema = z.object({
  status: z.enum(itemStatuses).optional(),
  assignee: z.uuid().optional(),
  indicator: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(100).optional(),
  overdue: z.enum(['true', 'false']).optional(),
});

export const itemSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  targets: z.array(targetSchema),
  source: z.enum(itemSources),
  sourceRef: z.string().nullable(),
  practice: z.object({ id: z.string(), title: z.string() }).nullable(),
  ownerUnit: z.string(),
  assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
  startDate: z.string().nullable(),
  dueDate: z.string().nullable(),
  status: z.enum(itemStatuses),
  blockedReason: z.string().nullable(),
  progress: z.number().int(),
  version: z.number().int(),
  overdue: z.boolean(),
  evidence: z.array(z.object({ id: z.string(), name: z.string() })),
  commentCount: z.number().int(),
  isSample: z.boolean(),
  updatedAt: z.string(),
});
export type ActionItem = z.infer<typeof itemSchema>;

export const planSummarySchema = z.object({
  id: z.string(),
  org: z.object({ code: z.string(), name: z.string() }),
  period: z.string(),
  status: z.enum(planStatuses),
  approvedVersion: z.number().int(),
  itemCount: z.number().int(),
  doneCount: z.number().int(),
  overdueCount: z.number().int(),
  isSample: z.boolean(),
});
export type PlanSummary = z.infer<typeof planSummarySchema>;

export const planAbilitiesSchema = z.object({
  editItems: z.boolean(),
  updateProgress: z.boolean(),
  submit: z.boolean(),
  approve: z.boolean(),
  return: z.boolean(),
  revise: z.boolean(),
  verify: z.boolean(),
});
