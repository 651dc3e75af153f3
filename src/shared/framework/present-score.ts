import type { Score } from './score';

/** The API/UI shape of a score: display values (half-up, 2 decimals) plus exact ones. */
export function presentScore(s: Score) {
  const group = (depth: number) =>
    s.groups
      .filter((g) => g.depth === depth)
      .map((g) => ({
        code: g.code,
        name: g.name.id,
        nameEn: g.name.en,
        index: g.value?.display ?? null,
        exact: g.value?.exact ?? null,
        predicate: g.value?.predicate.id ?? null,
        answered: g.answered,
        total: g.total,
      }));
  return {
    framework: { id: s.frameworkId, version: s.frameworkVersion },
    index: s.index?.display ?? null,
    exact: s.index?.exact ?? null,
    predicate: s.index?.predicate.id ?? null,
    predicateEn: s.index?.predicate.en ?? null,
    complete: s.complete,
    provisional: s.provisional,
    answered: s.answered,
    total: s.total,
    domains: group(0),
    aspects: group(1),
  };
}

export type PresentedScore = ReturnType<typeof presentScore>;

/**
 * The English name of an official rating ("Memuaskan" → "Excellent"): results keep the official
 * Indonesian word, and the framework's bands name it in both languages. Unknown words stay as
 * they are (a rating from a framework that is no longer loaded).
 */
export function englishPredicate(
  predicates: readonly { label: { id: string; en: string } }[],
  predicate: string,
): string {
  const wanted = predicate.toLowerCase();
  return predicates.find((p) => p.label.id.toLowerCase() === wanted)?.label.en ?? predicate;
}
