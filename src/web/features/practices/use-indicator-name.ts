import { useI18n } from '../../i18n/i18n';
import { useFramework } from '../assessments/use-framework';

/**
 * "7. Kebijakan internal …" for an indicator number of a framework, in the user's language (the
 * number alone until loaded, or when no framework is named: a number means nothing without one).
 */
export function useIndicatorName(frameworkId: string | undefined) {
  const { locale } = useI18n();
  const fw = useFramework(frameworkId);
  const byNumber = new Map((fw.data?.indicators ?? []).map((i) => [i.number, i]));
  return {
    framework: fw,
    name: (n: number) => {
      const i = byNumber.get(n);
      return i ? `${n}. ${locale === 'en' ? i.name.en : i.name.id}` : String(n);
    },
  };
}
