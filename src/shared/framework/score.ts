import type { TextKey, TextParams } from '../texts';
import type { Framework, Group } from './framework-schema';

// Scoring is exact: weights are whole hundredths, levels are integers, so every index is a
// fraction num/den of integers. It is kept exact inside and rounded half-up to two decimals only
// for display (the official figures are published that way). Predicates apply to the displayed
// value, the one people read next to them.
export type Levels = Record<string | number, number>;

/** `message` is a key of the shared texts (src/shared/texts/assessments.ts). */
export type LevelIssue = { field: string; message: TextKey; params?: TextParams };

export type Value = { exact: number; display: number; predicate: { id: string; en: string } };

export type GroupScore = {
  code: string;
  name: { id: string; en: string };
  kind: string;
  depth: number;
  weight: number;
  answered: number;
  total: number;
  value: Value | null;
};

export type Score = {
  frameworkId: string;
  frameworkVersion: string;
  answered: number;
  total: number;
  complete: boolean;
  /** Partial assessments score the answered indicators only and are marked provisional. */
  provisional: boolean;
  index: Value | null;
  groups: GroupScore[];
};

export class LevelsError extends Error {
  constructor(readonly issues: LevelIssue[]) {
    super(issues.map((i) => `${i.field}: ${i.message}`).join('; '));
  }
}

// Frameworks are immutable once parsed, so their indicators are indexed once.
const indicatorIndex = new WeakMap<Framework, Map<string, Framework['indicators'][number]>>();

/** The indicator with this number (or its string key), if the framework has one. */
export function findIndicator(framework: Framework, key: number | string) {
  let index = indicatorIndex.get(framework);
  if (!index) {
    index = new Map(framework.indicators.map((i) => [String(i.number), i]));
    indicatorIndex.set(framework, index);
  }
  return index.get(String(key));
}

/** Problems with submitted levels: unknown indicators, non-integers, outside 1–5. */
export function checkLevels(framework: Framework, levels: Levels): LevelIssue[] {
  const issues: LevelIssue[] = [];
  for (const [key, level] of Object.entries(levels)) {
    const field = `levels.${key}`;
    if (!findIndicator(framework, key)) {
      issues.push({
        field,
        message: 'LEVEL_UNKNOWN_INDICATOR',
        params: { indicator: key, framework: framework.id },
      });
    } else if (typeof level !== 'number' || !Number.isInteger(level))
      issues.push({ field, message: 'LEVEL_NOT_INTEGER' });
    else if (level < 1 || level > 5) issues.push({ field, message: 'LEVEL_OUT_OF_RANGE' });
  }
  return issues;
}

/** num/den rounded half-up to hundredths, exactly (num, den non-negative integers). */
export function halfUpHundredths(num: number, den: number): number {
  return Math.floor((200 * num + den) / (2 * den));
}

export function predicateFor(framework: Framework, hundredths: number) {
  const band = framework.predicates.find((p) => hundredths >= Math.round(p.min * 100));
  return (band ?? framework.predicates[framework.predicates.length - 1]!).label;
}

function value(framework: Framework, num: number, den: number): Value | null {
  if (den === 0) return null;
  const h = halfUpHundredths(num, den);
  return { exact: num / den, display: h / 100, predicate: predicateFor(framework, h) };
}

export function score(framework: Framework, levels: Levels): Score {
  const issues = checkLevels(framework, levels);
  if (issues.length) throw new LevelsError(issues);
  const units = new Map(framework.indicators.map((i) => [i.number, Math.round(i.weight * 100)]));
  const groups: GroupScore[] = [];
  let num = 0;
  let den = 0;
  let answered = 0;

  const walk = (g: Group, depth: number) => {
    const at = groups.length;
    groups.push({
      code: g.code,
      name: g.name,
      kind: g.kind,
      depth,
      weight: g.weight,
      answered: 0,
      total: 0,
      value: null,
    });
    let gNum = 0;
    let gDen = 0;
    let gAnswered = 0;
    let gTotal = 0;
    for (const child of g.groups ?? []) {
      const r = walk(child, depth + 1);
      gNum += r.num;
      gDen += r.den;
      gAnswered += r.answered;
      gTotal += r.total;
    }
    for (const n of g.indicators ?? []) {
      gTotal += 1;
      const level = levels[n];
      if (level === undefined) continue;
      const w = units.get(n)!;
      gNum += w * level;
      gDen += w;
      gAnswered += 1;
    }
    groups[at] = { ...groups[at]!, answered: gAnswered, total: gTotal, value: value(framework, gNum, gDen) };
    return { num: gNum, den: gDen, answered: gAnswered, total: gTotal };
  };

  for (const g of framework.groups) {
    const r = walk(g, 0);
    num += r.num;
    den += r.den;
    answered += r.answered;
  }
  const total = framework.indicators.length;
  return {
    frameworkId: framework.id,
    frameworkVersion: framework.version,
    answered,
    total,
    complete: answered === total,
    provisional: answered < total,
    index: value(framework, num, den),
    groups,
  };
}
