import type {
  BodyIndex,
  IndexBands,
  MapMilestone,
  ProvinceBody,
  ProvinceRow,
  RegionValue,
  SupervisionTrend,
} from '../../../shared/contracts/supervision';
import type { Locale } from '../../../shared/errors';
import type { BodyInfo } from '../../../shared/followup/facts';
import { type BodyRow, type Measured, STALL_DAYS } from '../../../shared/followup/measure';
import { milestones } from '../../../shared/followup/milestones';
import { spbe2020Framework } from '../../../shared/framework/frameworks';
import { supervisionDefinitions } from '../../../shared/supervision/definitions';
import { shippedFramework } from '../frameworks/frameworks.registry';
import { legacyStage, presentBody } from '../funnel/funnel.presenter';
import type { DirectoryBody } from './supervision.queries';

// The cockpits' shapes, from the follow-up measure's rows (never recounted) and the indices.

export const infoOf = (b: DirectoryBody): BodyInfo => ({
  orgId: b.id,
  code: b.code,
  name: b.name,
  provinceCode: b.provinceCode,
  type: b.type,
});

/** The map's colour of a body: a host's own, else the furthest milestone it reached. */
export function mapMilestone(row: BodyRow | undefined, isHost: boolean): MapMilestone {
  if (isHost) return 'host';
  if (!row) return 'notJoined';
  const stage = legacyStage(row);
  return stage && (milestones as readonly string[]).includes(stage) ? (stage as MapMilestone) : 'joined';
}

export function regionValue(b: DirectoryBody, row: BodyRow | undefined, latest: BodyIndex | undefined) {
  return {
    code: b.code,
    name: b.name,
    type: b.type,
    milestone: mapMilestone(row, b.isHost),
    latest: latest ?? null,
  } satisfies RegionValue;
}

/** A province's row: its scope's follow-up measure and its bodies' average index. */
export function provinceRow(
  p: DirectoryBody,
  bodies: number,
  m: Measured,
  average: { average: number | null; count: number },
): ProvinceRow {
  return {
    code: p.code,
    name: p.name,
    bodies,
    cohort: m.cohort,
    notJoined: m.notJoined.length,
    followedUp: m.headline.followedUp,
    followingPath: m.headline.followingPath,
    improved: m.headline.improved,
    averageIndex: average.average,
    indexed: average.count,
  };
}

export function provinceBody(
  b: DirectoryBody,
  row: BodyRow | undefined,
  latest: BodyIndex | undefined,
  late: { items: number; obligations: number } | undefined,
  locale: Locale,
): ProvinceBody {
  // The funnel's own presentation of a body: the same path progress and stall its pages show.
  const shown = presentBody(infoOf(b), row ?? null, null, locale);
  const overdueItems = late?.items ?? 0;
  const missedObligations = late?.obligations ?? 0;
  return {
    ...regionValue(b, row, latest),
    joined: shown.joined,
    followedUp: row?.measure.followedUp?.date ?? null,
    next: row?.next ?? null,
    pathProgressPercent: shown.pathProgressPercent,
    idleDays: row?.idleDays ?? null,
    overdueItems,
    missedObligations,
    stalled: shown.stalledDays !== null || overdueItems > 0 || missedObligations > 0,
  };
}

export function presentTrend(m: Measured, years: SupervisionTrend['years']): SupervisionTrend {
  return { months: m.trend, years };
}

/**
 * The bands the map colours indices by: the predicate bands of the framework the evaluation uses
 * (SPBE 2020), lowest first.
 */
/** A framework's name for a figure's label (an admin-loaded framework is named by its id). */
export const frameworkName = (id: string | null) =>
  id === null ? null : (shippedFramework(id)?.name ?? { id, en: id });

export function indexBands(): IndexBands {
  return [...spbe2020Framework.predicates].reverse().map((b) => ({ min: b.min, label: b.label }));
}

/** The definitions served with the figures (the stall period filled in). */
export function definitionsText() {
  const days = String(STALL_DAYS);
  return {
    ...supervisionDefinitions,
    stalled: {
      id: supervisionDefinitions.stalled.id.replace('{days}', days),
      en: supervisionDefinitions.stalled.en.replace('{days}', days),
    },
  };
}
