import { z } from 'zod';
import type { TextKey } from '../texts';
import { data, idReplySchema } from './common';
import { isoDate, orgRefSchema } from './fields';

// Action plans (rencana aksi): one contract for the database enums, the server's routes and the
// web's hooks. The rules (who may do what, in which status) live in modules/plans/plans.policy.ts;
// what they allow travels with each record as `abilities`.

export const planStatuses = ['draft', 'submitted', 'approved'] as const;
export type PlanStatus = (typeof planStatuses)[number];
export const planActions = ['submit', 'approve', 'return', 'revise'] as const;
export type PlanAction = (typeof planActions)[number];
export const itemStatuses = ['planned', 'in_progress', 'blocked', 'done', 'verified'] as const;
export type ItemStatus = (typeof itemStatuses)[number];
export const itemSources = ['gap', 'optimiser', 'visit', 'manual'] as const;
export type ItemSource = (typeof itemSources)[number];

export const periodSchema = z
  .string()
  .trim()
  .regex(/^\d{4}(-(S[12]|Q[1-4]))?$/, { message: 'PLAN_PERIOD_FORMAT' satisfies TextKey });

export const targetSchema = z.object({
  indicator: z.number().int().positive(),
  level: z.number().int().min(1).max(5),
});
export type Target = z.infer<typeof targetSchema>;

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
const dueBeforeStart = { path: ['dueDate'], message: 'PLAN_DUE_BEFORE_START' satisfies TextKey };
const blockedHasReason = (v: { status?: string; blockedReason?: string | null }) =>
  v.status !== 'blocked' || !!v.blockedReason?.trim();
const reasonRequired = {
  path: ['blockedReason'],
  message: 'PLAN_BLOCKED_REASON_REQUIRED' satisfies TextKey,
};

export const itemCreateSchema = z
  .object(itemFields)
  .refine(datesInOrder, dueBeforeStart)
  .refine(blockedHasReason, reasonRequired);
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
  .refine(datesInOrder, dueBeforeStart)
  .refine(blockedHasReason, reasonRequired);
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
    .refine((p) => Object.keys(p).length > 0, { message: 'PLAN_NOTHING_TO_CHANGE' satisfies TextKey })
    .refine(blockedHasReason, reasonRequired),
});
export type BulkBody = z.infer<typeof bulkBodySchema>;

export const fromStepsBodySchema = z.object({
  source: z.enum(['optimiser', 'gap', 'visit']).default('optimiser'),
  sourceRef: z.string().trim().max(200).nullable().optional(),
  dueDate: isoDate.nullable().optional(),
  /** The framework the steps were computed on: refused unless it is the plan's. */
  frameworkId: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .optional(),
  steps: z
    .array(z.object({ indicator: z.number().int().positive(), to: z.number().int().min(2).max(5) }))
    .min(1)
    .max(200),
});
export type FromStepsBody = z.infer<typeof fromStepsBodySchema>;

export const itemQuerySchema = z.object({
  status: z.enum(itemStatuses).optional(),
  assignee: z.uuid().optional(),
  indicator: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(100).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  /** Open items without an owner (neither unit nor assignee) or without a due date. */
  missing: z.enum(['owner', 'dueDate']).optional(),
});
export type ItemQuery = z.infer<typeof itemQuerySchema>;

export const planCreateSchema = z.object({ period: periodSchema });
export const commentBodySchema = z.object({ body: z.string().trim().min(1).max(5000) });
export const exportQuerySchema = z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') });

// Route parameters, shared by the plan and item routes.
export const planParamsSchema = z.object({ id: z.uuid() });
export const itemParamsSchema = planParamsSchema.extend({ itemId: z.uuid() });
export const itemFileParamsSchema = itemParamsSchema.extend({ fileId: z.uuid() });
export const transitionParamsSchema = planParamsSchema.extend({ action: z.enum(planActions) });
/**
 * Approving a plan whose open items lack an owner or a due date needs the leader's explicit
 * acknowledgement (409 PLAN_INCOMPLETE_ITEMS without it); the other actions take no body.
 */
export const transitionBodySchema = z.preprocess(
  // No body at all (the other actions) is the same as an empty one.
  (v) => v ?? {},
  z.object({ acknowledgeIncomplete: z.boolean().default(false) }),
);
export type TransitionBody = z.infer<typeof transitionBodySchema>;
export const versionParamsSchema = planParamsSchema.extend({ version: z.coerce.number().int().min(1) });

// ---- Replies -------------------------------------------------------------------------------

/** What the caller may do with a plan (modules/plans/plans.policy.ts answers it). */
export const planAbilitiesSchema = z.object({
  /** Maintain the plan (its editors): add items, link evidence, import, whatever the status allows. */
  maintain: z.boolean(),
  /** Add, change and delete items' every field (a draft plan). */
  editItems: z.boolean(),
  /** Change items' execution fields: status, progress, assignee (a draft or approved plan). */
  updateProgress: z.boolean(),
  submit: z.boolean(),
  approve: z.boolean(),
  return: z.boolean(),
  revise: z.boolean(),
  /** Mark items verified (the body's reviewers). */
  verify: z.boolean(),
  comment: z.boolean(),
  /** Send an edited export back. */
  import: z.boolean(),
});
export type PlanAbilities = z.infer<typeof planAbilitiesSchema>;

/** What the caller may do with one item. */
export const itemAbilitiesSchema = z.object({
  edit: z.boolean(),
  update: z.boolean(),
  verify: z.boolean(),
  delete: z.boolean(),
  comment: z.boolean(),
  linkEvidence: z.boolean(),
});
export type ItemAbilities = z.infer<typeof itemAbilitiesSchema>;

/** What the caller may do with a body's plans. */
export const bodyPlansAbilitiesSchema = z.object({ create: z.boolean() });

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
  abilities: itemAbilitiesSchema,
});
export type ActionItem = z.infer<typeof itemSchema>;

export const planSummarySchema = z.object({
  id: z.string(),
  org: orgRefSchema,
  period: z.string(),
  /** The framework its indicator targets are numbered in (the one of the period's year). */
  frameworkId: z.string(),
  status: z.enum(planStatuses),
  approvedVersion: z.number().int(),
  itemCount: z.number().int(),
  doneCount: z.number().int(),
  overdueCount: z.number().int(),
  /** Open items (not done or verified) with neither an owner unit nor an assignee. */
  missingOwnerCount: z.number().int(),
  /** Open items without a due date. */
  missingDueDateCount: z.number().int(),
  isSample: z.boolean(),
});
export type PlanSummary = z.infer<typeof planSummarySchema>;

export const planVersionRefSchema = z.object({ version: z.number(), approvedAt: z.string() });

export const planDetailSchema = planSummarySchema.extend({
  items: z.array(itemSchema),
  versions: z.array(planVersionRefSchema),
});
export type PlanDetail = z.infer<typeof planDetailSchema>;

export const planListReplySchema = z.object({
  data: z.array(planSummarySchema),
  abilities: bodyPlansAbilitiesSchema,
});
export const planCreatedReplySchema = idReplySchema;
export const planDetailReplySchema = data(planDetailSchema).extend({ abilities: planAbilitiesSchema });
export type PlanDetailReply = z.infer<typeof planDetailReplySchema>;
export const transitionReplySchema = data(
  z.object({ status: z.enum(planStatuses), approvedVersion: z.number().int() }),
);
/** An approved version: the items as they were approved (stored snapshots, not today's shape). */
export const planVersionReplySchema = data(
  planVersionRefSchema.extend({ items: z.array(z.record(z.string(), z.unknown())) }),
);
export const importReplySchema = data(z.object({ updated: z.number().int(), created: z.number().int() }));
export type ImportResult = z.infer<typeof importReplySchema>['data'];

export const assigneeSchema = z.object({ id: z.string(), name: z.string(), email: z.string() });
export type Assignee = z.infer<typeof assigneeSchema>;
export const assigneesReplySchema = data(z.array(assigneeSchema));
export const itemCreatedReplySchema = idReplySchema;
export const fromStepsReplySchema = data(z.object({ created: z.number().int() }));
export const itemSavedReplySchema = data(
  z.object({
    id: z.string(),
    version: z.number().int(),
    status: z.enum(itemStatuses),
    progress: z.number().int(),
  }),
);
export const bulkReplySchema = data(z.object({ updated: z.number().int() }));
export const commentCreatedReplySchema = idReplySchema;

export const itemHistorySchema = z.object({
  changes: z.array(
    z.object({
      changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
      user: z.string().nullable(),
      at: z.string(),
    }),
  ),
  comments: z.array(
    z.object({ id: z.string(), body: z.string(), author: z.string().nullable(), createdAt: z.string() }),
  ),
});
export type ItemHistory = z.infer<typeof itemHistorySchema>;
export const itemHistoryReplySchema = data(itemHistorySchema);
