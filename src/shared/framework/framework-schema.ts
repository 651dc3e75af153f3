import { z } from 'zod';

// A maturity framework is versioned data (never code constants): groups of any depth with
// weights, weighted indicators on level ladders with criteria and evidence, and predicate bands.
// Weights are percentages with at most two decimals, so scoring can use exact integer arithmetic.
const text = z.object({ id: z.string().min(1), en: z.string().min(1) });

const weight = z
  .number()
  .positive()
  .refine((w) => Math.abs(Math.round(w * 100) - w * 100) < 1e-9, { message: 'at most two decimals' });

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
});

export type Group = {
  code: string;
  name: { id: string; en: string };
  kind: string;
  weight: number;
  groups?: Group[];
  indicators?: number[];
};

export const groupSchema: z.ZodType<Group> = z.lazy(() =>
  z.object({
    code: z.string().min(1),
    name: text,
    kind: z.string().min(1),
    weight,
    groups: z.array(groupSchema).optional(),
    indicators: z.array(z.number().int().positive()).optional(),
  }),
);

export const predicateBandSchema = z.object({ min: z.number().min(0).max(5), label: text });

export const frameworkSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    name: text,
    version: z.string().min(1),
    status: z.enum(['official', 'provisional']),
    source: z.string().min(1),
    groups: z.array(groupSchema).min(1),
    indicators: z.array(indicatorSchema).min(1),
    /** Highest band first; a value gets the first band whose min it reaches. */
    predicates: z.array(predicateBandSchema).min(1),
  })
  .superRefine((f, ctx) => {
    const numbers = f.indicators.map((i) => i.number);
    const dup = numbers.filter((n, i) => numbers.indexOf(n) !== i);
    if (dup.length)
      ctx.addIssue({ code: 'custom', path: ['indicators'], message: `duplicate numbers ${dup.join(', ')}` });
    const weightOf = new Map(f.indicators.map((i) => [i.number, Math.round(i.weight * 100)]));
    const placed: number[] = [];
    const walk = (g: Group, path: (string | number)[]): number => {
      if (g.groups?.length && g.indicators?.length) {
        ctx.addIssue({ code: 'custom', path, message: `group ${g.code} has both groups and indicators` });
      }
      let units = 0;
      g.groups?.forEach((c, i) => {
        units += walk(c, [...path, 'groups', i]);
      });
      for (const n of g.indicators ?? []) {
        const w = weightOf.get(n);
        if (w === undefined)
          ctx.addIssue({ code: 'custom', path, message: `group ${g.code} names unknown indicator ${n}` });
        else units += w;
        placed.push(n);
      }
      if (units !== Math.round(g.weight * 100)) {
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'weight'],
          message: `group ${g.code} weighs ${g.weight} but its contents weigh ${units / 100}`,
        });
      }
      return units;
    };
    const total = f.groups.reduce((s, g, i) => s + walk(g, ['groups', i]), 0);
    if (total !== 10000)
      ctx.addIssue({
        code: 'custom',
        path: ['groups'],
        message: `weights add up to ${total / 100}, not 100`,
      });
    const unplaced = numbers.filter((n) => !placed.includes(n));
    if (unplaced.length)
      ctx.addIssue({
        code: 'custom',
        path: ['groups'],
        message: `indicators in no group: ${unplaced.join(', ')}`,
      });
    const twice = placed.filter((n, i) => placed.indexOf(n) !== i);
    if (twice.length)
      ctx.addIssue({
        code: 'custom',
        path: ['groups'],
        message: `indicators in two groups: ${twice.join(', ')}`,
      });
    f.indicators.forEach((ind, i) => {
      if (ind.levels.some((l, k) => l.level !== k + 1)) {
        ctx.addIssue({
          code: 'custom',
          path: ['indicators', i, 'levels'],
          message: 'levels must be 1..5 in order',
        });
      }
    });
    if (f.predicates.some((p, i) => i > 0 && p.min >= f.predicates[i - 1]!.min)) {
      ctx.addIssue({
        code: 'custom',
        path: ['predicates'],
        message: 'bands must be ordered from the highest min down',
      });
    }
  });

export type Framework = z.infer<typeof frameworkSchema>;
export type FrameworkInput = z.input<typeof frameworkSchema>;
