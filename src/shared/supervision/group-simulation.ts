import { averageOf, round2 } from '../framework/body-index';
import type { Framework } from '../framework/framework-schema';
import { findIndicator, type Levels, score } from '../framework/score';

// The group simulation of a province ("if these 8 regions and the province reached their plans,
// the province's average would be 3.53"): each body's index if its approved plans' targets were
// reached, scored by the framework engine exactly as a self-assessment is, and the province's
// average for any chosen group. Pure, so the page recomputes it at once as regions are picked.

export type PlanTarget = { indicator: number; level: number };

/**
 * The levels a body would have if it reached every target: each target raises its indicator to
 * the target level (never lowers it). Levels and targets the framework does not know, or outside
 * 1–5, are left out: a plan or result made for another framework version cannot break the score.
 */
export function plannedLevels(framework: Framework, levels: Levels, targets: readonly PlanTarget[]) {
  const valid = (key: string, level: number) =>
    !!findIndicator(framework, key) && Number.isInteger(level) && level >= 1 && level <= 5;
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(levels)) if (valid(k, v)) out[k] = v;
  let raised = 0;
  for (const t of targets) {
    const key = String(t.indicator);
    if (!valid(key, t.level)) continue;
    const from = out[key];
    if (from === undefined || t.level > from) {
      out[key] = t.level;
      raised += 1;
    }
  }
  return { levels: out, raised };
}

/**
 * What reaching the plans does to a body's index: the framework engine scores the levels the
 * simulation starts from, and the same levels with the targets reached; `gain` is the exact
 * difference (null when nothing can be scored).
 */
export function planEffect(framework: Framework, levels: Levels, targets: readonly PlanTarget[]) {
  const planned = plannedLevels(framework, levels, []);
  const reached = plannedLevels(framework, planned.levels, targets);
  const before = score(framework, planned.levels).index;
  const after = score(framework, reached.levels).index;
  return {
    before: before?.display ?? null,
    after: after?.display ?? null,
    gain: before && after ? after.exact - before.exact : null,
    raised: reached.raised,
  };
}

/**
 * A body's index with its plans reached: its latest index plus what the plans add to the levels
 * the simulation starts from. The gain is added, not the planned levels' own score, because the
 * latest index may be a newer official total than those levels: a plan is credited with what it
 * changes, never with the difference between two results. Capped at 5, the top of the scale.
 */
export function plannedIndex(current: number | null, effect: ReturnType<typeof planEffect>): number | null {
  if (effect.gain === null) return current;
  if (current === null) return effect.after;
  return Math.min(5, round2(current + effect.gain));
}

export type GroupBody = {
  code: string;
  /** The index counted today (null: none yet). */
  current: number | null;
  /** The index with its plans reached (null: no plan, or no levels to start from). */
  planned: number | null;
};

/**
 * The average of all bodies today, and with the chosen bodies' plans reached. A chosen body
 * counts at its planned index, which reaching a plan cannot make lower than today's; the others
 * (and chosen bodies without a plan) count at today's index; bodies without any index are left
 * out of both averages.
 */
export function simulateGroup(bodies: readonly GroupBody[], chosen: Iterable<string>) {
  const picked = new Set(chosen);
  const values = bodies.map((b) => {
    if (!picked.has(b.code) || b.planned === null) return b.current;
    return b.current === null ? b.planned : Math.max(b.current, b.planned);
  });
  const now = averageOf(bodies.map((b) => b.current));
  const then = averageOf(values);
  return {
    current: now,
    simulated: then,
    change: now.average !== null && then.average !== null ? round2(then.average - now.average) : null,
    /** Chosen bodies whose index would rise. */
    rising: bodies.filter((b, i) => picked.has(b.code) && (values[i] ?? 0) > (b.current ?? 0)).length,
  };
}
