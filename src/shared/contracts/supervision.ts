import { z } from 'zod';
import { milestones } from '../followup/milestones';
import type { TextKey } from '../texts';
import { countSchema } from './followup';

// The supervisors' cockpits over the API: GET /supervision/national (the nation: headline, one row
// per province, trends), /supervision/regions (kab/kota values for the map), and
// /supervision/provinces/{code} (a province: its bodies, stalled ones, league) with
// /supervision/provinces/{code}/simulation (what its bodies' plans would do to its average).
// Follow-up figures are the follow-up measure's own (src/shared/followup), never recounted here.

/**
 * A body's place on the map: not joined, joined with no milestone yet, the furthest milestone it
 * reached (in the journey's order), or a host (hosts teach; they are not "not joined").
 */
export const mapMilestones = ['notJoined', 'joined', ...milestones, 'host'] as const;
export type MapMilestone = (typeof mapMilestones)[number];

export const indexSources = ['official', 'self'] as const;
export type IndexSource = (typeof indexSources)[number];

const textSchema = z.object({ id: z.string(), en: z.string() });

/** The framework's predicate bands, lowest first: what the map's index colours are binned by. */
export const indexBandsSchema = z.array(z.object({ min: z.number(), label: textSchema }));
export type IndexBands = z.infer<typeof indexBandsSchema>;

/** A body's latest index: the newest evaluation year, an official result before a self-assessment. */
export const bodyIndexSchema = z.object({
  index: z.number(),
  year: z.number().int(),
  source: z.enum(indexSources),
  /** The framework that produced it: indices of different frameworks are never compared. */
  frameworkId: z.string(),
});
export type BodyIndex = z.infer<typeof bodyIndexSchema>;

/** One kab/kota (or province body) on a map: what it is coloured by in either mode. */
export const regionValueSchema = z.object({
  code: z.string(),
  name: z.string(),
  type: z.enum(['province', 'regency', 'city']),
  milestone: z.enum(mapMilestones),
  latest: bodyIndexSchema.nullable(),
});
export type RegionValue = z.infer<typeof regionValueSchema>;

/** One province of the nation: its bodies, the follow-up measure of its scope, its average index. */
export const provinceRowSchema = z.object({
  code: z.string(),
  name: z.string(),
  /** The province government and its kab/kota in the directory. */
  bodies: z.number().int(),
  cohort: z.number().int(),
  notJoined: z.number().int(),
  followedUp: countSchema,
  followingPath: countSchema,
  improved: countSchema,
  /** Mean of the latest index of its bodies that have one; null when none has. */
  averageIndex: z.number().nullable(),
  indexed: z.number().int(),
});
export type ProvinceRow = z.infer<typeof provinceRowSchema>;

const headlineSchema = z.object({
  cohort: z.number().int(),
  followedUp: countSchema,
  followingPath: countSchema,
  improved: countSchema,
  averageIndex: z.number().nullable(),
  indexed: z.number().int(),
});

const trendSchema = z.object({
  /** The follow-up measure's monthly trend (percent of the cohort joined by each month's end). */
  months: z.array(
    z.object({
      month: z.string(),
      cohort: z.number().int(),
      followedUp: countSchema,
      followingPath: countSchema,
      improved: countSchema,
    }),
  ),
  /**
   * Per framework and evaluation year: the mean index of the bodies with a result that year on
   * that framework (a trend is split where the framework changes).
   */
  years: z.array(
    z.object({
      year: z.number().int(),
      frameworkId: z.string(),
      average: z.number(),
      bodies: z.number().int(),
      official: z.number().int(),
    }),
  ),
});
export type SupervisionTrend = z.infer<typeof trendSchema>;

export const nationalOverviewSchema = z.object({
  headline: headlineSchema,
  provinces: z.array(provinceRowSchema),
  trend: trendSchema,
  indexBands: indexBandsSchema,
  definitions: z.record(z.string(), textSchema),
});
export type NationalOverview = z.infer<typeof nationalOverviewSchema>;

export const regionsQuerySchema = z.object({
  /** A province code (e.g. 32): its kab/kota; without it, all 514 (national supervisors). */
  province: z
    .string()
    .trim()
    .max(10)
    .regex(/^\d{2}$/, { message: 'SCOPE_CODE_INVALID' satisfies TextKey })
    .optional(),
});
export type RegionsQuery = z.infer<typeof regionsQuerySchema>;

export const regionsSchema = z.object({
  province: z.object({ code: z.string(), name: z.string() }).nullable(),
  regions: z.array(regionValueSchema),
  indexBands: indexBandsSchema,
});
export type Regions = z.infer<typeof regionsSchema>;

/** One body of a province: its map value and what the league table and stalled list show. */
export const provinceBodySchema = regionValueSchema.extend({
  joined: z.boolean(),
  followedUp: z.string().nullable(),
  /** The next milestone in the journey's order, for a joined body that has not reached all. */
  next: z.enum(milestones).nullable(),
  pathProgressPercent: z.number().nullable(),
  idleDays: z.number().int().nullable(),
  overdueItems: z.number().int(),
  missedObligations: z.number().int(),
  /** No progress for the stall period, or items past due, or a follow-up obligation missed. */
  stalled: z.boolean(),
});
export type ProvinceBody = z.infer<typeof provinceBodySchema>;

export const supervisionAbilitiesSchema = z.object({ view: z.boolean(), simulate: z.boolean() });
export type SupervisionAbilities = z.infer<typeof supervisionAbilitiesSchema>;

export const provinceOverviewSchema = z.object({
  province: z.object({ code: z.string(), name: z.string() }),
  headline: headlineSchema.extend({ notJoined: z.number().int() }),
  stallDays: z.number().int(),
  /** The province government first, then its kab/kota by code. */
  bodies: z.array(provinceBodySchema),
  trend: trendSchema,
  indexBands: indexBandsSchema,
  definitions: z.record(z.string(), textSchema),
  abilities: supervisionAbilitiesSchema,
});
export type ProvinceOverview = z.infer<typeof provinceOverviewSchema>;

export const simulationBodySchema = z.object({
  code: z.string(),
  name: z.string(),
  type: z.enum(['province', 'regency', 'city']),
  current: bodyIndexSchema.nullable(),
  /** Its latest index plus what reaching every target of its approved plans adds (null: no plan or no levels). */
  planned: z.number().nullable(),
  /** Indicators its plans would raise above the levels the simulation starts from. */
  raised: z.number().int(),
  /** The levels the simulation starts from: its newest result with indicator levels. */
  basis: z.object({ source: z.enum(indexSources), year: z.number().int() }).nullable(),
  problem: z.enum(['no_levels', 'no_plan']).nullable(),
});
export type SimulationBody = z.infer<typeof simulationBodySchema>;

export const simulationSchema = z.object({
  province: z.object({ code: z.string(), name: z.string() }),
  bodies: z.array(simulationBodySchema),
  definitions: z.record(z.string(), textSchema),
});
export type Simulation = z.infer<typeof simulationSchema>;

export const provinceParamsSchema = z.object({
  code: z
    .string()
    .trim()
    .max(10)
    .regex(/^\d{2}$/, { message: 'SCOPE_CODE_INVALID' satisfies TextKey }),
});
