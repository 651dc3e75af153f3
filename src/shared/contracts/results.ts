import { z } from 'zod';
import { yearSchema } from './assessments';
import { data } from './common';

// A framework id. Where it may be left out, the server takes the framework the evaluation year
// uses (shared/framework/framework-for-year.ts), or the one of the body's latest results.
const frameworkId = z.string().regex(/^[a-z0-9-]+$/);

export const frameworkQuerySchema = z.object({ framework: frameworkId.optional() });
/** Imports and their template: a file holds the results of one framework, always named. */
export const requiredFrameworkQuerySchema = z.object({ framework: frameworkId });
export const yearFrameworkQuerySchema = z.object({
  framework: frameworkId.optional(),
  year: yearSchema.optional(),
});

export const officialResultParamsSchema = z.object({
  code: z.string().trim().min(1).max(40),
  year: yearSchema,
});

const decimal = z.union([z.number(), z.string().max(10)]);
export const officialResultBodySchema = z.object({
  frameworkId: frameworkId.optional(),
  /** The published total; may be left out when all levels are given. */
  index: decimal.nullable().optional(),
  /** Domain values by code (D1…D4 for spbe-2020): all or none. */
  domains: z.record(z.string().max(20), decimal.nullable()).optional(),
  /** Indicator levels by number: all or none. */
  levels: z.record(z.string().regex(/^\d+$/), decimal.nullable()).optional(),
  source: z.string().trim().max(500).default(''),
});

export const officialResultSchema = z.object({
  id: z.string(),
  year: z.number().int(),
  frameworkId: z.string(),
  index: z.number(),
  predicate: z.string(),
  domains: z.record(z.string(), z.number()).nullable(),
  levels: z.record(z.string(), z.number()).nullable(),
  bodyCount: z.number().int().nullable(),
  source: z.string(),
  isReference: z.boolean(),
  isSample: z.boolean(),
  updatedAt: z.string(),
});
export type OfficialResult = z.infer<typeof officialResultSchema>;

/** Who may enter, import and delete official results (national supervisors). */
export const officialResultAbilitiesSchema = z.object({ manage: z.boolean() });
export type OfficialResultAbilities = z.infer<typeof officialResultAbilitiesSchema>;

export const officialResultListSchema = z.object({
  data: z.array(officialResultSchema),
  abilities: officialResultAbilitiesSchema,
});
export type OfficialResultList = z.infer<typeof officialResultListSchema>;
export const nationalResultsSchema = data(z.array(officialResultSchema));
export const savedOfficialResultSchema = data(officialResultSchema);
export const templateQuerySchema = requiredFrameworkQuerySchema.extend({
  format: z.enum(['csv', 'xlsx']).default('csv'),
});

export const importResultSchema = data(
  z.object({ rows: z.number().int(), created: z.number().int(), updated: z.number().int() }),
);

const officialSummary = z
  .object({
    year: z.number().int(),
    index: z.number(),
    predicate: z.string(),
    source: z.string(),
    isReference: z.boolean(),
  })
  .nullable();

export const comparisonSchema = z.object({
  year: z.number().int(),
  framework: z.object({ id: z.string(), version: z.string() }),
  body: z.object({
    code: z.string(),
    name: z.string(),
    self: z
      .object({
        index: z.number().nullable(),
        predicate: z.string().nullable(),
        status: z.string(),
        complete: z.boolean(),
        answered: z.number().int(),
      })
      .nullable(),
    official: officialSummary,
  }),
  host: z
    .object({ code: z.string(), name: z.string(), official: officialSummary, levelsShared: z.boolean() })
    .nullable(),
  province: z.object({ average: z.number(), count: z.number().int() }).nullable(),
  national: z
    .object({
      year: z.number().int(),
      average: z.number(),
      count: z.number().int().nullable(),
      source: z.string().nullable(),
    })
    .nullable(),
  similar: z.array(
    z.object({ code: z.string(), name: z.string(), index: z.number(), predicate: z.string() }),
  ),
  gaps: z.array(
    z.object({
      indicator: z.number().int(),
      name: z.string(),
      nameEn: z.string(),
      mine: z.number().int().nullable(),
      target: z.number().int(),
      peers: z.array(z.object({ code: z.string(), name: z.string(), level: z.number().int() })),
      peerCount: z.number().int(),
    }),
  ),
});
export type Comparison = z.infer<typeof comparisonSchema>;
export const comparisonReplySchema = data(comparisonSchema);

/** A body's results per evaluation year and framework (a trend splits where the framework changes). */
export const historySchema = data(
  z.array(
    z.object({
      year: z.number().int(),
      frameworkId: z.string(),
      self: z
        .object({
          index: z.number().nullable(),
          complete: z.boolean(),
          status: z.string(),
          assessmentId: z.string(),
        })
        .nullable(),
      official: officialSummary,
    }),
  ),
);
export type History = z.infer<typeof historySchema>;

export const calibrationSchema = z.object({
  year: z.number().int(),
  framework: z.object({ id: z.string(), version: z.string() }),
  self: z.object({ index: z.number().nullable(), complete: z.boolean(), status: z.string() }).nullable(),
  official: z
    .object({ index: z.number(), predicate: z.string(), source: z.string(), detail: z.string() })
    .nullable(),
  difference: z.number().nullable(),
  indicators: z.array(
    z.object({
      indicator: z.number().int(),
      name: z.string(),
      nameEn: z.string(),
      self: z.number().int().nullable(),
      official: z.number().int().nullable(),
      difference: z.number().int().nullable(),
    }),
  ),
});
export type Calibration = z.infer<typeof calibrationSchema>;
export const calibrationReplySchema = data(calibrationSchema);

/** Whether peers may see this body's indicator levels (off: only aggregates include them). */
export const sharingBodySchema = z.object({ shareLevels: z.boolean() });
export const sharingReplySchema = data(sharingBodySchema);

export const scenarioBodySchema = z.object({
  /** Absent: the framework of the body's latest result, else the current year's. */
  frameworkId: frameworkId.optional(),
  name: z.string().trim().min(1).max(120),
  levels: z.record(z.string().regex(/^\d+$/), z.number().int().min(1).max(5)),
  target: z.string().trim().max(40).nullable().optional(),
});
/** A scenario may be deleted by its author or the body's admin. */
export const scenarioAbilitiesSchema = z.object({ delete: z.boolean() });
export type ScenarioAbilities = z.infer<typeof scenarioAbilitiesSchema>;

export const scenarioSchema = z.object({
  id: z.string(),
  frameworkId: z.string(),
  name: z.string(),
  levels: z.record(z.string(), z.number()),
  target: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  /** Kept for older clients; the same answer as abilities.delete. */
  canDelete: z.boolean(),
  abilities: scenarioAbilitiesSchema,
});
export type Scenario = z.infer<typeof scenarioSchema>;

/** Who may save a scenario for a body (its members). */
export const scenarioListAbilitiesSchema = z.object({ create: z.boolean() });
export type ScenarioListAbilities = z.infer<typeof scenarioListAbilitiesSchema>;
export const scenarioListSchema = z.object({
  data: z.array(scenarioSchema),
  abilities: scenarioListAbilitiesSchema,
});
