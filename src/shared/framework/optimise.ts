import type { Framework } from './framework-schema';
import { checkLevels, findIndicator, type LevelIssue, type Levels, LevelsError, score } from './score';

/** One level up on one indicator, in the plan's `year` (1 = the first year). */
export type Step = { indicator: number; from: number; to: number; effort: number; year: number };

/** The index once every step up to and including `year` is done. */
export type YearOutcome = {
  year: number;
  steps: number;
  index: number;
  predicate: { id: string; en: string };
};

export type OptimiseResult =
  | {
      reachable: true;
      steps: Step[];
      totalEffort: number;
      index: number;
      predicate: { id: string; en: string };
      /** Indicators without a level, counted at level 1 (the lowest answer). */
      assumedLevel1: number[];
      /** Years the steps take (0 when the target is already reached). */
      years: number;
      byYear: YearOutcome[];
    }
  | {
      reachable: false;
      /** The highest index within reach (5 without a horizon; lower when `years` caps the rises). */
      maxIndex: number;
      assumedLevel1: number[];
    };

export type Target = { index: number } | { predicate: string };

export type OptimiseOptions = {
  /** Most levels one indicator may rise in one year (1–4, default 1): an institution's realistic pace. */
  maxStepPerYear?: number;
  /** Reach the target within this many years, at the least effort; without it, in as few years as possible. */
  years?: number;
};

/** The longest horizon accepted: beyond it every rise fits anyway (4 levels at 1 a year). */
export const MAX_PLAN_YEARS = 10;

/**
 * The set of one-level steps with the least total effort whose result reaches the target (the
 * displayed index, rounded half-up, at or above it), spread over years so that no indicator rises
 * more than `maxStepPerYear` levels in a year (2 → 5 at one a year is 2→3, 3→4, 4→5 in years 1–3).
 * Without a horizon the plan takes as few years as possible and, within them, the least effort;
 * with `years` it takes the least effort within that horizon. Exact: a multiple-choice knapsack
 * solved by dynamic programming over weight hundredths (47 indicators × ≤4 steps × ≤40,000 units),
 * each indicator capped at what the years allow. `effort[n]` is the effort of one step on
 * indicator n (default 1).
 */
export function optimise(
  framework: Framework,
  levels: Levels,
  target: Target,
  effort: Record<string | number, number> = {},
  options: OptimiseOptions = {},
): OptimiseResult {
  const issues = checkLevels(framework, levels);
  for (const [key, e] of Object.entries(effort)) {
    if (!findIndicator(framework, key)) {
      issues.push({
        field: `effort.${key}`,
        message: 'LEVEL_UNKNOWN_INDICATOR',
        params: { indicator: key, framework: framework.id },
      });
    } else if (!(typeof e === 'number' && Number.isFinite(e) && e > 0)) {
      issues.push({ field: `effort.${key}`, message: 'EFFORT_NOT_POSITIVE' });
    }
  }
  const targetHundredths = targetToHundredths(framework, target, issues);
  const pace = options.maxStepPerYear ?? 1;
  if (!(Number.isInteger(pace) && pace >= 1 && pace <= 4))
    issues.push({ field: 'maxStepPerYear', message: 'MAX_STEP_RANGE' });
  const horizon = options.years;
  if (horizon !== undefined && !(Number.isInteger(horizon) && horizon >= 1 && horizon <= MAX_PLAN_YEARS))
    issues.push({ field: 'years', message: 'YEARS_RANGE', params: { max: MAX_PLAN_YEARS } });
  if (issues.length) throw new LevelsError(issues);

  const assumedLevel1 = framework.indicators
    .filter((i) => levels[i.number] === undefined)
    .map((i) => i.number);
  const current = (n: number) => levels[n] ?? 1;
  const items = framework.indicators.map((i) => ({
    number: i.number,
    units: Math.round(i.weight * 100),
    from: current(i.number),
    stepEffort: effort[i.number] ?? 1,
  }));
  const totalUnits = items.reduce((s, i) => s + i.units, 0);
  const currentNum = items.reduce((s, i) => s + i.units * i.from, 0);
  // Smallest numerator whose half-up display reaches the target: 200·num ≥ (2T − 1)·den.
  const requiredNum = Math.ceil(((2 * targetHundredths - 1) * totalUnits) / 200);
  const needed = Math.max(0, requiredNum - currentNum);
  // The most one indicator may rise within y years, and the most the whole index may gain then.
  const cap = (from: number, y: number) => Math.min(5 - from, pace * y);
  const reach = (y: number) => items.reduce((s, i) => s + i.units * cap(i.from, y), 0);
  // Past this many years every indicator can reach 5: more years allow nothing more.
  const fullYears = Math.ceil(4 / pace);
  let years: number;
  if (horizon !== undefined) {
    years = Math.min(horizon, fullYears);
    if (reach(years) < needed) {
      const best = score(
        framework,
        Object.fromEntries(items.map((i) => [i.number, i.from + cap(i.from, years)])),
      );
      return { reachable: false, maxIndex: best.index!.display, assumedLevel1 };
    }
  } else {
    if (requiredNum > totalUnits * 5) return { reachable: false, maxIndex: 5, assumedLevel1 };
    years = 1;
    while (reach(years) < needed) years += 1;
  }

  const chosen = leastEffort(items, needed, (from) => cap(from, years));
  if (!chosen) return { reachable: false, maxIndex: 5, assumedLevel1 };

  const steps: Step[] = [];
  items.forEach((item, idx) => {
    for (let s = 0; s < chosen[idx]!; s++) {
      steps.push({
        indicator: item.number,
        from: item.from + s,
        to: item.from + s + 1,
        effort: item.stepEffort,
        // Each indicator rises as early as its pace allows: `pace` levels in each year.
        year: Math.floor(s / pace) + 1,
      });
    }
  });
  // Year by year; within a year the highest leverage first (most index gained per unit of effort).
  const unitsOf = new Map(items.map((i) => [i.number, i.units]));
  steps.sort(
    (a, b) =>
      a.year - b.year ||
      unitsOf.get(b.indicator)! / b.effort - unitsOf.get(a.indicator)! / a.effort ||
      a.indicator - b.indicator ||
      a.from - b.from,
  );
  const after: Levels = Object.fromEntries(items.map((i) => [i.number, i.from]));
  const byYear: YearOutcome[] = [];
  const usedYears = steps.reduce((m, s) => Math.max(m, s.year), 0);
  for (let y = 1; y <= usedYears; y++) {
    const ofYear = steps.filter((s) => s.year === y);
    for (const s of ofYear) after[s.indicator] = s.to;
    const v = score(framework, after).index!;
    byYear.push({ year: y, steps: ofYear.length, index: v.display, predicate: v.predicate });
  }
  const result = score(framework, after).index!;
  return {
    reachable: true,
    steps,
    totalEffort: steps.reduce((s, x) => s + x.effort, 0),
    index: result.display,
    predicate: result.predicate,
    assumedLevel1,
    years: usedYears,
    byYear,
  };
}

type Item = { number: number; units: number; from: number; stepEffort: number };

/**
 * How many steps to take on each item so that the gain reaches `needed` units at the least total
 * effort, each item at most `maxSteps(from)` steps; null when even the most is not enough.
 */
function leastEffort(items: Item[], needed: number, maxSteps: (from: number) => number) {
  // dp[g]: least effort to gain at least g units; choice[i][g]: steps taken on item i there.
  let dp = new Float64Array(needed + 1).fill(Number.POSITIVE_INFINITY);
  dp[0] = 0;
  const choice = items.map(() => new Uint8Array(needed + 1));
  items.forEach((item, idx) => {
    const next = new Float64Array(needed + 1).fill(Number.POSITIVE_INFINITY);
    const most = maxSteps(item.from);
    for (let g = 0; g <= needed; g++) {
      for (let k = 0; k <= most; k++) {
        const prev = dp[Math.max(0, g - k * item.units)]!;
        const cost = prev + k * item.stepEffort;
        if (cost < next[g]!) {
          next[g] = cost;
          choice[idx]![g] = k;
        }
      }
    }
    dp = next;
  });
  if (!Number.isFinite(dp[needed]!)) return null;
  const taken = new Array<number>(items.length).fill(0);
  let g = needed;
  for (let idx = items.length - 1; idx >= 0; idx--) {
    const k = choice[idx]![g]!;
    taken[idx] = k;
    g = Math.max(0, g - k * items[idx]!.units);
  }
  return taken;
}

function targetToHundredths(framework: Framework, target: Target, issues: LevelIssue[]) {
  if ('predicate' in target) {
    const band = framework.predicates.find(
      (p) =>
        p.label.id.toLowerCase() === target.predicate.toLowerCase() ||
        p.label.en.toLowerCase() === target.predicate.toLowerCase(),
    );
    if (!band) {
      issues.push({
        field: 'target',
        message: 'TARGET_UNKNOWN_PREDICATE',
        params: { predicate: target.predicate },
      });
    }
    return Math.round((band?.min ?? 0) * 100);
  }
  if (!(target.index >= 1 && target.index <= 5))
    issues.push({ field: 'target', message: 'LEVEL_OUT_OF_RANGE' });
  return Math.round(target.index * 100);
}
