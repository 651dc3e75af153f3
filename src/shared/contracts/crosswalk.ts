import { z } from 'zod';
import { frameworkStatuses } from '../framework/framework-schema';
import { assessmentStatusSchema } from './assessments';
import { data } from './common';

// The crosswalk as a body meets it while filling an indicator of a newer framework (Pemdi 2026):
// the related indicators of the framework it replaced (SPBE 2020) with what the body itself
// recorded for them, and the evidence it can reuse in one click. Rules: modules/assessments
// (assessments.crosswalk.service.ts); linking: modules/evidence.

const textSchema = z.object({ id: z.string(), en: z.string() });

/** A file of the body linked to a related indicator in one or more earlier assessments. */
export const crosswalkEvidenceSchema = z.object({
  id: z.string(),
  name: z.string(),
  mime: z.string(),
  size: z.number(),
  isSample: z.boolean(),
  /** The years of the earlier framework's assessments it was linked in, latest first. */
  years: z.array(z.number().int()),
  /** Already linked to this indicator of this assessment (reusing it again changes nothing). */
  linkedHere: z.boolean(),
});
export type CrosswalkEvidence = z.infer<typeof crosswalkEvidenceSchema>;

export const crosswalkRelatedSchema = z.object({
  number: z.number().int(),
  name: textSchema,
  /** From the body's latest self-assessment on the earlier framework; null when it has none. */
  selfAssessed: z
    .object({
      /** Null when that assessment left the indicator unanswered. */
      level: z.number().int().nullable(),
      justification: z.string(),
      /** The chosen sectoral service (SPBE 2020 indicators 45–47). */
      serviceName: z.string().nullable(),
    })
    .nullable(),
  /** From the body's latest official result that has every level; null when there is none. */
  officialLevel: z.number().int().nullable(),
  evidence: z.array(crosswalkEvidenceSchema),
});
export type CrosswalkRelated = z.infer<typeof crosswalkRelatedSchema>;

export const itemCrosswalkSchema = z.object({
  data: z.object({
    indicator: z.number().int(),
    /** The earlier framework the indicator is read against. */
    from: z.object({ id: z.string(), version: z.string(), name: textSchema }),
    /** The crosswalk's own standing and source (provisional: the platform's reading). */
    status: z.enum(frameworkStatuses),
    source: z.string(),
    /** Why these indicators relate; null when the crosswalk links nothing to this indicator. */
    reason: textSchema.nullable(),
    /** The latest self-assessment on the earlier framework (any status); null when there is none. */
    selfAssessment: z
      .object({
        id: z.string(),
        year: z.number().int(),
        status: assessmentStatusSchema,
        isSample: z.boolean(),
      })
      .nullable(),
    /** The latest official result with every level; null when only totals (or nothing) exist. */
    officialResult: z
      .object({ year: z.number().int(), source: z.string(), isSample: z.boolean() })
      .nullable(),
    related: z.array(crosswalkRelatedSchema),
  }),
  /** reuse: may the actor link evidence to this indicator now (the same rule as any link). */
  abilities: z.object({ reuse: z.boolean() }),
});
export type ItemCrosswalk = z.infer<typeof itemCrosswalkSchema>;

/** One click reuses one file; "reuse all" sends every file not yet linked (at most 200). */
export const crosswalkReuseBodySchema = z.object({
  evidenceIds: z.array(z.uuid()).min(1).max(200),
});
export type CrosswalkReuseBody = z.infer<typeof crosswalkReuseBodySchema>;

export const crosswalkReuseReplySchema = data(
  z.object({
    /** Newly linked to the indicator. */
    linked: z.array(z.string()),
    /** Were linked already: nothing was written for them. */
    alreadyLinked: z.array(z.string()),
  }),
);
export type CrosswalkReuseReply = z.infer<typeof crosswalkReuseReplySchema>;
