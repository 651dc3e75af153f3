import type { TextKey, TextParams } from '../../../shared/texts';
import type { Bilingual, ReportFacts } from './reports.model';

type Format = {
  t: (key: TextKey, p?: TextParams) => string;
  n2: (n: number) => string;
  label: (b: Bilingual) => string;
};

/**
 * The rapor's headline: the body's index by the one definition (official, else its submitted
 * self-assessment) with its framework, then the self-assessment being written when the index does
 * not reflect it yet, marked provisional — beside the index, never in its place.
 */
export function indexHeadline(f: ReportFacts, { t, n2, label }: Format) {
  const i = f.index;
  const lines: string[] = [];
  const reflected =
    !!i && !!f.self && i.source === 'self' && i.year === f.self.year && f.self.status !== 'draft';
  if (i) {
    const status = reflected ? f.self!.status : 'submitted';
    lines.push(
      i.source === 'official'
        ? t('REPORT_OFFICIAL_ONLY', { year: i.year })
        : t('REPORT_SELF', { year: i.year, status: t(`REPORT_ASSESSMENT_${status}`) }),
    );
    lines.push(t('REPORT_FRAMEWORK', { name: label(i.framework) }));
    if (i.source === 'self' && f.official)
      lines.push(
        t('REPORT_OFFICIAL', {
          year: f.official.year,
          index: n2(f.official.index),
          predicate: label(f.official.predicate),
        }),
      );
  } else {
    lines.push(t('REPORT_NO_INDEX'));
  }
  if (f.self && f.self.index !== null && !reflected && !(i?.source === 'official' && i.year >= f.self.year)) {
    lines.push(
      t('REPORT_DRAFT', {
        year: f.self.year,
        status: t(`REPORT_ASSESSMENT_${f.self.status}`),
        index: n2(f.self.index),
      }),
    );
    if (!f.self.complete)
      lines.push(t('REPORT_PROVISIONAL', { answered: f.self.answered, total: f.self.total }));
  }
  return {
    value: i ? n2(i.value) : null,
    predicate: i?.predicate ? label(i.predicate) : null,
    lines,
  };
}
