import { z } from 'zod';
import { frameworkSchema, frameworkStatuses, predicateBandSchema } from '../framework/framework-schema';
import { MAX_PLAN_YEARS } from '../framework/optimise';
import type { TextKey } from '../texts';
import { data } from './common';

export const levelsBodySchema = z.record(
  z.string().regex(/^\d+$/, { message: 'LEVEL_INDICATOR_NUMBER' satisfies TextKey }),
  z.number(),
);

export const scoreBodySchema = z.object({ levels: levelsBodySchema });

export const optimiseBodySchema = z.object({
  levels: levelsBodySchema,
  /** An index (e.g. 3.5) or a predicate label (e.g. "Baik"). */
  target: z.union([z.number(), z.string().min(1).max(40)]),
  /** Effort of one step per indicator number (default 1). */
  effort: z.record(z.string().regex(/^\d+$/), z.number()).optional(),
  /** Most levels one indicator may rise in a year: larger rises are spread over the years. */
  maxStepPerYear: z.number().int().min(1).max(4).default(1),
  /** Reach the target within this many years at the least effort (default: as few years as possible). */
  years: z.number().int().min(1).max(MAX_PLAN_YEARS).optional(),
});
export type OptimiseBody = z.infer<typeof optimiseBodySchema>;

const groupValueSchema = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  index: z.number().nullable(),
  exact: z.number().nullable(),
  predicate: z.string().nullable(),
  answered: z.number().int(),
  total: z.number().int(),
});

export const scoreResultSchema = z.object({
  framework: z.object({ id: z.string(), version: z.string() }),
  index: z.number().nullable(),
  exact: z.number().nullable(),
  predicate: z.string().nullable(),
  predicateEn: z.string().nullable(),
  complete: z.boolean(),
  provisional: z.boolean(),
  answered: z.number().int(),
  total: z.number().int(),
  domains: z.array(groupValueSchema),
  aspects: z.array(groupValueSchema),
});

export const optimiseResultSchema = z.object({
  framework: z.object({ id: z.string(), version: z.string() }),
  reachable: z.boolean(),
  /** One level up each, in the year (1 = the first) the pace puts it. */
  steps: z.array(
    z.object({
      indicator: z.number(),
      from: z.number(),
      to: z.number(),
      effort: z.number(),
      year: z.number().int(),
    }),
  ),
  totalEffort: z.number().nullable(),
  index: z.number().nullable(),
  predicate: z.string().nullable(),
  assumedLevel1: z.array(z.number()),
  /** Years the steps take; null when the target is out of reach. */
  years: z.number().int().nullable(),
  /** The index at the end of each year of the plan. */
  byYear: z.array(
    z.object({ year: z.number().int(), steps: z.number().int(), index: z.number(), predicate: z.string() }),
  ),
  /** The highest index within reach, when the target is not (lower than 5 under a horizon). */
  maxIndex: z.number().nullable(),
});

export const frameworkParamsSchema = z.object({ id: z.string().regex(/^[a-z0-9-]+$/) });

export const frameworkSummarySchema = z.object({
  id: z.string(),
  name: z.object({ id: z.string(), en: z.string() }),
  version: z.string(),
  status: z.enum(frameworkStatuses),
  source: z.string(),
  indicatorCount: z.number().int(),
  /** The rating bands: results and assessments store the Indonesian word, the web shows it in the reader's language. */
  predicates: z.array(predicateBandSchema),
  /** The evaluation years the framework applies to (null: open-ended). */
  appliesFrom: z.number().int().nullable(),
  appliesUntil: z.number().int().nullable(),
  /** Shipped with the platform (else loaded by a platform admin). */
  shipped: z.boolean(),
  /** A platform admin's correction of the shipped copy: the shipped version it replaces for new work. */
  correctsVersion: z.string().nullable(),
});
export type FrameworkSummary = z.infer<typeof frameworkSummarySchema>;
export const frameworkListSchema = data(z.array(frameworkSummarySchema));
export const frameworkReplySchema = data(frameworkSchema);

/** A recorded version (an assessment's frameworkVersion); the current one when absent. */
export const frameworkVersionQuerySchema = z.object({ version: z.string().trim().min(1).max(60).optional() });

/** What loading a framework answers (201). */
export const frameworkLoadedSchema = data(
  z.object({
    id: z.string(),
    version: z.string(),
    indicatorCount: z.number(),
    /** The version this one replaces for new work (a correction), else null. */
    replaces: z.string().nullable(),
  }),
);

/** A problem of an uploaded framework file (400 FRAMEWORK_INVALID lists them all). */
export type FrameworkProblem = { path: string; message: string };
