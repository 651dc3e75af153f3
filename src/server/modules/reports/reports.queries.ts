import { and, asc, desc, eq, lt, notInArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { actionItems, actionPlans, officialResults, users } from '../../db/schema';
import { sqlToday } from '../../platform/calendar';

// The leader report's own reads: its plan's progress, the body's overdue items and the host's
// official results over the years. Scope and permission are the service's.

const finished = ['done', 'verified'] as const;
const countWhere = (where: SQL) => sql<number>`(count(*) filter (where ${where}))::int`;

/**
 * The plan the report follows: the latest one whose period has begun (its year is this year or
 * earlier; the optimiser may already have opened next year's), else the latest; with its items
 * counted by status.
 */
export async function reportPlan(db: DbOrTx, orgId: string, thisYear: number) {
  const [plan] = await db
    .select({
      period: actionPlans.period,
      status: actionPlans.status,
      approvedVersion: actionPlans.approvedVersion,
      isSample: actionPlans.isSample,
      total: sql<number>`count(${actionItems.id})::int`,
      done: countWhere(sql`${actionItems.status} in ('done','verified')`),
      inProgress: countWhere(sql`${actionItems.status} = 'in_progress'`),
      blocked: countWhere(sql`${actionItems.status} = 'blocked'`),
      planned: countWhere(sql`${actionItems.status} = 'planned'`),
      overdue: countWhere(
        sql`${actionItems.status} not in ('done','verified') and ${actionItems.dueDate} < ${sqlToday()}`,
      ),
    })
    .from(actionPlans)
    .leftJoin(actionItems, eq(actionItems.planId, actionPlans.id))
    .where(eq(actionPlans.orgId, orgId))
    .groupBy(actionPlans.id)
    .orderBy(sql`(left(${actionPlans.period}, 4)::int <= ${thisYear}) desc`, desc(actionPlans.period))
    .limit(1);
  return plan ?? null;
}

/** The body's overdue items (any plan), the longest overdue first, and how many there are in all. */
export async function overdueItems(db: DbOrTx, orgId: string, limit: number) {
  const rows = await db
    .select({
      title: actionItems.title,
      dueDate: actionItems.dueDate,
      ownerUnit: actionItems.ownerUnit,
      assignee: users.name,
      isSample: actionItems.isSample,
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(actionItems)
    .leftJoin(users, eq(users.id, actionItems.assigneeId))
    .where(
      and(
        eq(actionItems.orgId, orgId),
        notInArray(actionItems.status, [...finished]),
        lt(actionItems.dueDate, sqlToday()),
      ),
    )
    .orderBy(asc(actionItems.dueDate), asc(actionItems.title), asc(actionItems.id))
    .limit(limit);
  return { total: rows[0]?.total ?? 0, items: rows };
}

/** A body's official results per year (the host's path on the trend chart). */
export async function officialByYear(db: DbOrTx, orgId: string, frameworkId: string) {
  return db
    .select({ year: officialResults.year, index: officialResults.index })
    .from(officialResults)
    .where(and(eq(officialResults.orgId, orgId), eq(officialResults.frameworkId, frameworkId)))
    .orderBy(asc(officialResults.year));
}
