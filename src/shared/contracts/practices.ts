import parseSpdx from 'spdx-expression-parse';
import { z } from 'zod';
import type { TextKey } from '../texts';
import { pageQuerySchema, SEARCH_MAX_LENGTH } from './common';
import { httpUrl, orgRefSchema, text } from './fields';

// The practice catalogue (katalog praktik baik): one contract for the database enums, the server
// and the web. Replication: ./adoptions.ts; technical assistance: ./assistance.ts.

export const practiceTypes = [
  'application',
  'regulation',
  'sop',
  'organisation',
  'infrastructure',
  'public_service',
] as const;
export type PracticeType = (typeof practiceTypes)[number];

export const practiceStatuses = ['draft', 'published', 'archived'] as const;
export type PracticeStatus = (typeof practiceStatuses)[number];

/** An SPDX licence expression such as "MIT" or "GPL-3.0-or-later OR Apache-2.0". */
export const spdxSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine(
    (v) => {
      try {
        parseSpdx(v);
        return true;
      } catch {
        return false;
      }
    },
    {
      message: 'SPDX_UNKNOWN' satisfies TextKey,
    },
  );

export const practiceIndicatorSchema = z.object({
  indicator: z.number().int().min(1).max(999),
  /** The level the host reached with this practice. */
  level: z.number().int().min(1).max(5),
});

export const sourceCodeSchema = z.object({
  repoUrl: httpUrl,
  license: spdxSchema,
  stack: text(300).default(''),
});

const practiceFields = z.object({
  title: text(200).min(3),
  summary: text(2000).min(10),
  problem: text(5000).default(''),
  type: z.enum(practiceTypes),
  /** The framework its indicators are numbered in; absent: kept on an edit, the current year's on creation. */
  frameworkId: z.string().trim().min(1).max(60).optional(),
  indicators: z.array(practiceIndicatorSchema).min(1).max(60),
  sourceCode: sourceCodeSchema.nullable().default(null),
  prerequisites: text(5000).default(''),
  effort: text(500).default(''),
  durationWeeks: z.number().int().min(1).max(520).nullable().default(null),
  /** Users who are mentors of the host body. */
  contactUserIds: z.array(z.uuid()).max(20).default([]),
  /** Files in the host's evidence locker (documents, templates). */
  fileIds: z.array(z.uuid()).max(50).default([]),
  status: z.enum(practiceStatuses).default('draft'),
  /** The version the edit started from (updates only); a stale one answers 409. */
  version: z.number().int().min(0).optional(),
});
const distinctIndicators = (v: { indicators: { indicator: number }[] }) =>
  new Set(v.indicators.map((i) => i.indicator)).size === v.indicators.length;
const duplicateIndicator = { path: ['indicators'], message: 'INDICATOR_DUPLICATE' satisfies TextKey };

export const practiceBodySchema = practiceFields.refine(distinctIndicators, duplicateIndicator);
export type PracticeBody = z.infer<typeof practiceBodySchema>;

/** Creating names the host body that publishes the practice (its mentors or admin create it). */
export const practiceCreateSchema = practiceFields
  .extend({ hostCode: z.string().trim().min(1).max(40) })
  .refine(distinctIndicators, duplicateIndicator);
export type PracticeCreate = z.infer<typeof practiceCreateSchema>;

export const practiceListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(SEARCH_MAX_LENGTH).optional(),
  indicator: z.coerce.number().int().min(1).max(999).optional(),
  /** Practices described on this framework (an indicator number means something only on one). */
  framework: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .max(60)
    .optional(),
  type: z.enum(practiceTypes).optional(),
  /** Host body code. */
  host: z.string().trim().min(1).max(40).optional(),
  province: z.string().trim().min(1).max(10).optional(),
  /** Hosts' own lists may include drafts and archived practices. */
  status: z.enum(practiceStatuses).optional(),
  sort: z.enum(['title', 'updated', 'adoptions']).default('updated'),
});

export const practiceAbilitiesSchema = z.object({
  view: z.boolean(),
  update: z.boolean(),
  adopt: z.boolean(),
});
export type PracticeAbilities = z.infer<typeof practiceAbilitiesSchema>;

/**
 * GET /practices/abilities: where the signed-in caller may act in the catalogue — the host bodies
 * it publishes practices for, and the bodies it takes practices up for (the server's policy answers).
 */
export const practiceActorAbilitiesSchema = z.object({
  publishIn: z.array(orgRefSchema),
  adoptFor: z.array(orgRefSchema),
});
export type PracticeActorAbilities = z.infer<typeof practiceActorAbilitiesSchema>;

export const practiceSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  type: z.enum(practiceTypes),
  status: z.enum(practiceStatuses),
  frameworkId: z.string(),
  indicators: z.array(practiceIndicatorSchema),
  host: orgRefSchema.extend({ provinceCode: z.string().nullable() }),
  adoptionCount: z.number().int(),
  liveCount: z.number().int(),
  isSample: z.boolean(),
  updatedAt: z.string(),
});
export type PracticeSummary = z.infer<typeof practiceSummarySchema>;

/** A row of the catalogue list: the summary and what the caller may do with it. */
export const practiceListItemSchema = practiceSummarySchema.extend({ abilities: practiceAbilitiesSchema });

export const practiceSchema = practiceSummarySchema.extend({
  problem: z.string(),
  sourceCode: z.object({ repoUrl: z.string(), license: z.string(), stack: z.string() }).nullable(),
  prerequisites: z.string(),
  effort: z.string(),
  durationWeeks: z.number().int().nullable(),
  contacts: z.array(z.object({ id: z.string(), name: z.string(), email: z.string() })),
  files: z.array(z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number() })),
  version: z.number().int(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  history: z.array(
    z.object({
      at: z.string(),
      user: z.string().nullable(),
      changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
    }),
  ),
  abilities: practiceAbilitiesSchema,
});
export type Practice = z.infer<typeof practiceSchema>;
