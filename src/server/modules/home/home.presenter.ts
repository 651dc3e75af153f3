import type { HomeActionItem, IndexBlock } from '../../../shared/contracts/home';
import { DEFAULT_PATH_THRESHOLD, expandBody, milestones } from '../../../shared/followup/milestones';
import type { storedBodies } from '../funnel/funnel.queries';
import type { IndexFigures } from '../supervision/supervision.index';
import type { SelfPoint } from './home.index.queries';
import type { assignedItems, plansOf } from './home.queries';

// The home page's shapes, from the rows its queries read: pure functions, no I/O.

/** Rows grouped by a key (the body, or the host). */
export function groupBy<T, K>(rows: readonly T[], key: (r: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const r of rows) {
    const list = out.get(key(r));
    if (list) list.push(r);
    else out.set(key(r), [r]);
  }
  return out;
}

/** A list's full count (every row of a ranked query carries it) and its first rows. */
export function counted<T extends { total: number }, U>(rows: T[] | undefined, map: (r: T) => U) {
  return { count: rows?.[0]?.total ?? 0, items: (rows ?? []).map(map) };
}

/** The same for lists read whole (a few rows per body): the first `limit` of them. */
export function firstOf<T, U>(rows: T[] | undefined, limit: number, map: (r: T) => U) {
  return { count: rows?.length ?? 0, items: (rows ?? []).slice(0, limit).map(map) };
}

type ItemRow = {
  id: string;
  planId: string;
  title: string;
  dueDate: string | null;
  status: HomeActionItem['status'];
  progress: number;
  overdue: boolean;
};

export const presentItem = (r: ItemRow): HomeActionItem => ({
  id: r.id,
  planId: r.planId,
  title: r.title,
  dueDate: r.dueDate,
  status: r.status,
  progress: r.progress,
  overdue: Boolean(r.overdue),
});

type AssignedRow = Awaited<ReturnType<typeof assignedItems>>[number];

export function presentAssigned(rows: AssignedRow[] | undefined) {
  const first = rows?.[0];
  return {
    open: first?.total ?? 0,
    overdue: first?.overdueCount ?? 0,
    dueSoon: first?.dueSoonCount ?? 0,
    items: (rows ?? []).map(presentItem),
  };
}

type PlanRow = Awaited<ReturnType<typeof plansOf>>[number];

/** The plan whose progress a body's page shows: the newest approved period, else the newest plan. */
export function currentPlan(plans: PlanRow[] | undefined) {
  const p = plans?.find((x) => x.status === 'approved') ?? plans?.[0];
  return p
    ? {
        id: p.id,
        period: p.period,
        status: p.status,
        itemCount: p.itemCount,
        doneCount: p.doneCount,
        overdueCount: p.overdueCount,
      }
    : null;
}

type Official = { orgId: string | null; year: number; frameworkId: string; index: number; predicate: string };
type Ref = { id: string; code: string; name: string };
type Name = { id: string; en: string };

export type IndexData = {
  official: Map<string | null, Official[]>;
  self: Map<string, SelfPoint[]>;
  hosts: Map<string, Ref | null>;
  provinces: Map<string, Ref>;
  /** Bodies' indices and provinces' averages by the one definition (supervision.index.ts). */
  figures: IndexFigures;
  frameworkName: (id: string) => Name;
};

/**
 * A body's index beside its host's and its province's average. Series are oldest first, so the
 * last is the latest; the years are kept per framework (a framework change starts new rows).
 */
export function indexBlock(org: { id: string; provinceCode: string | null }, d: IndexData): IndexBlock {
  const official = d.official.get(org.id) ?? [];
  const self = d.self.get(org.id) ?? [];
  const rows = new Map<string, IndexBlock['trend'][number] & { frameworkId: string }>();
  const at = (year: number, frameworkId: string) => {
    const key = `${frameworkId}:${year}`;
    return (
      rows.get(key) ??
      rows
        .set(key, { year, frameworkId, framework: d.frameworkName(frameworkId), official: null, self: null })
        .get(key)!
    );
  };
  for (const o of official) at(o.year, o.frameworkId).official = o.index;
  for (const s of self) if (s.index !== null) at(s.year, s.frameworkId).self = s.index;
  const figure = (id: string) => {
    const i = d.figures.latest.get(id);
    return i ? { ...i, framework: d.frameworkName(i.frameworkId) } : null;
  };
  const host = d.hosts.get(org.id) ?? null;
  const province = org.provinceCode ? (d.provinces.get(org.provinceCode) ?? null) : null;
  const average = org.provinceCode ? d.figures.provinces.get(org.provinceCode) : undefined;
  const o = official.at(-1);
  const s = self.at(-1);
  return {
    latest: figure(org.id),
    official: o ? { year: o.year, index: o.index, predicate: o.predicate } : null,
    self: s
      ? { assessmentId: s.assessmentId, year: s.year, index: s.index, status: s.status as 'submitted' }
      : null,
    trend: [...rows.values()]
      .sort((a, b) => a.year - b.year || a.frameworkId.localeCompare(b.frameworkId))
      .map(({ frameworkId: _, ...r }) => r),
    host: host ? { code: host.code, name: host.name, latest: figure(host.id) } : null,
    province: province
      ? {
          code: province.code,
          name: province.name,
          average: average?.average ?? null,
          count: average?.count ?? 0,
          framework: average?.frameworkId ? d.frameworkName(average.frameworkId) : null,
        }
      : null,
  };
}

type Stored = Awaited<ReturnType<typeof storedBodies>>[number];

/** The follow-through milestones a body reached, from its stored follow-up summary (none: not joined). */
export function followupBlock(stored: Stored | undefined) {
  if (!stored)
    return { referenceDate: null, milestones: milestones.map((m) => ({ milestone: m, date: null })) };
  const m = expandBody(stored.summary, null, { pathThreshold: DEFAULT_PATH_THRESHOLD });
  return {
    referenceDate: m.referenceDate,
    milestones: milestones.map((k) => ({ milestone: k, date: m.hits[k]?.date ?? null })),
  };
}
