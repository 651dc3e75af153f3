import { and, asc, desc, eq, gt, inArray, isNull, lte, notInArray, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { DUE_SOON_DAYS, HOME_LIST_LIMIT } from '../../../shared/contracts/home';
import type { DbOrTx } from '../../db/client';
import {
  actionItems,
  actionPlans,
  assessmentItems,
  assessments,
  commitmentSignatures,
  commitmentTexts,
  followUpObligations,
  invitations,
  mentorships,
  orgs,
  visits,
} from '../../db/schema';
import { sqlToday } from '../../platform/calendar';

// Reads of the home page about the user's own bodies. Each takes every body of one kind of
// section at once (never a query per body) and names at most HOME_LIST_LIMIT rows per body, with
// the full count beside them (window functions over indexed predicates: org, assignee, status).

const finished = ['done', 'verified'] as const;
const open = notInArray(actionItems.status, [...finished]);
const overdueSql = sql<boolean>`coalesce(${actionItems.dueDate} < ${sqlToday()}, false)`;

/** "n-th of its body" and "how many in its body", for a list ordered within each body. */
const rank = (partition: PgColumn, ...order: SQL[]) => ({
  rn: sql<number>`(row_number() over (partition by ${partition} order by ${sql.join(order, sql`, `)}))::int`.as(
    'rn',
  ),
  total: sql<number>`(count(*) over (partition by ${partition}))::int`.as('total'),
});

const itemFields = {
  orgId: actionItems.orgId,
  id: actionItems.id,
  planId: actionItems.planId,
  title: actionItems.title,
  dueDate: actionItems.dueDate,
  status: actionItems.status,
  progress: actionItems.progress,
  overdue: overdueSql.as('overdue'),
};

/** Open items assigned to the user in these bodies: counts by urgency and the most urgent first. */
export async function assignedItems(db: DbOrTx, userId: string, orgIds: string[]) {
  if (!orgIds.length) return [];
  const partition = sql`partition by ${actionItems.orgId}`;
  const ranked = db
    .select({
      ...itemFields,
      ...rank(actionItems.orgId, sql`${actionItems.dueDate} asc nulls last`, asc(actionItems.id)),
      overdueCount:
        sql<number>`(count(*) filter (where ${actionItems.dueDate} < ${sqlToday()}) over (${partition}))::int`.as(
          'overdue_count',
        ),
      dueSoonCount: sql<number>`(count(*) filter (where ${actionItems.dueDate} >= ${sqlToday()}
        and ${actionItems.dueDate} <= ${sqlToday()} + ${DUE_SOON_DAYS}::int) over (${partition}))::int`.as(
        'due_soon_count',
      ),
    })
    .from(actionItems)
    .where(and(eq(actionItems.assigneeId, userId), inArray(actionItems.orgId, orgIds), open))
    .as('ranked');
  return db.select().from(ranked).where(lte(ranked.rn, HOME_LIST_LIMIT));
}

/** Open items overdue in these bodies' plans, the longest overdue first. */
export async function overdueItems(db: DbOrTx, orgIds: string[]) {
  if (!orgIds.length) return [];
  const ranked = db
    .select({ ...itemFields, ...rank(actionItems.orgId, asc(actionItems.dueDate), asc(actionItems.id)) })
    .from(actionItems)
    .where(and(inArray(actionItems.orgId, orgIds), open, sql`${actionItems.dueDate} < ${sqlToday()}`))
    .as('ranked');
  return db.select().from(ranked).where(lte(ranked.rn, HOME_LIST_LIMIT));
}

/** Open items without an owner (no assignee, no owner unit) or without a due date. */
export async function itemsWithoutOwnerOrDate(db: DbOrTx, orgIds: string[]) {
  if (!orgIds.length) return [];
  const noOwner = sql`(${actionItems.assigneeId} is null and ${actionItems.ownerUnit} = '')`;
  const noDate = sql`(${actionItems.dueDate} is null)`;
  const partition = sql`partition by ${actionItems.orgId}`;
  const ranked = db
    .select({
      orgId: actionItems.orgId,
      id: actionItems.id,
      planId: actionItems.planId,
      title: actionItems.title,
      noOwner: sql<boolean>`${noOwner}`.as('no_owner'),
      noDate: sql<boolean>`${noDate}`.as('no_date'),
      ...rank(actionItems.orgId, asc(actionItems.createdAt), asc(actionItems.id)),
      noOwnerCount: sql<number>`(count(*) filter (where ${noOwner}) over (${partition}))::int`.as(
        'no_owner_count',
      ),
      noDateCount: sql<number>`(count(*) filter (where ${noDate}) over (${partition}))::int`.as(
        'no_date_count',
      ),
    })
    .from(actionItems)
    .where(and(inArray(actionItems.orgId, orgIds), open, or(noOwner, noDate)))
    .as('ranked');
  return db.select().from(ranked).where(lte(ranked.rn, HOME_LIST_LIMIT));
}

/** Indicators the reviewer reopened in returned assessments, each with the latest comment on it. */
export async function reopenedIndicators(db: DbOrTx, orgIds: string[]) {
  if (!orgIds.length) return [];
  const ranked = db
    .select({
      orgId: assessments.orgId,
      assessmentId: assessments.id,
      year: assessments.year,
      indicator: assessmentItems.indicator,
      comment: sql<string | null>`(select c.body from assessment_comments c
        where c.assessment_id = "assessments"."id" and c.indicator = "assessment_items"."indicator"
        order by c.created_at desc limit 1)`.as('comment'),
      ...rank(assessments.orgId, desc(assessments.year), asc(assessmentItems.indicator)),
    })
    .from(assessments)
    .innerJoin(assessmentItems, eq(assessmentItems.assessmentId, assessments.id))
    .where(
      and(
        inArray(assessments.orgId, orgIds),
        eq(assessments.status, 'returned'),
        eq(assessmentItems.reopened, true),
      ),
    )
    .as('ranked');
  return db.select().from(ranked).where(lte(ranked.rn, HOME_LIST_LIMIT));
}

/** Assessments still in the body's hands (draft, returned), with how many indicators have a level. */
export async function openAssessments(db: DbOrTx, orgIds: string[]) {
  if (!orgIds.length) return [];
  return db
    .select({
      orgId: assessments.orgId,
      id: assessments.id,
      year: assessments.year,
      status: assessments.status,
      // Qualified by hand, as in plansOf.
      answered: sql<number>`(select count(*) from assessment_items i where i.assessment_id = "assessments"."id" and i.level is not null)::int`,
      total: sql<number>`(select count(*) from assessment_items i where i.assessment_id = "assessments"."id")::int`,
    })
    .from(assessments)
    .where(and(inArray(assessments.orgId, orgIds), inArray(assessments.status, ['draft', 'returned'])))
    .orderBy(desc(assessments.year));
}

/** The bodies' plans (a few per body: one per period), newest period first, with item counts. */
export async function plansOf(db: DbOrTx, orgIds: string[]) {
  if (!orgIds.length) return [];
  // Qualified by hand: drizzle leaves a one-table query's columns unqualified, which inside the
  // subquery would name the item's own columns.
  const count = (cond: SQL) =>
    sql<number>`(select count(*) from action_items i where i.plan_id = "action_plans"."id" and ${cond})::int`;
  return db
    .select({
      orgId: actionPlans.orgId,
      id: actionPlans.id,
      period: actionPlans.period,
      status: actionPlans.status,
      submittedAt: actionPlans.submittedAt,
      itemCount: count(sql`true`),
      doneCount: count(sql`i.status in ('done','verified')`),
      overdueCount: count(sql`i.status not in ('done','verified') and i.due_date < ${sqlToday()}`),
    })
    .from(actionPlans)
    .where(inArray(actionPlans.orgId, orgIds))
    .orderBy(desc(actionPlans.period));
}

/** Invitations sent and not yet answered (nor revoked, nor expired), newest first. */
export async function pendingInvitations(db: DbOrTx, orgIds: string[]) {
  if (!orgIds.length) return [];
  const ranked = db
    .select({
      orgId: invitations.orgId,
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      ...rank(invitations.orgId, desc(invitations.createdAt), asc(invitations.id)),
    })
    .from(invitations)
    .where(
      and(
        inArray(invitations.orgId, orgIds),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, sql`now()`),
      ),
    )
    .as('ranked');
  return db.select().from(ranked).where(lte(ranked.rn, HOME_LIST_LIMIT));
}

/** Mentor access that hosts' visits asked of these bodies and that awaits their answer. */
export async function pendingMentorAccess(db: DbOrTx, orgIds: string[]) {
  if (!orgIds.length) return [];
  return db
    .select({ orgId: mentorships.menteeOrgId, code: orgs.code, name: orgs.name, at: mentorships.createdAt })
    .from(mentorships)
    .innerJoin(orgs, eq(orgs.id, mentorships.hostOrgId))
    .where(and(inArray(mentorships.menteeOrgId, orgIds), eq(mentorships.status, 'pending')))
    .orderBy(asc(mentorships.createdAt));
}

/** Each body's earliest open follow-up obligation, with the visit and its host. */
export async function nextObligations(db: DbOrTx, orgIds: string[]) {
  if (!orgIds.length) return [];
  return db
    .selectDistinctOn([followUpObligations.orgId], {
      orgId: followUpObligations.orgId,
      visitId: followUpObligations.visitId,
      dueDate: followUpObligations.dueDate,
      daysLeft: sql<number>`(${followUpObligations.dueDate} - ${sqlToday()})::int`,
      hostCode: orgs.code,
      hostName: orgs.name,
    })
    .from(followUpObligations)
    .innerJoin(visits, eq(visits.id, followUpObligations.visitId))
    .innerJoin(orgs, eq(orgs.id, visits.hostOrgId))
    .where(and(inArray(followUpObligations.orgId, orgIds), eq(followUpObligations.status, 'open')))
    .orderBy(followUpObligations.orgId, asc(followUpObligations.dueDate));
}

/** The current commitment text, and each body's latest valid signature. */
export async function commitmentState(db: DbOrTx, orgIds: string[]) {
  const [[current], signatures] = await Promise.all([
    db
      .select({ version: commitmentTexts.version, title: commitmentTexts.title })
      .from(commitmentTexts)
      .where(eq(commitmentTexts.isCurrent, true))
      .limit(1),
    orgIds.length
      ? db
          .selectDistinctOn([commitmentSignatures.orgId], {
            orgId: commitmentSignatures.orgId,
            id: commitmentSignatures.id,
            textVersion: commitmentSignatures.textVersion,
            signedAt: commitmentSignatures.signedAt,
            signerName: commitmentSignatures.signerName,
          })
          .from(commitmentSignatures)
          .where(and(inArray(commitmentSignatures.orgId, orgIds), isNull(commitmentSignatures.revokedAt)))
          .orderBy(commitmentSignatures.orgId, desc(commitmentSignatures.signedAt))
      : Promise.resolve([]),
  ]);
  return { current: current ?? null, signatures };
}
