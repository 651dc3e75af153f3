import type { Framework } from './framework-schema';

// The one rule for which framework a new self-assessment of evaluation year Y uses. Frameworks
// name the years they were (or are) evaluated with (appliesFrom/appliesUntil); a deployment may
// override that per year range (ASSESSMENT_FRAMEWORK_BY_YEAR, parsed in server/config.ts), e.g.
// to postpone a switch while a regulation is not yet in force. Pure: the server answers with it
// and the web shows the same answer; nothing else decides it.

/** What the rule reads of a framework; `shipped` frameworks win a tie over admin-loaded ones. */
export type YearCandidate = Pick<Framework, 'id' | 'status' | 'appliesFrom' | 'appliesUntil'> & {
  shipped: boolean;
};

/** From `from` onward (until the next entry's year), new self-assessments use `frameworkId`. */
export type YearRuleEntry = { from: number; frameworkId: string };

export type YearChoice<C extends YearCandidate> =
  /** `usable` also holds the other frameworks a client may name for that year (rare ties). */
  | { kind: 'found'; framework: C; usable: C[]; by: 'configured' | 'years' }
  /** The configuration names a framework that is neither shipped nor loaded. */
  | { kind: 'unknown'; frameworkId: string }
  | { kind: 'none' };

/** Does the framework's own range of evaluation years contain the year (open-ended when absent)? */
export function appliesTo(f: Pick<Framework, 'appliesFrom' | 'appliesUntil'>, year: number): boolean {
  return (
    (f.appliesFrom ?? Number.NEGATIVE_INFINITY) <= year &&
    year <= (f.appliesUntil ?? Number.POSITIVE_INFINITY)
  );
}

/** The configured entry that covers the year: the last one whose `from` is not after it. */
export function configuredFor(rule: readonly YearRuleEntry[], year: number): YearRuleEntry | undefined {
  return [...rule]
    .sort((a, b) => a.from - b.from)
    .filter((e) => e.from <= year)
    .at(-1);
}

const newestFirst = (a: YearCandidate, b: YearCandidate) =>
  (b.appliesFrom ?? Number.NEGATIVE_INFINITY) - (a.appliesFrom ?? Number.NEGATIVE_INFINITY) ||
  // Same start year: an official model before a provisional one, a shipped before a loaded one.
  Number(a.status === 'provisional') - Number(b.status === 'provisional') ||
  Number(b.shipped) - Number(a.shipped) ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The framework a new self-assessment of `year` uses: the configured one when the configuration
 * covers the year, else the newest framework whose years contain it. A history framework (one a
 * newer framework replaced) is therefore only chosen for years no newer framework covers.
 */
export function frameworkForYear<C extends YearCandidate>(
  frameworks: readonly C[],
  year: number,
  rule: readonly YearRuleEntry[] = [],
): YearChoice<C> {
  const configured = configuredFor(rule, year);
  if (configured) {
    const f = frameworks.find((x) => x.id === configured.frameworkId);
    return f
      ? { kind: 'found', framework: f, usable: [f], by: 'configured' }
      : { kind: 'unknown', frameworkId: configured.frameworkId };
  }
  const applying = frameworks.filter((f) => appliesTo(f, year)).sort(newestFirst);
  const first = applying[0];
  if (!first) return { kind: 'none' };
  // Only the newest generation: a framework that started earlier is superseded for this year.
  const usable = applying.filter((f) => (f.appliesFrom ?? null) === (first.appliesFrom ?? null));
  return { kind: 'found', framework: first, usable, by: 'years' };
}
