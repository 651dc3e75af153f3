import { z } from 'zod';
import { headlineKeys } from '../followup/measure';
import { milestones } from '../followup/milestones';
import type { TextKey } from '../texts';
import { adoptionStages } from './adoptions';
import { orgTypeSchema, pageQuerySchema, paginationSchema, SEARCH_MAX_LENGTH } from './common';
import { countSchema } from './followup';
import { practiceTypes } from './practices';

// The public portal and its open data (GET /api/v1/public/…): anyone, signed in or not. Only what
// is already public by nature leaves through here — published official results, valid commitment
// signatures (which /verify shows anyway), published practices, replications past the agreement,
// and each body's follow-up milestone dates — never users, drafts, evidence or self-assessed
// levels. One shape for the JSON and the CSV of each dataset.

/** The licence of the open data (docs/OPEN-DATA.md): in every JSON reply and as a Link header. */
export const OPEN_DATA_LICENCE = {
  id: 'CC-BY-4.0',
  name: 'Creative Commons Attribution 4.0 International',
  url: 'https://creativecommons.org/licenses/by/4.0/',
  attribution: 'Living Lab SPBE — Indonesia Digital Services Living Lab',
} as const;

export const licenceSchema = z.object({
  id: z.literal(OPEN_DATA_LICENCE.id),
  name: z.string(),
  url: z.string(),
  attribution: z.string(),
});

export const openDataFormats = ['json', 'csv'] as const;
export type OpenDataFormat = (typeof openDataFormats)[number];
export const formatQuerySchema = z.object({ format: z.enum(openDataFormats).default('json') });
/** `/public/summary.csv`: the format as a file suffix. */
export const formatSuffixSchema = z.object({ format: z.enum(openDataFormats) });

/**
 * A body's code as the Kemendagri reference writes it ("32", "32.11") or a central body's code,
 * optionally followed by a file suffix (`/public/bodies/32.11.csv`).
 */
export const publicBodyParamsSchema = z.object({
  code: z.string().regex(/^([0-9]{2}(\.[0-9]{2})?|[A-Z][A-Z0-9-]{1,39})(\.(csv|json))?$/, {
    message: 'ORG_CODE_FORMAT' satisfies TextKey,
  }),
});

/** Splits "32.11.csv" into the code and the format the suffix asks for (null: none). */
export function splitCodeSuffix(raw: string): { code: string; format: OpenDataFormat | null } {
  const m = /^(.*)\.(csv|json)$/.exec(raw);
  return m ? { code: m[1]!, format: m[2] as OpenDataFormat } : { code: raw, format: null };
}

const headline = z.object(
  Object.fromEntries(headlineKeys.map((k) => [k, countSchema])) as Record<
    (typeof headlineKeys)[number],
    typeof countSchema
  >,
);
const milestoneDates = z.object(
  Object.fromEntries(milestones.map((m) => [m, z.string().nullable()])) as Record<
    (typeof milestones)[number],
    z.ZodNullable<z.ZodString>
  >,
);
const textSchema = z.object({ id: z.string(), en: z.string() });

/** Every reply: the data, its licence, the day it describes and whether the platform runs on sample data. */
const envelope = <T extends z.ZodType>(schema: T) =>
  z.object({
    data: schema,
    licence: licenceSchema,
    /** The day the figures were counted on (in the platform's time zone). */
    asOf: z.string(),
    /** True when the platform runs with its labelled sample data (a demonstration, not real figures). */
    sampleData: z.boolean(),
  });

export const publicSummarySchema = z.object({
  /**
   * Bodies in the directory: `total` lists every one; the kab/kota and central counts are of
   * bodies evaluated separately (DKI Jakarta's administrative areas are listed, not counted).
   */
  directory: z.object({
    total: z.number().int(),
    provinces: z.number().int(),
    kabKota: z.number().int(),
    central: z.number().int(),
  }),
  /** Bodies that learned: visited a host, signed the commitment or joined a programme. */
  cohort: z.number().int(),
  visited: countSchema,
  headline,
  milestones: z.array(
    z.object({ milestone: z.enum(milestones), count: z.number().int(), percent: z.number().nullable() }),
  ),
  trend: z.array(
    z.object({
      month: z.string(),
      cohort: z.number().int(),
      followedUp: countSchema,
      followingPath: countSchema,
      improved: countSchema,
    }),
  ),
  pathThresholdPercent: z.number().int(),
  hosts: z.number().int(),
  publishedPractices: z.number().int(),
  /** How each figure is counted, in Bahasa Indonesia and English. */
  definitions: z.record(z.string(), textSchema),
});
export type PublicSummary = z.infer<typeof publicSummarySchema>;
export const publicSummaryReplySchema = envelope(publicSummarySchema);
export type PublicSummaryReply = z.infer<typeof publicSummaryReplySchema>;

export const publicProvinceSchema = z.object({
  code: z.string(),
  name: z.string(),
  /** Kabupaten/kota of the province evaluated separately (administrative areas not counted). */
  kabKota: z.number().int(),
  /** Bodies of the province (its kab/kota and the province itself) that learned. */
  cohort: z.number().int(),
  ...headline.shape,
});
export type PublicProvince = z.infer<typeof publicProvinceSchema>;
export const publicProvincesReplySchema = envelope(z.array(publicProvinceSchema));
export type PublicProvincesReply = z.infer<typeof publicProvincesReplySchema>;

export const publicOfficialSchema = z.object({
  year: z.number().int(),
  frameworkId: z.string(),
  index: z.number(),
  predicate: z.string(),
  /** The rating's English name, from the framework's bands (`predicate` is the official word). */
  predicateEn: z.string(),
});

export const publicBodyRowSchema = z.object({
  code: z.string(),
  name: z.string(),
  type: orgTypeSchema,
  provinceCode: z.string().nullable(),
  provinceName: z.string().nullable(),
  isHost: z.boolean(),
  /** Part of the labelled sample data. */
  isSample: z.boolean(),
  /** In the cohort: it visited a host, signed the commitment or joined a programme. */
  joined: z.boolean(),
  referenceDate: z.string().nullable(),
  /** The leader signed the current or an earlier commitment text, and it was not revoked. */
  signed: z.boolean(),
  followedUp: z.string().nullable(),
  milestones: milestoneDates,
  /** The latest published official result. */
  latestOfficial: publicOfficialSchema.nullable(),
});
export type PublicBodyRow = z.infer<typeof publicBodyRowSchema>;

export const publicBodiesQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(SEARCH_MAX_LENGTH).optional(),
  type: orgTypeSchema.optional(),
  province: z
    .string()
    .regex(/^[0-9]{2}$/)
    .optional(),
  joined: z.enum(['true', 'false']).optional(),
  format: z.enum(openDataFormats).default('json'),
});
export type PublicBodiesQuery = z.infer<typeof publicBodiesQuerySchema>;
export const publicBodiesReplySchema = envelope(z.array(publicBodyRowSchema)).extend({
  pagination: paginationSchema,
});
export type PublicBodiesReply = z.infer<typeof publicBodiesReplySchema>;

export const publicBodySchema = z.object({
  body: publicBodyRowSchema,
  /** Path progress to the host it learned from, percent of the indicator gap closed. */
  pathProgressPercent: z.number().nullable(),
  officialResults: z.array(
    publicOfficialSchema.extend({
      domains: z.record(z.string(), z.number()).nullable(),
      source: z.string(),
      /** A published figure shipped with the platform (with its source), not entered by hand. */
      isReference: z.boolean(),
      isSample: z.boolean(),
    }),
  ),
  commitments: z.array(
    z.object({
      /** The signature's id: GET /api/v1/commitments/signatures/{id}/verify checks it. */
      id: z.string(),
      textVersion: z.number().int(),
      signerPosition: z.string(),
      signedAt: z.string(),
      /** The public page that verifies the signature (/verify/{id}). */
      verifyUrl: z.string(),
    }),
  ),
  practicesHosted: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      type: z.enum(practiceTypes),
      publishedAt: z.string().nullable(),
    }),
  ),
  practicesReplicated: z.array(
    z.object({
      practiceId: z.string(),
      title: z.string(),
      host: z.object({ code: z.string(), name: z.string() }),
      stage: z.enum(adoptionStages),
    }),
  ),
});
export type PublicBody = z.infer<typeof publicBodySchema>;
export const publicBodyReplySchema = envelope(publicBodySchema);
export type PublicBodyReply = z.infer<typeof publicBodyReplySchema>;
