import { type Day, daysBetween, dmy } from '../../../shared/calendar';
import type { AssessmentStatus } from '../../../shared/contracts/assessments';
import type { PlanStatus } from '../../../shared/contracts/plans';
import type { ReportLang } from '../../../shared/contracts/reports';
import { type TextKey, type TextParams, text } from '../../../shared/texts';
import { indexHeadline } from './reports.headline';

// The leader report as text, pure: the facts the service gathered become the lines the PDF draws,
// in one language, with every list cut to what one page holds ("dan N lainnya"). The limits are
// the layout's (reports.pdf.ts places each section at a fixed height).

export type Bilingual = { id: string; en: string };

export type ReportFacts = {
  org: { code: string; name: string; provinceName: string | null; isHost: boolean };
  today: Day;
  /** The body's index by the one definition (shared/framework/body-index.ts). */
  index: {
    value: number;
    year: number;
    source: 'official' | 'self';
    framework: Bilingual;
    predicate: Bilingual | null;
  } | null;
  /** The self-assessment of the report's year, whatever its status (a draft is shown as such). */
  self: {
    year: number;
    index: number | null;
    predicate: Bilingual | null;
    status: AssessmentStatus;
    complete: boolean;
    answered: number;
    total: number;
  } | null;
  official: { year: number; index: number; predicate: Bilingual } | null;
  host: {
    name: string;
    latest: { year: number; index: number; source: 'official' | 'self' } | null;
    levelsShared: boolean;
  } | null;
  province: { average: number; count: number } | null;
  national: { year: number; average: number } | null;
  trend: { year: number; self: number | null; official: number | null; host: number | null }[];
  domains: { code: string; name: Bilingual; body: number | null; host: number | null }[];
  gaps: { indicator: number; name: Bilingual; weight: number; mine: number | null; host: number }[];
  plan: {
    period: string;
    status: PlanStatus;
    approvedVersion: number;
    total: number;
    done: number;
    inProgress: number;
    blocked: number;
    planned: number;
    overdue: number;
  } | null;
  overdue: { total: number; items: { title: string; owner: string | null; dueDate: Day }[] };
  sample: boolean;
};

/** What one page holds: rows per list (a list longer than this ends with "dan N lainnya"). */
export const REPORT_LIMITS = { domains: 6, gaps: 8, overdue: 12, trendYears: 8 } as const;

export type SeriesKind = 'official' | 'self' | 'host';
export type Table = { header: string[]; rows: string[][]; more: string | null; empty: string | null };

export type ReportModel = {
  title: string;
  kicker: string;
  name: string;
  subline: string;
  generated: string;
  index: { label: string; value: string | null; predicate: string | null; lines: string[] };
  compare: string[];
  trend: {
    title: string;
    years: number[];
    series: { kind: SeriesKind; label: string; points: { year: number; value: number }[] }[];
    empty: string | null;
    format: (n: number) => string;
  };
  domains: { title: string } & Table;
  gaps: { title: string } & Table;
  plan: {
    title: string;
    line: string | null;
    counts: string | null;
    share: number | null;
    percent: string | null;
    empty: string | null;
  };
  overdue: { title: string } & Table;
  notes: { sample: string | null; footer: string };
};

/**
 * At most `limit` rows; past it, one row fewer and "dan N lainnya" for the rest. `total` counts
 * every row when the list read is already cut (the overdue items are read `limit` at most).
 */
function cut<T>(rows: T[], limit: number, t: (key: TextKey, p?: TextParams) => string, total = rows.length) {
  if (total <= limit) return { shown: rows.slice(0, limit), more: null };
  const shown = rows.slice(0, limit - 1);
  return { shown, more: t('REPORT_MORE', { count: total - shown.length }) };
}

export function reportModel(f: ReportFacts, lang: ReportLang): ReportModel {
  const t = (key: TextKey, p?: TextParams) => text(lang, key, p);
  const numberFormat = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'id-ID', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  const n2 = (n: number) => numberFormat.format(n);
  const signed = (n: number) => (n > 0 ? `+${n2(n)}` : n < 0 ? `−${n2(-n)}` : n2(0));
  const label = (b: Bilingual) => b[lang];
  const date = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${f.today}T00:00:00Z`));

  const headline = indexHeadline(f, { t, n2, label });

  const compare: string[] = [];
  if (f.org.isHost && !f.host) compare.push(t('REPORT_IS_HOST'));
  if (f.host?.latest)
    compare.push(
      t('REPORT_COMPARE_HOST', {
        name: f.host.name,
        year: f.host.latest.year,
        index: n2(f.host.latest.index),
      }),
    );
  if (f.province)
    compare.push(t('REPORT_COMPARE_PROVINCE', { index: n2(f.province.average), count: f.province.count }));
  if (f.national)
    compare.push(t('REPORT_COMPARE_NATIONAL', { year: f.national.year, index: n2(f.national.average) }));

  // The chart's years: every year (gaps included) up to the latest, at most `trendYears` of them.
  const lastYear = f.trend.at(-1)?.year;
  const firstYear =
    lastYear === undefined ? 0 : Math.max(f.trend[0]!.year, lastYear - REPORT_LIMITS.trendYears + 1);
  const trendRows = f.trend.filter((r) => r.year >= firstYear);
  const trendYears =
    lastYear === undefined ? [] : Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i);
  const series = (
    kind: SeriesKind,
    key: TextKey,
    pick: (r: ReportFacts['trend'][number]) => number | null,
  ) => ({
    kind,
    label: t(key),
    points: trendRows.flatMap((r) => {
      const v = pick(r);
      return v === null ? [] : [{ year: r.year, value: v }];
    }),
  });
  const allSeries = [
    series('official', 'REPORT_SERIES_OFFICIAL', (r) => r.official),
    series('self', 'REPORT_SERIES_SELF', (r) => r.self),
    series('host', 'REPORT_SERIES_HOST', (r) => r.host),
  ].filter((s) => s.points.length > 0);

  // Without another host (the body is one) the table has the body's column only.
  const withHost = f.host !== null;
  const domainRows = f.domains
    .filter((d) => d.body !== null || (withHost && d.host !== null))
    .map((d) => {
      const row = [`${d.code} ${label(d.name)}`, d.body === null ? '–' : n2(d.body)];
      if (!withHost) return row;
      return [
        ...row,
        d.host === null ? '–' : n2(d.host),
        d.body === null || d.host === null ? '–' : signed(d.body - d.host),
      ];
    });
  const domains = cut(domainRows, REPORT_LIMITS.domains, t);

  // Top gaps: what closing each would add to the index (levels behind × the indicator's weight).
  // Indicators the body answered come first: an unanswered one says nothing yet about a gap, and
  // would otherwise fill the list (an empty level counted as 1 is the widest gap there is).
  const weighted = (g: (typeof f.gaps)[number]) => (g.host - (g.mine ?? 1)) * g.weight;
  const gapsSorted = [...f.gaps].sort(
    (a, b) =>
      Number(a.mine === null) - Number(b.mine === null) ||
      weighted(b) - weighted(a) ||
      a.indicator - b.indicator,
  );
  const gaps = cut(gapsSorted, REPORT_LIMITS.gaps, t);
  const gapsEmpty = !f.host
    ? t(f.org.isHost ? 'REPORT_IS_HOST' : 'REPORT_NO_HOST')
    : !f.host.levelsShared
      ? t('REPORT_GAPS_HIDDEN')
      : f.gaps.length === 0
        ? t('REPORT_NO_GAPS')
        : null;

  const plan = f.plan;
  const share = plan && plan.total > 0 ? plan.done / plan.total : null;
  const overdue = cut(f.overdue.items, REPORT_LIMITS.overdue, t, f.overdue.total);

  return {
    title: t('REPORT_DOC_TITLE', { org: f.org.name }),
    kicker: t('REPORT_KICKER'),
    name: f.org.name,
    subline: [f.org.code, f.org.provinceName].filter(Boolean).join(' · '),
    generated: t('REPORT_GENERATED', { date }),
    index: { label: t('REPORT_INDEX'), ...headline },
    compare,
    trend: {
      title: t('REPORT_TREND'),
      years: trendYears,
      series: allSeries,
      empty: allSeries.length ? null : t('REPORT_NO_TREND'),
      format: n2,
    },
    domains: {
      title: t('REPORT_DOMAINS'),
      header: withHost
        ? [t('REPORT_COL_DOMAIN'), t('REPORT_COL_BODY'), t('REPORT_COL_HOST'), t('REPORT_COL_GAP')]
        : [t('REPORT_COL_DOMAIN'), t('REPORT_COL_BODY')],
      rows: domains.shown,
      more: domains.more,
      empty: domainRows.length ? null : t('REPORT_NO_INDEX'),
    },
    gaps: {
      title: f.host ? t('REPORT_GAPS', { host: f.host.name }) : t('REPORT_GAPS_NO_HOST'),
      header: [t('REPORT_COL_INDICATOR'), t('REPORT_COL_OURS'), t('REPORT_COL_HOST')],
      rows: gapsEmpty
        ? []
        : gaps.shown.map((g) => [
            `${g.indicator}. ${label(g.name)}`,
            g.mine === null ? '–' : String(g.mine),
            String(g.host),
          ]),
      more: gapsEmpty ? null : gaps.more,
      empty: gapsEmpty,
    },
    plan: {
      title: t('REPORT_PLAN_PROGRESS'),
      line: plan
        ? t('REPORT_PLAN', {
            period: plan.period,
            status: t(`REPORT_PLAN_${plan.status}`, { version: plan.approvedVersion }),
          })
        : null,
      counts: plan ? t('REPORT_PLAN_COUNTS', { ...plan }) : null,
      share,
      percent: share === null ? null : t('REPORT_PLAN_PERCENT', { percent: Math.round(share * 100) }),
      empty: plan ? null : t('REPORT_NO_PLAN'),
    },
    overdue: {
      title: t('REPORT_OVERDUE'),
      header: [t('REPORT_COL_ITEM'), t('REPORT_COL_OWNER'), t('REPORT_COL_DUE'), t('REPORT_COL_LATE')],
      rows: overdue.shown.map((i) => [
        i.title,
        i.owner ?? t('REPORT_NO_OWNER'),
        dmy(i.dueDate),
        t('REPORT_DAYS', { days: daysBetween(i.dueDate, f.today) }),
      ]),
      more: overdue.more,
      empty: f.overdue.total ? null : t('REPORT_NO_OVERDUE'),
    },
    notes: { sample: f.sample ? t('REPORT_SAMPLE') : null, footer: t('REPORT_FOOTER') },
  };
}
