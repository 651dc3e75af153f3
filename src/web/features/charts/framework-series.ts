import { useMemo } from 'react';
import {
  type FrameworkPoint,
  type FrameworkSegment,
  onAxis,
  splitByFramework,
  yearsOf,
} from '../../../shared/framework/series-by-framework';
import { useI18n } from '../../i18n/i18n';
import { useFrameworkName } from '../assessments/framework-labels';

// Every trend chart and table splits its yearly series by framework (shared/framework/
// series-by-framework.ts): one labelled line or section per framework, never one line across a
// change of framework.

export type Segments<T extends FrameworkPoint> = {
  segments: FrameworkSegment<T>[];
  /** Every year any framework has a point for: the shared x axis. */
  axis: number[];
  /** "SPBE evaluation (PermenPANRB 59/2020) (2021–2025)": a segment's name in the reader's language. */
  label: (s: FrameworkSegment<T>) => string;
  /** A series per segment and value, named by segment (and `name` when several values are drawn). */
  series: (value: (p: T) => number | null, name?: string) => Record<string, unknown>[];
};

export function useFrameworkSegments<T extends FrameworkPoint>(points: readonly T[]): Segments<T> {
  const { t } = useI18n();
  const frameworkName = useFrameworkName();
  return useMemo(() => {
    const segments = splitByFramework(points);
    const axis = yearsOf(segments);
    const label = (s: FrameworkSegment<T>) =>
      t('trendSection', { framework: frameworkName(s.frameworkId), from: s.from, until: s.until });
    const series = (value: (p: T) => number | null, name?: string) =>
      segments.map((s) => ({
        name: name ? `${name} · ${label(s)}` : label(s),
        type: 'line',
        // Gaps inside one framework's years are joined; a change of framework never is (each its own series).
        connectNulls: true,
        symbolSize: 6,
        data: onAxis(s, axis, value),
      }));
    return { segments, axis, label, series };
  }, [points, t, frameworkName]);
}
