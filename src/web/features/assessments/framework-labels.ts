import { useCallback, useMemo } from 'react';
import { useI18n } from '../../i18n/i18n';
import { useFrameworks } from './api';

/**
 * The reader's word for a stored predicate. Official results and assessments keep the rating as the
 * official evaluation publishes it, in Bahasa Indonesia ("Cukup"); English readers get the band's
 * English label ("Fair") from the frameworks' predicate bands. A word no framework defines is shown
 * as stored: it is then the publisher's own word, not a key.
 */
export function usePredicateLabel(): (predicate: string | null | undefined) => string {
  const { locale } = useI18n();
  // The bands change only when an admin loads a framework: one answer serves every page.
  const frameworks = useFrameworks(5 * 60_000);
  const english = useMemo(() => {
    const names = new Map<string, string>();
    for (const f of frameworks.data?.data ?? []) {
      for (const band of f.predicates) names.set(band.label.id.toLowerCase(), band.label.en);
    }
    return names;
  }, [frameworks.data]);
  return useCallback(
    (predicate) => {
      if (!predicate) return '';
      return locale === 'en' ? (english.get(predicate.toLowerCase()) ?? predicate) : predicate;
    },
    [locale, english],
  );
}

/** A framework's name in the reader's language by its id (the id itself until the list is in). */
export function useFrameworkName(): (id: string) => string {
  const { locale } = useI18n();
  const frameworks = useFrameworks(5 * 60_000);
  return useCallback(
    (id) => {
      const f = frameworks.data?.data.find((x) => x.id === id);
      return f ? f.name[locale] : id;
    },
    [locale, frameworks.data],
  );
}
