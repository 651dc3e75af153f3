import { daysBetween } from '../../../shared/calendar';
import type { Funnel, FunnelBody, legacyStages } from '../../../shared/contracts/followup';
import { definitions } from '../../../shared/followup/definitions';
import type { BodyInfo } from '../../../shared/followup/facts';
import { type BodyRow, type Figure, hitOf, type Measured } from '../../../shared/followup/measure';
import { milestones, type Text } from '../../../shared/followup/milestones';
import type { ResolvedScope } from './funnel.service';

type Locale = 'id' | 'en';
type LegacyStage = (typeof legacyStages)[number];
const say = (t: Text | null | undefined, locale: Locale) => (t ? t[locale] : null);

function median(values: number[]): number | null {
  if (!values.length) return null;
  const v = [...values].sort((a, b) => a - b);
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}

/** The furthest point of the journey the body reached (former funnel clients; the supervisors' map colour). */
export function legacyStage(row: BodyRow): LegacyStage | null {
  const last = [...milestones].reverse().find((m) => row.measure.hits[m]);
  if (last) return last;
  return row.measure.joined.some((j) => j.kind === 'visit') ? 'visited' : null;
}

function daysToReach(m: Measured, milestone: (typeof milestones)[number]): number[] {
  const days: number[] = [];
  for (const row of m.rows) {
    const hit = row.measure.hits[milestone];
    if (hit) days.push(daysBetween(row.measure.referenceDate, hit.date));
  }
  return days;
}

export function presentFunnel(m: Measured, r: ResolvedScope): Funnel {
  const visited = m.visited.count;
  return {
    scope: { kind: r.scope.kind, ref: r.ref, name: r.name },
    cohort: { count: m.cohort, notJoined: r.scope.kind === 'province' ? m.notJoined.length : null },
    headline: m.headline,
    selfReported: m.selfReported,
    milestones: m.milestones,
    definitions,
    trend: m.trend,
    pathThresholdPercent: r.thresholdPercent,
    visited,
    stages: [
      { stage: 'visited' as const, ...m.visited, medianDays: null },
      ...m.milestones.map((x) => ({
        stage: x.milestone,
        count: x.count,
        percent: x.percent,
        medianDays: median(daysToReach(m, x.milestone)),
      })),
    ],
    stalledCount: m.stalled.length,
    stalled: m.stalled.slice(0, 20).map((row) => ({
      code: row.code,
      name: row.name,
      stage: legacyStage(row),
      next: row.next!,
      idleDays: row.idleDays ?? 0,
    })),
  };
}

export function presentBody(
  body: BodyInfo,
  row: BodyRow | null,
  figure: Figure | null,
  locale: Locale,
): FunnelBody {
  if (!row) {
    return {
      code: body.code,
      name: body.name,
      provinceCode: body.provinceCode,
      joined: false,
      referenceDate: null,
      joinedBy: [],
      reason: null,
      date: null,
      milestones: Object.fromEntries(milestones.map((x) => [x, null])) as FunnelBody['milestones'],
      pathProgressPercent: null,
      stalledDays: null,
      stage: null,
      reached: {},
      lastActivity: null,
    };
  }
  const m = row.measure;
  const hit = figure ? hitOf(row, figure) : null;
  const visit = m.joined.find((j) => j.kind === 'visit');
  const reached: Record<string, string> = visit ? { visited: visit.date } : {};
  for (const x of milestones) if (m.hits[x]) reached[x] = m.hits[x]!.date;
  return {
    code: row.code,
    name: row.name,
    provinceCode: row.provinceCode,
    joined: true,
    referenceDate: m.referenceDate,
    joinedBy: m.joined.map((j) => j.reason[locale]),
    reason: say(hit?.reason, locale),
    date: hit?.date ?? null,
    milestones: Object.fromEntries(
      milestones.map((x) => [x, m.hits[x]?.date ?? null]),
    ) as FunnelBody['milestones'],
    pathProgressPercent:
      m.path?.progress === null || m.path?.progress === undefined
        ? null
        : Math.round(m.path.progress * 1000) / 10,
    stalledDays: row.stalled ? row.idleDays : null,
    stage: legacyStage(row),
    reached,
    lastActivity: row.lastActivity,
  };
}
