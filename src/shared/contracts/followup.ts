import { z } from 'zod';
import { figures, headlineKeys } from '../followup/measure';
import { milestones } from '../followup/milestones';
import type { TextKey } from '../texts';
import { paged, pageQuerySchema } from './common';

// The follow-up measure over the API: GET /funnel (figures of a scope), /funnel/bodies (the
// bodies behind a figure), /funnel/scopes (what the caller may look at), /orgs/{code}/path.

export const scopeKinds = ['national', 'province', 'host', 'programme', 'commitment'] as const;
export type ScopeKind = (typeof scopeKinds)[number];

export const scopeQuerySchema = z.object({
  scope: z.enum(scopeKinds).default('national'),
  /** Province or host code, programme id, or commitment text version. */
  ref: z
    .string()
    .trim()
    .max(60)
    .regex(/^[\w.-]*$/, { message: 'SCOPE_CODE_INVALID' satisfies TextKey })
    .optional(),
});
export type ScopeQuery = z.infer<typeof scopeQuerySchema>;

/** The stages of the former funnel, kept for clients of the first API version. */
export const legacyStages = ['visited', ...milestones] as const;

export const countSchema = z.object({ count: z.number().int(), percent: z.number().nullable() });
const textSchema = z.object({ id: z.string(), en: z.string() });

export const funnelSchema = z.object({
  scope: z.object({ kind: z.enum(scopeKinds), ref: z.string().nullable(), name: z.string() }),
  cohort: z.object({ count: z.number().int(), notJoined: z.number().int().nullable() }),
  headline: z.object(
    Object.fromEntries(headlineKeys.map((k) => [k, countSchema])) as Record<
      (typeof headlineKeys)[number],
      typeof countSchema
    >,
  ),
  selfReported: countSchema,
  milestones: z.array(
    z.object({ milestone: z.enum(milestones), count: z.number().int(), percent: z.number().nullable() }),
  ),
  definitions: z.record(z.string(), textSchema),
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
  /** Cohort bodies that visited (the former funnel's first stage). */
  visited: z.number().int(),
  /** Visited, then each milestone counted independently; percent of the cohort. */
  stages: z.array(
    z.object({
      stage: z.enum(legacyStages),
      count: z.number().int(),
      percent: z.number().nullable(),
      /** Median days from the reference date to the milestone. */
      medianDays: z.number().nullable(),
    }),
  ),
  stalledCount: z.number().int(),
  stalled: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      stage: z.enum(legacyStages).nullable(),
      next: z.enum(milestones),
      idleDays: z.number().int(),
    }),
  ),
});
export type Funnel = z.infer<typeof funnelSchema>;

export const funnelBodiesQuerySchema = scopeQuerySchema.extend(pageQuerySchema.shape).extend({
  /** Only the bodies a figure counts (each with the reason it counts). */
  milestone: z.enum(figures).optional(),
  /** Former name: a stage of the funnel (same as milestone). */
  stage: z.enum(legacyStages).optional(),
  stalled: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(100).optional(),
});

export type FunnelBodiesQuery = z.infer<typeof funnelBodiesQuerySchema>;

export const funnelBodySchema = z.object({
  code: z.string(),
  name: z.string(),
  provinceCode: z.string().nullable(),
  joined: z.boolean(),
  referenceDate: z.string().nullable(),
  /** Why the body is in the cohort (visits, signatures, programmes). */
  joinedBy: z.array(z.string()),
  /** Why it counts for the asked figure ("official 2024 2.60 → 2025 2.90; visit 21-11-2024"). */
  reason: z.string().nullable(),
  date: z.string().nullable(),
  milestones: z.object(
    Object.fromEntries(milestones.map((m) => [m, z.string().nullable()])) as Record<
      (typeof milestones)[number],
      z.ZodNullable<z.ZodString>
    >,
  ),
  pathProgressPercent: z.number().nullable(),
  stalledDays: z.number().int().nullable(),
  /** Former fields: the last milestone reached in the journey's order, and the dates. */
  stage: z.enum(legacyStages).nullable(),
  reached: z.record(z.string(), z.string()),
  lastActivity: z.string().nullable(),
});
export type FunnelBody = z.infer<typeof funnelBodySchema>;

export const funnelBodiesSchema = paged(funnelBodySchema);

/** What the caller may do in a scope (the server's funnel policy answers; the web only reads it). */
export const followupScopeAbilitiesSchema = z.object({ view: z.boolean(), export: z.boolean() });
export type FollowupScopeAbilities = z.infer<typeof followupScopeAbilitiesSchema>;

export const scopeOptionSchema = z.object({
  scope: z.enum(scopeKinds),
  ref: z.string().nullable(),
  name: z.string(),
  abilities: followupScopeAbilitiesSchema,
});
export type ScopeOption = z.infer<typeof scopeOptionSchema>;
export const funnelScopesSchema = z.object({
  data: z.array(scopeOptionSchema),
  /** The scope shown first (national supervisors: Kabupaten Sumedang as host, when it is one). */
  preferred: scopeOptionSchema.nullable(),
});

export const pathQuerySchema = z.object({
  host: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[\w.-]+$/)
    .optional(),
});

const basisSchema = z
  .object({
    source: z.enum(['official', 'self']),
    year: z.number().int(),
    accepted: z.boolean(),
    date: z.string(),
  })
  .nullable();

export const pathSchema = z.object({
  body: z.object({ code: z.string(), name: z.string() }),
  host: z.object({ code: z.string(), name: z.string() }).nullable(),
  /** Hosts the body learned from (visited or adopted from), to choose between. */
  hosts: z.array(z.object({ code: z.string(), name: z.string() })),
  referenceDate: z.string().nullable(),
  frameworkId: z.string().nullable(),
  progressPercent: z.number().nullable(),
  thresholdPercent: z.number().int(),
  following: z.boolean(),
  followingReason: z.string().nullable(),
  problem: z.enum(['not_joined', 'no_host', 'no_host_levels', 'no_baseline', 'no_gap']).nullable(),
  basis: z.object({ host: basisSchema, baseline: basisSchema, current: basisSchema }),
  indicators: z.array(
    z.object({
      indicator: z.number().int(),
      name: z.string(),
      weight: z.number(),
      host: z.number().int(),
      baseline: z.number().int(),
      current: z.number().int(),
    }),
  ),
  /** Both indices over the years, per source, same framework only. */
  series: z.array(
    z.object({
      who: z.enum(['body', 'host']),
      source: z.enum(['official', 'self']),
      frameworkId: z.string(),
      points: z.array(z.object({ year: z.number().int(), index: z.number() })),
    }),
  ),
});
export type PathView = z.infer<typeof pathSchema>;

/** What happened on a body's journey (the web labels each kind: event_<kind>). */
export const journeyEventKinds = [
  'visit',
  'commitment',
  'assessment_submitted',
  'plan_approved',
  'item_done',
  'official_result',
] as const;

/** GET /orgs/{code}/journey: the body's own milestones (date and reason) and its dated timeline. */
export const journeySchema = z.object({
  stage: z.enum(legacyStages).nullable(),
  reached: z.record(z.string(), z.string()),
  referenceDate: z.string().nullable(),
  milestones: z.array(
    z.object({
      milestone: z.enum(milestones),
      date: z.string().nullable(),
      reason: z.string().nullable(),
    }),
  ),
  events: z.array(
    z.object({
      at: z.string(),
      kind: z.enum(journeyEventKinds),
      title: z.string(),
      /** An official result's rating, as published (Bahasa Indonesia): the web shows it in the reader's language. */
      predicate: z.string().nullable().optional(),
      link: z.string().nullable(),
    }),
  ),
});
export type Journey = z.infer<typeof journeySchema>;

export const exportQuerySchema = scopeQuerySchema.extend({ format: z.enum(['csv', 'xlsx']).default('csv') });
export type ExportQuery = z.infer<typeof exportQuerySchema>;
