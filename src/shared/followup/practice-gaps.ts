import type { Framework } from '../framework/framework-schema';

// "Practices for my gaps": how much a practice could lift a body's index. Pure, so the web can
// show the same figures without a round trip.

export type PracticeLevels = { indicator: number; level: number }[];
export type BodyLevels = Record<string | number, number>;

export type GapLine = {
  indicator: number;
  weight: number;
  bodyLevel: number;
  practiceLevel: number;
  /** Index points: weight × max(0, practiceLevel − bodyLevel) / 100. */
  gain: number;
};

/** A body without a level for an indicator is taken to be at the lowest level. */
export const ASSUMED_LEVEL = 1;

/**
 * The gain of one practice for a body: Σ weight × max(0, practiceLevel − bodyLevel) / 100 over
 * the practice's indicators. Weights are whole hundredths, so the sum is done in integers and
 * only divided at the end (no drift from adding decimals). Unknown indicators count for nothing.
 */
export function practiceGain(framework: Framework, body: BodyLevels, indicators: PracticeLevels) {
  const weights = new Map(framework.indicators.map((i) => [i.number, Math.round(i.weight * 100)]));
  let units = 0;
  const lines: GapLine[] = [];
  for (const p of indicators) {
    const w = weights.get(p.indicator);
    if (w === undefined) continue;
    const bodyLevel = body[p.indicator] ?? body[String(p.indicator)] ?? ASSUMED_LEVEL;
    const steps = Math.max(0, p.level - bodyLevel);
    units += w * steps;
    lines.push({
      indicator: p.indicator,
      weight: w / 100,
      bodyLevel,
      practiceLevel: p.level,
      gain: (w * steps) / 10_000,
    });
  }
  return { gain: units / 10_000, units, lines };
}

/**
 * Practices ordered by the gain they offer the body (largest first; ties by title, then id).
 * Practices that would lift nothing are left out: they do not address this body's gaps.
 */
export function rankPractices<T extends { id: string; title: string; indicators: PracticeLevels }>(
  framework: Framework,
  body: BodyLevels,
  practices: T[],
) {
  return practices
    .map((practice) => ({ practice, ...practiceGain(framework, body, practice.indicators) }))
    .filter((r) => r.units > 0)
    .sort(
      (a, b) =>
        b.units - a.units ||
        a.practice.title.localeCompare(b.practice.title) ||
        (a.practice.id < b.practice.id ? -1 : a.practice.id > b.practice.id ? 1 : 0),
    )
    .map(({ units: _, ...r }) => r);
}
