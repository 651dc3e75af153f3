import { and, count, desc, eq, ilike, inArray, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { QuestionListQuery, QuestionSummary } from '../../../shared/contracts/questions';
import type { DbOrTx } from '../../db/client';
import { escapeLike, pagination } from '../../db/query-helpers';
import { actionItems, orgs, practices, questionAnswers, questions } from '../../db/schema';
import type { Actor } from '../../platform/auth/actor';
import { scopeSql } from '../../platform/auth/scope-sql';
import { canAsk } from './questions.policy';

// Reads of questions: lists (the actor's view and the knowledge base), similar answered questions.

const asker = alias(orgs, 'asker');
const accepted = alias(questionAnswers, 'accepted_answer');

/**
 * What the actor may see, as SQL: every public question, and private ones of bodies in the
 * actor's scope (the list form of inOrgScope).
 */
function visibleSql(actor: Actor): SQL | undefined {
  const scope = scopeSql(actor, (m) => {
    switch (m.role) {
      case 'province_supervisor':
        return [or(eq(asker.provinceCode, m.orgCode), eq(asker.code, m.orgCode))!];
      case 'mentor':
        return [
          eq(questions.orgId, m.orgId),
          ...(actor.mentoredOrgIds.length ? [inArray(questions.orgId, actor.mentoredOrgIds)] : []),
        ];
      default:
        return [eq(questions.orgId, m.orgId)];
    }
  });
  return scope ? or(eq(questions.visibility, 'public'), scope) : undefined;
}

/** Search words: at most eight, two characters or more, literal inside LIKE. */
export function searchWords(q: string | undefined): string[] {
  return [
    ...new Set(
      (q ?? '')
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter((w) => w.length >= 2),
    ),
  ]
    .slice(0, 8)
    .map((w) => `%${escapeLike(w)}%`);
}

export const knowledgeSql = and(eq(questions.visibility, 'public'), isNotNull(questions.acceptedAnswerId));

function summaryQuery(db: DbOrTx) {
  return db
    .select({
      q: questions,
      org: { code: asker.code, name: asker.name },
      practiceTitle: practices.title,
      itemTitle: actionItems.title,
      itemPlanId: actionItems.planId,
      acceptedBody: accepted.body,
    })
    .from(questions)
    .innerJoin(asker, eq(asker.id, questions.orgId))
    .leftJoin(practices, eq(practices.id, questions.practiceId))
    .leftJoin(actionItems, eq(actionItems.id, questions.planItemId))
    .leftJoin(accepted, eq(accepted.id, questions.acceptedAnswerId));
}

type Row = Awaited<ReturnType<ReturnType<typeof summaryQuery>['execute']>>[number];

export function questionStatus(q: { acceptedAnswerId: string | null; answerCount: number }) {
  return q.acceptedAnswerId ? 'accepted' : q.answerCount > 0 ? 'answered' : 'open';
}

const excerpt = (s: string | null) => (s === null ? null : s.length > 280 ? `${s.slice(0, 277)}…` : s);

export function presentSummary(r: Row): QuestionSummary {
  return {
    id: r.q.id,
    org: r.org,
    title: r.q.title,
    visibility: r.q.visibility,
    status: questionStatus(r.q),
    subject: {
      kind: r.q.subject,
      frameworkId: r.q.frameworkId,
      indicator: r.q.indicator,
      practice: r.q.practiceId && r.practiceTitle ? { id: r.q.practiceId, title: r.practiceTitle } : null,
      planItem:
        r.q.planItemId && r.itemTitle && r.itemPlanId
          ? { id: r.q.planItemId, title: r.itemTitle, planId: r.itemPlanId }
          : null,
    },
    answerCount: r.q.answerCount,
    createdAt: r.q.createdAt.toISOString(),
    acceptedExcerpt: excerpt(r.acceptedBody),
  };
}

export async function listQuestions(db: DbOrTx, actor: Actor, q: QuestionListQuery) {
  const where: (SQL | undefined)[] = [visibleSql(actor)];
  if (q.knowledge) where.push(knowledgeSql);
  if (q.org) where.push(eq(asker.code, q.org));
  if (q.visibility) where.push(eq(questions.visibility, q.visibility));
  if (q.status === 'accepted') where.push(isNotNull(questions.acceptedAnswerId));
  if (q.status === 'answered')
    where.push(and(isNull(questions.acceptedAnswerId), sql`${questions.answerCount} > 0`));
  if (q.status === 'open') where.push(and(isNull(questions.acceptedAnswerId), eq(questions.answerCount, 0)));
  if (q.frameworkId) where.push(eq(questions.frameworkId, q.frameworkId));
  if (q.indicator !== undefined) where.push(eq(questions.indicator, q.indicator));
  if (q.practiceId) where.push(eq(questions.practiceId, q.practiceId));
  for (const w of searchWords(q.q))
    where.push(or(ilike(questions.title, w), ilike(questions.body, w), ilike(accepted.body, w)));
  const cond = and(...where);
  const [rows, [total]] = await Promise.all([
    summaryQuery(db)
      .where(cond)
      .orderBy(desc(questions.createdAt), desc(questions.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ n: count() })
      .from(questions)
      .innerJoin(asker, eq(asker.id, questions.orgId))
      .leftJoin(accepted, eq(accepted.id, questions.acceptedAnswerId))
      .where(cond),
  ]);
  // Every membership row names its body; the policy decides in which of them the actor asks.
  const askFor = actor.memberships
    .filter((m) => canAsk(actor, { id: m.orgId }))
    .map((m) => ({ code: m.orgCode, name: m.orgName }));
  return {
    data: rows.map(presentSummary),
    pagination: pagination(q, total?.n ?? 0),
    askFor: [...new Map(askFor.map((o) => [o.code, o])).values()],
  };
}

/** Up to five answered public questions whose title or text share the most words with `title`. */
export async function similarQuestions(db: DbOrTx, title: string) {
  const words = searchWords(title).filter((w) => w.length >= 5); // three letters or more, plus %…%
  if (!words.length) return [];
  const score = sql<number>`(${sql.join(
    words.map(
      (w) =>
        sql`(case when ${questions.title} ilike ${w} then 2 when ${questions.body} ilike ${w} then 1 else 0 end)`,
    ),
    sql` + `,
  )})`;
  const rows = await summaryQuery(db)
    .where(
      and(knowledgeSql, or(...words.map((w) => or(ilike(questions.title, w), ilike(questions.body, w))))),
    )
    .orderBy(desc(score), desc(questions.acceptedAt))
    .limit(5);
  return rows.map(presentSummary);
}

/** One question's summary row (the caller checks visibility). */
export async function findQuestionRow(db: DbOrTx, id: string) {
  const [r] = await summaryQuery(db).where(eq(questions.id, id)).limit(1);
  return r ?? null;
}
