import { and, count, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import { HOME_LIST_LIMIT } from '../../../shared/contracts/home';
import type { DbOrTx } from '../../db/client';
import {
  adoptions,
  assessments,
  assistanceRequests,
  mentorships,
  orgs,
  outbox,
  practices,
  users,
} from '../../db/schema';

// Reads of the home page for host bodies (what their mentors are asked to do) and for the
// platform's secretariat. Like home.queries.ts: every host at once, a few rows per host.

/** "n-th of its host" and "how many for its host". */
const rank = (partition: ReturnType<typeof sql>, order: ReturnType<typeof sql>) => ({
  rn: sql<number>`(row_number() over (partition by ${partition} order by ${order}))::int`.as('rn'),
  total: sql<number>`(count(*) over (partition by ${partition}))::int`.as('total'),
});

/** How many bodies each host mentors (confirmed access only). */
export async function menteeCounts(db: DbOrTx, hostIds: string[]) {
  if (!hostIds.length) return [];
  return db
    .select({ hostId: mentorships.hostOrgId, n: count() })
    .from(mentorships)
    .where(and(inArray(mentorships.hostOrgId, hostIds), eq(mentorships.status, 'active')))
    .groupBy(mentorships.hostOrgId);
}

/**
 * Assessments of the hosts' mentees waiting for a reviewer: submitted or resubmitted (to start)
 * before those already in review, the longest waiting first.
 */
export async function assessmentsToReview(db: DbOrTx, hostIds: string[]) {
  if (!hostIds.length) return [];
  const submittedAt = sql<Date | null>`(select max(s.at) from assessment_submissions s
    where s.assessment_id = "assessments"."id")`;
  const ranked = db
    .select({
      hostId: mentorships.hostOrgId,
      id: assessments.id,
      year: assessments.year,
      status: assessments.status,
      round: assessments.round,
      code: orgs.code,
      name: orgs.name,
      // As ISO text: a computed timestamp in a subquery has no column to decode it by.
      submittedAt: sql<
        string | null
      >`to_char(${submittedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`.as('submitted_at'),
      ...rank(
        sql`${mentorships.hostOrgId}`,
        sql`(${assessments.status} = 'in_review'), ${submittedAt} asc nulls last, ${assessments.id}`,
      ),
    })
    .from(mentorships)
    .innerJoin(assessments, eq(assessments.orgId, mentorships.menteeOrgId))
    .innerJoin(orgs, eq(orgs.id, assessments.orgId))
    .where(
      and(
        inArray(mentorships.hostOrgId, hostIds),
        eq(mentorships.status, 'active'),
        inArray(assessments.status, ['submitted', 'resubmitted', 'in_review']),
      ),
    )
    .as('ranked');
  return db.select().from(ranked).where(lte(ranked.rn, HOME_LIST_LIMIT));
}

/** Assistance requests to the hosts that are open or in progress, the longest waiting first. */
export async function waitingAssistance(db: DbOrTx, hostIds: string[]) {
  if (!hostIds.length) return [];
  const ranked = db
    .select({
      hostId: assistanceRequests.hostOrgId,
      id: assistanceRequests.id,
      topic: assistanceRequests.topic,
      status: assistanceRequests.status,
      createdAt: assistanceRequests.createdAt,
      code: orgs.code,
      name: orgs.name,
      ...rank(
        sql`${assistanceRequests.hostOrgId}`,
        sql`${assistanceRequests.createdAt} asc, ${assistanceRequests.id}`,
      ),
    })
    .from(assistanceRequests)
    .innerJoin(orgs, eq(orgs.id, assistanceRequests.orgId))
    .where(
      and(
        inArray(assistanceRequests.hostOrgId, hostIds),
        inArray(assistanceRequests.status, ['open', 'in_progress']),
      ),
    )
    .as('ranked');
  return db.select().from(ranked).where(lte(ranked.rn, HOME_LIST_LIMIT));
}

/** The hosts' followers: adoptions per stage, bodies replicating, and the latest moves. */
export async function followerState(db: DbOrTx, hostIds: string[]) {
  if (!hostIds.length) return { stages: [], bodies: [], latest: [] };
  const ranked = db
    .select({
      hostId: adoptions.hostOrgId,
      adoptionId: adoptions.id,
      stage: adoptions.stage,
      updatedAt: adoptions.updatedAt,
      code: orgs.code,
      name: orgs.name,
      practice: practices.title,
      ...rank(sql`${adoptions.hostOrgId}`, sql`${adoptions.updatedAt} desc, ${adoptions.id}`),
    })
    .from(adoptions)
    .innerJoin(orgs, eq(orgs.id, adoptions.orgId))
    .innerJoin(practices, eq(practices.id, adoptions.practiceId))
    .where(inArray(adoptions.hostOrgId, hostIds))
    .as('ranked');
  const [stages, bodies, latest] = await Promise.all([
    db
      .select({ hostId: adoptions.hostOrgId, stage: adoptions.stage, n: count() })
      .from(adoptions)
      .where(inArray(adoptions.hostOrgId, hostIds))
      .groupBy(adoptions.hostOrgId, adoptions.stage),
    db
      .select({ hostId: adoptions.hostOrgId, n: sql<number>`count(distinct ${adoptions.orgId})::int` })
      .from(adoptions)
      .where(and(inArray(adoptions.hostOrgId, hostIds), sql`${adoptions.stage} <> 'dropped'`))
      .groupBy(adoptions.hostOrgId),
    db.select().from(ranked).where(lte(ranked.rn, HOME_LIST_LIMIT)),
  ]);
  return { stages, bodies, latest };
}

/** The secretariat's figures: member bodies, active accounts, emails that failed this month. */
export async function platformFigures(db: DbOrTx) {
  const [[members], [active], [failed]] = await Promise.all([
    db.select({ n: count() }).from(orgs).where(eq(orgs.isMember, true)),
    db.select({ n: count() }).from(users).where(eq(users.isActive, true)),
    // By the creation index: the outbox keeps every message ever sent.
    db
      .select({ n: count() })
      .from(outbox)
      .where(and(gt(outbox.createdAt, sql`now() - interval '30 days'`), eq(outbox.status, 'failed'))),
  ]);
  return { memberBodies: members?.n ?? 0, activeUsers: active?.n ?? 0, failedEmails: failed?.n ?? 0 };
}
