import { z } from 'zod';
import type { TextKey, TextParams } from '../texts';
import { type Framework, frameworkStatuses } from './framework-schema';
import { findIndicator } from './score';

// A crosswalk says, for each indicator of a newer framework, which indicators of an older one
// cover the same ground, and why. It is data (like a framework), so a body starting its first
// assessment on the new framework can be shown its earlier levels, justifications and evidence
// on the related indicators. A link is a reading of topics, not a conversion of levels.

const text = z.object({ id: z.string().min(1), en: z.string().min(1) });
const frameworkRef = z.object({ id: z.string().regex(/^[a-z0-9-]+$/), version: z.string().min(1) });
const number = z.number().int().positive();

export const crosswalkLinkSchema = z.object({
  /** An indicator of the `to` framework. */
  indicator: number,
  /** The `from` framework's indicators that cover the same ground. */
  related: z.array(number).min(1),
  reason: text,
});

export const crosswalkSchema = z
  .object({
    from: frameworkRef,
    to: frameworkRef,
    status: z.enum(frameworkStatuses),
    /** Where the links come from: an official mapping, or the platform's own reading. */
    source: z.string().min(1),
    links: z.array(crosswalkLinkSchema).min(1),
  })
  .superRefine((c, ctx) => {
    const twice = (xs: number[]) => [...new Set(xs.filter((n, i) => xs.indexOf(n) !== i))];
    const dup = twice(c.links.map((l) => l.indicator));
    if (dup.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['links'],
        message: 'CROSSWALK_DUPLICATE' satisfies TextKey,
        params: { numbers: dup.join(', ') },
      });
    }
    c.links.forEach((l, i) => {
      const d = twice(l.related);
      if (d.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['links', i, 'related'],
          message: 'CROSSWALK_DUPLICATE' satisfies TextKey,
          params: { numbers: d.join(', ') },
        });
      }
    });
  });

export type Crosswalk = z.infer<typeof crosswalkSchema>;
export type CrosswalkLink = z.infer<typeof crosswalkLinkSchema>;
export type CrosswalkProblem = { path: string; message: TextKey; params: TextParams };

/** The link of one indicator of the `to` framework, if the crosswalk has one. */
export function crosswalkLink(crosswalk: Crosswalk, indicator: number): CrosswalkLink | undefined {
  return crosswalk.links.find((l) => l.indicator === indicator);
}

/** The `from` framework's indicators related to this `to` indicator (none when it has no link). */
export function relatedIndicators(crosswalk: Crosswalk, indicator: number): readonly number[] {
  return crosswalkLink(crosswalk, indicator)?.related ?? [];
}

/**
 * Every way a crosswalk does not fit the two frameworks it names: a different framework or
 * version, or an indicator number that one of them does not have. Empty when it fits.
 */
export function crosswalkProblems(crosswalk: Crosswalk, from: Framework, to: Framework): CrosswalkProblem[] {
  const problems: CrosswalkProblem[] = [];
  for (const [side, f] of [
    ['from', from],
    ['to', to],
  ] as const) {
    const ref = crosswalk[side];
    if (ref.id !== f.id || ref.version !== f.version) {
      problems.push({
        path: side,
        message: 'CROSSWALK_FRAMEWORK_MISMATCH',
        params: { expected: `${ref.id}@${ref.version}`, actual: `${f.id}@${f.version}` },
      });
    }
  }
  crosswalk.links.forEach((l, i) => {
    if (!findIndicator(to, l.indicator)) {
      problems.push({
        path: `links.${i}.indicator`,
        message: 'CROSSWALK_UNKNOWN_INDICATOR',
        params: { indicator: l.indicator, framework: to.id },
      });
    }
    l.related.forEach((n, k) => {
      if (!findIndicator(from, n)) {
        problems.push({
          path: `links.${i}.related.${k}`,
          message: 'CROSSWALK_UNKNOWN_INDICATOR',
          params: { indicator: n, framework: from.id },
        });
      }
    });
  });
  return problems;
}
