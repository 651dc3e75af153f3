import { daysBetween } from '../reminders/reminder-rules';

// The follow-up funnel: visited → committed → assessed → planned → acting → improved. Pure: the
// facts per body (the day each stage was first reached) come from the database; this decides
// stages, percentages, the time between stages and who is stalled.

export const stages = ['visited', 'committed', 'assessed', 'planned', 'acting', 'improved'] as const;
export type Stage = (typeof stages)[number];

/** The first day (YYYY-MM-DD) each stage was reached, when it was; plus the last activity. */
export type BodyFacts = {
  orgId: string;
  reached: Partial<Record<Stage, string>>;
  lastActivity: string | null;
};

/** A body is at the last stage of the unbroken run from "visited" (stages are cumulative). */
export function stageOf(facts: BodyFacts): { index: number; stage: Stage | null } {
  let index = -1;
  for (const [i, s] of stages.entries()) {
    if (!facts.reached[s]) break;
    index = i;
  }
  return { index, stage: index >= 0 ? stages[index]! : null };
}

function median(values: number[]): number | null {
  if (!values.length) return null;
  const v = [...values].sort((a, b) => a - b);
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}

export type StageSummary = {
  stage: Stage;
  count: number;
  /** Of the bodies visited. */
  percent: number | null;
  /** Median days from the previous stage to this one, for bodies that reached both. */
  medianDays: number | null;
};

export type Stalled = { orgId: string; stage: Stage; next: Stage; idleDays: number };

export const STALL_DAYS = 30;

export function summarise(bodies: BodyFacts[], today: string) {
  const at = bodies.map((b) => ({ b, ...stageOf(b) }));
  const visited = at.filter((x) => x.index >= 0).length;
  const summary: StageSummary[] = stages.map((stage, i) => {
    const reached = at.filter((x) => x.index >= i);
    const gaps =
      i === 0
        ? []
        : reached.map((x) => Math.max(0, daysBetween(x.b.reached[stages[i - 1]!]!, x.b.reached[stage]!)));
    return {
      stage,
      count: reached.length,
      percent: visited ? Math.round((reached.length / visited) * 1000) / 10 : null,
      medianDays: median(gaps),
    };
  });
  // Stalled: visited, not at the end, and nothing happened for STALL_DAYS days.
  const stalled: Stalled[] = at
    .filter((x) => x.index >= 0 && x.index < stages.length - 1)
    .map((x) => {
      const last = [x.b.lastActivity, ...Object.values(x.b.reached)]
        .filter((d): d is string => !!d)
        .sort()
        .at(-1)!;
      return {
        orgId: x.b.orgId,
        stage: x.stage!,
        next: stages[x.index + 1]!,
        idleDays: daysBetween(last, today),
      };
    })
    .filter((s) => s.idleDays >= STALL_DAYS)
    .sort((a, b) => b.idleDays - a.idleDays);
  return { visited, stages: summary, stalled };
}
