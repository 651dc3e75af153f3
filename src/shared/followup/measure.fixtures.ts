// Builders of the measure's tests: a host, weights and names, and dated facts of one body.
import type { BodyFacts, LevelSet } from './facts';
import { analyseBody, DEFAULT_PATH_THRESHOLD, type MeasureContext } from './milestones';

export const HOST = 'host-sumedang';
export const weights = { 'spbe-2020': { '1': 1.3, '2': 1.3, '11': 2.5, '12': 2.5 } };
export const names = new Map([[HOST, { code: '32.11', name: 'Kabupaten Sumedang' }]]);
export const ctx = (
  factsById = new Map<string, BodyFacts>(),
  extra: Partial<MeasureContext> = {},
): MeasureContext => ({
  factsById,
  names,
  weights,
  pathThreshold: DEFAULT_PATH_THRESHOLD,
  ...extra,
});
/** What the server stores per body, from these facts. */
export const stored = (facts: BodyFacts[]) =>
  facts.flatMap((f) => {
    const a = analyseBody(f, ctx());
    return a ? [a] : [];
  });
export const visit = (date: string, host = HOST) => ({
  id: `v-${date}`,
  hostOrgId: host,
  date,
  programmeId: null,
  indicators: [],
});
export const official = (
  year: number,
  index: number,
  levels: Record<string, number> | null = null,
): LevelSet => ({
  source: 'official',
  year,
  frameworkId: 'spbe-2020',
  index,
  levels,
  date: `${year + 1}-02-01`,
  accepted: true,
});
export const self = (date: string, levels: Record<string, number>, accepted = true, index = 2): LevelSet => ({
  source: 'self',
  year: Number(date.slice(0, 4)),
  frameworkId: 'spbe-2020',
  index,
  levels,
  date,
  accepted,
});
