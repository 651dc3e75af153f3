import type { Framework } from './framework-schema';
import { checkLevels, findIndicator, type LevelIssue, type Levels, LevelsError, score } from './score';

export type Step = { indicator: number; from: number; to: number; effort: number };

export type OptimiseResult =
  | {
      reachable: true;
      steps: Step[];
      totalEffort: number;
      index: number;
      predicate: { id: string; en: string };
      /** Indicators without a level, counted at level 1 (the lowest answer). */
      assumedLevel1: number[];
    }
  | { reachable: false; maxIndex: number; assumedLevel1: number[] };

export type Target = { index: number } | { predicate: string };

/**
 * The set of one-level steps with the least total effort whose result reaches the target (the
 * displayed index, rounded half-up, at or above it). Exact: a multiple-choice knapsack solved by
 * dynamic programming over weight hundredths (47 indicators × ≤4 steps × ≤40,000 units).
 * `effort[n]` is the effort of one step on indicator n (default 1).
 */
export function optimise(
  framework: Framework,
  levels: Levels,
  target: Target,
  effort: Record<string | number, number> = {},
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
  const maxNum = totalUnits * 5;
  // Smallest numerator whose half-up display reaches the target: 200·num ≥ (2T − 1)·den.
  const requiredNum = Math.ceil(((2 * targetHundredths - 1) * totalUnits) / 200);
  if (requiredNum > maxNum) return { reachable: false, maxIndex: 5, assumedLevel1 };
  const needed = Math.max(0, requiredNum - currentNum);

  // dp[g]: least effort to gain at least g units; choice[i][g]: steps taken on item i there.
  let dp = new Float64Array(needed + 1).fill(Number.POSITIVE_INFINITY);
  dp[0] = 0;
  const choice = items.map(() => new Uint8Array(needed + 1));
  items.forEach((item, idx) => {
    const next = new Float64Array(needed + 1).fill(Number.POSITIVE_INFINITY);
    const maxSteps = 5 - item.from;
    for (let g = 0; g <= needed; g++) {
      for (let k = 0; k <= maxSteps; k++) {
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
  if (!Number.isFinite(dp[needed]!)) return { reachable: false, maxIndex: 5, assumedLevel1 };

  const steps: Step[] = [];
  let g = needed;
  for (let idx = items.length - 1; idx >= 0; idx--) {
    const item = items[idx]!;
    const k = choice[idx]![g]!;
    for (let s = 0; s < k; s++) {
      steps.push({
        indicator: item.number,
        from: item.from + s,
        to: item.from + s + 1,
        effort: item.stepEffort,
      });
    }
    g = Math.max(0, g - k * item.units);
  }
  // Highest leverage first: most index gained per unit of effort.
  const unitsOf = new Map(items.map((i) => [i.number, i.units]));
  steps.sort(
    (a, b) =>
      unitsOf.get(b.indicator)! / b.effort - unitsOf.get(a.indicator)! / a.effort ||
      a.indicator - b.indicator ||
      a.from - b.from,
  );
  const after: Levels = Object.fromEntries(items.map((i) => [i.number, i.from]));
  for (const s of steps) after[s.indicator] = s.to;
  const result = score(framework, after).index!;
  return {
    reachable: true,
    steps,
    totalEffort: steps.reduce((s, x) => s + x.effort, 0),
    index: result.display,
    predicate: result.predicate,
    assumedLevel1,
  };
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
