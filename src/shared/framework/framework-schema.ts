import { z } from 'zod';
import type { TextKey, TextParams } from '../texts';

// A maturity framework is versioned data (never code constants): groups of any depth with
// weights, weighted indicators on level ladders with criteria and evidence, and predicate bands.
// Weights are percentages with at most two decimals, so scoring can use exact integer arithmetic.
/** Official: a regulation's model; provisional: a draft loaded to try out. */
export const frameworkStatuses = ['official', 'provisional'] as const;

const text = z.object({ id: z.string().min(1), en: z.string().min(1) });

/** A problem of a framework file: a text key with its params, localised where it is shown. */
function problem(ctx: z.RefinementCtx, path: (string | number)[], message: TextKey, params?: TextParams) {
  ctx.addIssue({ code: 'custom', path, message, params });
}

const weight = z
  .number()
  .positive()
  .refine((w) => Math.abs(Math.round(w * 100) - w * 100) < 1e-9, {
    message: 'FRAMEWORK_WEIGHT_DECIMALS' satisfies TextKey,
  });

export const levelSchema = z.object({
  level: z.number().int().min(1).max(5),
  name: text,
  criteria: text,
  evidence: z.array(z.string().min(1)).min(1),
});

export const indicatorSchema = z.object({
  number: z.number().int().positive(),
  name: text,
  weight,
  ladder: z.string().min(1),
  /** The body names the service itself (SPBE 2020: indicators 45–47). */
  chosenService: z.boolean().default(false),
  levels: z.array(levelSchema).length(5),
  /** Where this indicator's level criteria come from (regulation, annex, guideline), named in the data. */
  source: z.string().min(1).optional(),
});

export type Group = {
  code: string;
  name: { id: string; en: string };
  kind: string;
  weight: number;
  groups?: Group[];
  indicators?: number[];
};

// Named, so the API description holds it as a component: a recursive schema can only be described
// by a reference to itself, and an unnamed one pointed at a component that was never written.
export const groupSchema: z.ZodType<Group> = z
  .lazy(() =>
    z.object({
      code: z.string().min(1),
      name: text,
      kind: z.string().min(1),
      weight,
      groups: z.array(groupSchema).optional(),
      indicators: z.array(z.number().int().positive()).optional(),
    }),
  )
  .meta({ id: 'FrameworkGroup' });

export const predicateBandSchema = z.object({ min: z.number().min(0).max(5), label: text });

export const frameworkSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    name: text,
    version: z.string().min(1),
    status: z.enum(frameworkStatuses),
    source: z.string().min(1),
    /** The publications the framework is read from, each with its link where one is public. */
    references: z.array(z.object({ title: z.string().min(1), url: z.string().url().optional() })).optional(),
    /** The evaluation years the framework was (or is) used for; open-ended when absent. */
    appliesFrom: z.number().int().min(2000).max(2100).optional(),
    appliesUntil: z.number().int().min(2000).max(2100).optional(),
    groups: z.array(groupSchema).min(1),
    indicators: z.array(indicatorSchema).min(1),
    /** Highest band first; a value gets the first band whose min it reaches. */
    predicates: z.array(predicateBandSchema).min(1),
  })
  .superRefine((f, ctx) => {
    const numbers = f.indicators.map((i) => i.number);
    const dup = numbers.filter((n, i) => numbers.indexOf(n) !== i);
    if (dup.length) problem(ctx, ['indicators'], 'FRAMEWORK_DUPLICATE_NUMBERS', { numbers: dup.join(', ') });
    const weightOf = new Map(f.indicators.map((i) => [i.number, Math.round(i.weight * 100)]));
    const placed: number[] = [];
    const walk = (g: Group, path: (string | number)[]): number => {
      if (g.groups?.length && g.indicators?.length) {
        problem(ctx, path, 'FRAMEWORK_GROUP_MIXED', { group: g.code });
      }
      let units = 0;
      g.groups?.forEach((c, i) => {
        units += walk(c, [...path, 'groups', i]);
      });
      for (const n of g.indicators ?? []) {
        const w = weightOf.get(n);
        if (w === undefined)
          problem(ctx, path, 'FRAMEWORK_GROUP_UNKNOWN_INDICATOR', { group: g.code, indicator: n });
        else units += w;
        placed.push(n);
      }
      if (units !== Math.round(g.weight * 100)) {
        problem(ctx, [...path, 'weight'], 'FRAMEWORK_GROUP_WEIGHT', {
          group: g.code,
          weight: g.weight,
          contents: units / 100,
        });
      }
      return units;
    };
    const total = f.groups.reduce((s, g, i) => s + walk(g, ['groups', i]), 0);
    if (total !== 10000) problem(ctx, ['groups'], 'FRAMEWORK_TOTAL_WEIGHT', { total: total / 100 });
    const unplaced = numbers.filter((n) => !placed.includes(n));
    if (unplaced.length) problem(ctx, ['groups'], 'FRAMEWORK_UNPLACED', { numbers: unplaced.join(', ') });
    const twice = placed.filter((n, i) => placed.indexOf(n) !== i);
    if (twice.length) problem(ctx, ['groups'], 'FRAMEWORK_PLACED_TWICE', { numbers: twice.join(', ') });
    f.indicators.forEach((ind, i) => {
      if (ind.levels.some((l, k) => l.level !== k + 1)) {
        problem(ctx, ['indicators', i, 'levels'], 'FRAMEWORK_LEVEL_ORDER');
      }
    });
    if (f.predicates.some((p, i) => i > 0 && p.min >= f.predicates[i - 1]!.min)) {
      problem(ctx, ['predicates'], 'FRAMEWORK_BAND_ORDER');
    }
  });

export type Framework = z.infer<typeof frameworkSchema>;
export type FrameworkInput = z.input<typeof frameworkSchema>;
