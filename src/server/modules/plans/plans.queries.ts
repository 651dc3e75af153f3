import { and, asc, desc, eq, ilike, inArray, lt, notInArray, type SQL, sql } from 'drizzle-orm';
import type { ItemQuery } from '../../../shared/contracts/plans';
import type { DbOrTx } from '../../db/client';
import { escapeLike } from '../../db/query-helpers';
import {
  actionItemComments,
  actionItemEvidence,
  actionItemHistory,
  actionItems,
  actionPlans,
  actionPlanVersions,
  evidenceFiles,
  memberships,
  practices,
  users,
} from '../../db/schema';
import { sqlToday } from '../../platform/calendar';
import type { SheetItem } from './plans.sheet';

// Reads of action plans. Scope and permissions are the services' (they load the plan first).

const finished = ['done', 'verified'] as const;

// What a leader is warned about before approving: open items (not done or verified) that nobody
// owns (neither an owner unit nor an assignee) or that have no due date. The counts on a plan and
// the item filter that lists them use these same conditions. Columns are named with their table
// because drizzle leaves them unqualified in a one-table select, where "id" would be ambiguous.
const openItem = sql`"action_items"."status" not in ('done','verified')`;
const lacksOwner = sql`"action_items"."assignee_id" is null and "action_items"."owner_unit" = ''`;
const lacksDueDate = sql`"action_items"."due_date" is null`;
const countOpen = (lacks: SQL) =>
  sql<number>`(select count(*)::int from action_items where "action_items"."plan_id" = "action_plans"."id" and ${openItem} and ${lacks})`;

/** Plans with their item counts: a body's (newest period first), or one plan. */
export async function listPlans(db: DbOrTx, where: { orgId: string } | { planId: string }) {
  return db
    .select({
      p: actionPlans,
      itemCount: sql<number>`(select count(*)::int from action_items i where i.plan_id = "action_plans"."id")`,
      doneCount: sql<number>`(select count(*)::int from action_items i where i.plan_id = "action_plans"."id" and i.status in ('done','verified'))`,
      overdueCount: sql<number>`(select count(*)::int from action_items i where i.plan_id = "action_plans"."id" and i.status not in ('done','verified') and i.due_date < ${sqlToday()})`,
      missingOwnerCount: countOpen(lacksOwner),
      missingDueDateCount: countOpen(lacksDueDate),
    })
    .from(actionPlans)
    .where('orgId' in where ? eq(actionPlans.orgId, where.orgId) : eq(actionPlans.id, where.planId))
    .orderBy(desc(actionPlans.period));
}
export type PlanRow = Awaited<ReturnType<typeof listPlans>>[number];

/** How many open items of a plan lack an owner or a due date (asked when it is approved). */
export async function incompleteItemCounts(db: DbOrTx, planId: string) {
  const [row] = await db
    .select({ missingOwner: countOpen(lacksOwner), missingDueDate: countOpen(lacksDueDate) })
    .from(actionPlans)
    .where(eq(actionPlans.id, planId));
  return row ?? { missingOwner: 0, missingDueDate: 0 };
}

export async function listItems(db: DbOrTx, planId: string, f: ItemQuery = {}) {
  const where: SQL[] = [eq(actionItems.planId, planId)];
  if (f.status) where.push(eq(actionItems.status, f.status));
  if (f.assignee) where.push(eq(actionItems.assigneeId, f.assignee));
  if (f.indicator)
    where.push(sql`${actionItems.targets} @> ${JSON.stringify([{ indicator: f.indicator }])}::jsonb`);
  if (f.q) where.push(ilike(actionItems.title, `%${escapeLike(f.q)}%`));
  if (f.overdue === 'true')
    where.push(and(lt(actionItems.dueDate, sqlToday()), notInArray(actionItems.status, [...finished]))!);
  if (f.missing) where.push(sql`${openItem} and ${f.missing === 'owner' ? lacksOwner : lacksDueDate}`);
  const rows = await db
    .select({
      i: actionItems,
      assigneeName: users.name,
      practiceTitle: practices.title,
      overdue: sql<boolean>`coalesce(${actionItems.dueDate} < ${sqlToday()} and ${actionItems.status} not in ('done','verified'), false)`,
      commentCount: sql<number>`(select count(*)::int from action_item_comments c where c.item_id = "action_items"."id")`,
    })
    .from(actionItems)
    .leftJoin(users, eq(users.id, actionItems.assigneeId))
    .leftJoin(practices, eq(practices.id, actionItems.practiceId))
    .where(and(...where))
    .orderBy(
      sql`${actionItems.dueDate} asc nulls last`,
      asc(actionItems.createdAt),
      asc(actionItems.title),
      asc(actionItems.id),
    );
  const ids = rows.map((r) => r.i.id);
  const evidence = ids.length
    ? await db
        .select({ itemId: actionItemEvidence.itemId, id: evidenceFiles.id, name: evidenceFiles.name })
        .from(actionItemEvidence)
        .innerJoin(evidenceFiles, eq(evidenceFiles.id, actionItemEvidence.fileId))
        .where(inArray(actionItemEvidence.itemId, ids))
    : [];
  return rows.map((r) => ({
    ...r,
    evidence: evidence.filter((e) => e.itemId === r.i.id).map(({ id, name }) => ({ id, name })),
  }));
}
export type ItemListRow = Awaited<ReturnType<typeof listItems>>[number];

export async function itemHistory(db: DbOrTx, itemId: string) {
  const [history, comments] = await Promise.all([
    db
      .select({ h: actionItemHistory, user: users.name })
      .from(actionItemHistory)
      .leftJoin(users, eq(users.id, actionItemHistory.userId))
      .where(eq(actionItemHistory.itemId, itemId))
      .orderBy(desc(actionItemHistory.id)),
    db
      .select({ c: actionItemComments, author: users.name })
      .from(actionItemComments)
      .leftJoin(users, eq(users.id, actionItemComments.authorId))
      .where(eq(actionItemComments.itemId, itemId))
      .orderBy(asc(actionItemComments.createdAt)),
  ]);
  return {
    changes: history.map(({ h, user }) => ({ changes: h.changes, user, at: h.at.toISOString() })),
    comments: comments.map(({ c, author }) => ({
      id: c.id,
      body: c.body,
      author,
      createdAt: c.createdAt.toISOString(),
    })),
  };
}

/** The item's id when it belongs to the plan, else null. */
export async function findItemId(db: DbOrTx, planId: string, itemId: string) {
  const [item] = await db
    .select({ id: actionItems.id })
    .from(actionItems)
    .where(and(eq(actionItems.id, itemId), eq(actionItems.planId, planId)));
  return item?.id ?? null;
}

export async function listVersions(db: DbOrTx, planId: string) {
  const rows = await db
    .select({ version: actionPlanVersions.version, approvedAt: actionPlanVersions.approvedAt })
    .from(actionPlanVersions)
    .where(eq(actionPlanVersions.planId, planId));
  return rows.map((v) => ({ version: v.version, approvedAt: v.approvedAt.toISOString() }));
}

export async function findVersion(db: DbOrTx, planId: string, version: number) {
  const [v] = await db
    .select()
    .from(actionPlanVersions)
    .where(and(eq(actionPlanVersions.planId, planId), eq(actionPlanVersions.version, version)));
  return v ?? null;
}

/** Active users of the body, who can be assigned items. */
export async function listAssignees(db: DbOrTx, orgId: string) {
  return db
    .selectDistinct({ id: users.id, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), eq(users.isActive, true)))
    .orderBy(users.name);
}

/** Every user of the body by email (the import names assignees by email). */
export async function memberIdsByEmail(db: DbOrTx, orgId: string) {
  const rows = await db
    .select({ id: users.id, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, orgId));
  return new Map(rows.map((m) => [m.email, m.id]));
}

/** The plan's items as the spreadsheet shows them (assignees by email), in the order they were added. */
export async function sheetItems(
  db: DbOrTx,
  planId: string,
): Promise<(SheetItem & { assigneeId: string | null })[]> {
  const rows = await db
    .select({ i: actionItems, email: users.email })
    .from(actionItems)
    .leftJoin(users, eq(users.id, actionItems.assigneeId))
    .where(eq(actionItems.planId, planId))
    .orderBy(actionItems.createdAt);
  return rows.map(({ i, email }) => ({ ...i, assigneeEmail: email }));
}
