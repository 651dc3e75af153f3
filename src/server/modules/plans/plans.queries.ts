import { and, asc, count, desc, eq, ilike, inArray, lt, notInArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { escapeLike } from '../../db/query-helpers';
import {
  actionItemComments,
  actionItemEvidence,
  actionItemHistory,
  actionItems,
  actionPlans,
  evidenceFiles,
  practices,
  users,
} from '../../db/schema';
import { sqlToday } from '../../platform/calendar';

const open = ['done', 'verified'] as const;

export async function listPlans(db: DbOrTx, orgId: string) {
  return db
    .select({
      p: actionPlans,
      itemCount: sql<number>`(select count(*)::int from action_items i where i.plan_id = "action_plans"."id")`,
      doneCount: sql<number>`(select count(*)::int from action_items i where i.plan_id = "action_plans"."id" and i.status in ('done','verified'))`,
      overdueCount: sql<number>`(select count(*)::int from action_items i where i.plan_id = "action_plans"."id" and i.status not in ('done','verified') and i.due_date < ${sqlToday()})`,
    })
    .from(actionPlans)
    .where(eq(actionPlans.orgId, orgId))
    .orderBy(desc(actionPlans.period));
}

export type ItemFilter = {
  status?: string;
  assignee?: string;
  indicator?: number;
  q?: string;
  overdue?: 'true' | 'false';
};

export async function listItems(db: DbOrTx, planId: string, f: ItemFilter = {}) {
  const where: SQL[] = [eq(actionItems.planId, planId)];
  if (f.status) where.push(eq(actionItems.status, f.status as 'planned'));
  if (f.assignee) where.push(eq(actionItems.assigneeId, f.assignee));
  if (f.indicator)
    where.push(sql`${actionItems.targets} @> ${JSON.stringify([{ indicator: f.indicator }])}::jsonb`);
  if (f.q) where.push(ilike(actionItems.title, `%${escapeLike(f.q)}%`));
  if (f.overdue === 'true')
    where.push(and(lt(actionItems.dueDate, sqlToday()), notInArray(actionItems.status, [...open]))!);
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
  return rows.map(({ i, assigneeName, practiceTitle, overdue, commentCount }) => ({
    id: i.id,
    title: i.title,
    description: i.description,
    targets: i.targets,
    source: i.source,
    sourceRef: i.sourceRef,
    practice: i.practiceId && practiceTitle ? { id: i.practiceId, title: practiceTitle } : null,
    ownerUnit: i.ownerUnit,
    assignee: i.assigneeId && assigneeName ? { id: i.assigneeId, name: assigneeName } : null,
    startDate: i.startDate,
    dueDate: i.dueDate,
    status: i.status,
    blockedReason: i.blockedReason,
    progress: i.progress,
    version: i.version,
    overdue,
    evidence: evidence.filter((e) => e.itemId === i.id).map(({ id, name }) => ({ id, name })),
    commentCount,
    isSample: i.isSample,
    updatedAt: i.updatedAt.toISOString(),
  }));
}

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

export async function countItems(db: DbOrTx, planId: string) {
  const [r] = await db.select({ n: count() }).from(actionItems).where(eq(actionItems.planId, planId));
  return r?.n ?? 0;
}
