import { z } from 'zod';
import type { TextKey } from '../texts';
import { data, idReplySchema } from './common';
import { frameworkSummarySchema, scoreResultSchema } from './frameworks';

export const assessmentStatuses = [
  'draft',
  'submitted',
  'in_review',
  'returned',
  'resubmitted',
  'accepted',
] as const;
export const assessmentStatusSchema = z.enum(assessmentStatuses);
export type AssessmentStatus = z.infer<typeof assessmentStatusSchema>;

const currentYear = new Date().getFullYear();
export const yearSchema = z.coerce
  .number()
  .int()
  .min(2018, { message: 'YEAR_TOO_EARLY' satisfies TextKey })
  .max(currentYear + 1, { message: 'YEAR_TOO_LATE' satisfies TextKey });

export const assessmentAbilitiesSchema = z.object({
  edit: z.boolean(),
  uploadEvidence: z.boolean(),
  comment: z.boolean(),
  submit: z.boolean(),
  resubmit: z.boolean(),
  startReview: z.boolean(),
  return: z.boolean(),
  accept: z.boolean(),
});
export type AssessmentAbilities = z.infer<typeof assessmentAbilitiesSchema>;

/** One indicator: may it be edited now (draft, or reopened by the reviewer when returned). */
export const assessmentItemAbilitiesSchema = z.object({ edit: z.boolean() });
export type AssessmentItemAbilities = z.infer<typeof assessmentItemAbilitiesSchema>;

export const assessmentListAbilitiesSchema = z.object({ create: z.boolean() });
export type AssessmentListAbilities = z.infer<typeof assessmentListAbilitiesSchema>;

export const assessmentParamsSchema = z.object({ id: z.uuid() });
export const itemParamsSchema = z.object({
  id: z.uuid(),
  indicator: z.coerce.number().int().positive(),
});

/**
 * The evaluation year decides the framework (shared/framework/framework-for-year.ts); a client may
 * still name it, and is refused (400) when that framework is not the one for the year.
 */
export const assessmentCreateBodySchema = z.object({
  year: yearSchema,
  frameworkId: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .optional(),
});

export const frameworkYearParamsSchema = z.object({ year: yearSchema });

/** The framework a new self-assessment of a year uses (shared/framework/framework-for-year.ts). */
export const frameworkForYearSchema = data(
  z.object({
    year: z.number().int(),
    /** configured: ASSESSMENT_FRAMEWORK_BY_YEAR; years: the frameworks' own evaluation years. */
    by: z.enum(['configured', 'years']),
    framework: frameworkSummarySchema,
  }),
);
export type FrameworkForYear = z.infer<typeof frameworkForYearSchema>['data'];

export const itemSaveBodySchema = z.object({
  level: z.number().int().min(1).max(5).nullable(),
  justification: z.string().max(5000).default(''),
  serviceName: z.string().trim().max(200).nullable().optional(),
  /** The version the user started editing from; a newer one on the server answers 409. */
  version: z.number().int().min(0),
});
export type ItemSaveBody = z.infer<typeof itemSaveBodySchema>;

const transitionFieldsSchema = z.object({
  note: z.string().max(2000).default(''),
  /** For "return": the indicators that must be reworked, each with its comment. */
  comments: z
    .array(z.object({ indicator: z.number().int().positive(), body: z.string().trim().min(1).max(5000) }))
    .max(100)
    .default([]),
});

// A bare POST (no body: Fastify passes null) is a transition without note or comments.
export const transitionBodySchema = z.preprocess((v) => v ?? {}, transitionFieldsSchema);

export const commentBodySchema = z.object({ body: z.string().trim().min(1).max(5000) });

export const itemSchema = z.object({
  indicator: z.number().int(),
  level: z.number().int().nullable(),
  justification: z.string(),
  serviceName: z.string().nullable(),
  version: z.number().int(),
  reopened: z.boolean(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  /** Level at the previous submission, when it differs (what the reviewer should look at). */
  previousRoundLevel: z.number().int().nullable(),
  changedSinceLastRound: z.boolean(),
  abilities: assessmentItemAbilitiesSchema,
  evidence: z.array(
    z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number(), sha256: z.string() }),
  ),
  comments: z.array(
    z.object({
      id: z.string(),
      body: z.string(),
      round: z.number().int(),
      author: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
});
export type AssessmentItem = z.infer<typeof itemSchema>;

export const assessmentSummarySchema = z.object({
  id: z.string(),
  org: z.object({ code: z.string(), name: z.string() }),
  year: z.number().int(),
  framework: z.object({ id: z.string(), version: z.string() }),
  status: assessmentStatusSchema,
  round: z.number().int(),
  index: z.number().nullable(),
  predicate: z.string().nullable(),
  answered: z.number().int(),
  total: z.number().int(),
  isSample: z.boolean(),
  updatedAt: z.string(),
});
export type AssessmentSummary = z.infer<typeof assessmentSummarySchema>;

export const assessmentDetailSchema = z.object({
  data: assessmentSummarySchema.extend({
    items: z.array(itemSchema),
    score: scoreResultSchema,
    /**
     * The earlier framework a crosswalk relates this one to (Pemdi 2026 ← SPBE 2020): each item
     * then has GET …/items/{n}/crosswalk. Null when the framework has no crosswalk into it.
     */
    crosswalkFrom: z.object({ id: z.string(), version: z.string() }).nullable(),
    transitions: z.array(
      z.object({
        from: assessmentStatusSchema,
        to: assessmentStatusSchema,
        note: z.string(),
        user: z.string().nullable(),
        at: z.string(),
      }),
    ),
  }),
  abilities: assessmentAbilitiesSchema,
});
export type AssessmentDetail = z.infer<typeof assessmentDetailSchema>;

export const itemHistorySchema = data(
  z.array(
    z.object({
      level: z.number().int().nullable(),
      previousLevel: z.number().int().nullable(),
      justification: z.string(),
      version: z.number().int(),
      round: z.number().int(),
      user: z.string().nullable(),
      at: z.string(),
    }),
  ),
);

export const assessmentListSchema = z.object({
  data: z.array(assessmentSummarySchema),
  abilities: assessmentListAbilitiesSchema,
});
export type AssessmentList = z.infer<typeof assessmentListSchema>;

/** A reply that names the created record only. */
export const createdSchema = idReplySchema;

/** What a save answers: the item's saved fields and its new version (not the whole item). */
export const savedItemSchema = data(
  z.object({
    indicator: z.number().int(),
    level: z.number().int().nullable(),
    justification: z.string(),
    serviceName: z.string().nullable(),
    version: z.number().int(),
  }),
);
export type SavedItem = z.infer<typeof savedItemSchema>['data'];

/** The workflow's actions as they appear in the URL (POST /assessments/{id}/transitions/{action}). */
export const transitionActions = ['submit', 'start-review', 'return', 'resubmit', 'accept'] as const;
export type TransitionAction = (typeof transitionActions)[number];
export const transitionParamsSchema = assessmentParamsSchema.extend({ action: z.enum(transitionActions) });
export const transitionResultSchema = data(
  z.object({ status: assessmentStatusSchema, round: z.number().int() }),
);

export const exportQuerySchema = z.object({ format: z.enum(['csv', 'xlsx']).default('csv') });
