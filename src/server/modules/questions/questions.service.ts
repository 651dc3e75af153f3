import { and, asc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Question, QuestionCreate } from '../../../shared/contracts/questions';
import { inBoth } from '../../../shared/texts';
import type { Db, DbOrTx, Tx } from '../../db/client';
import {
  actionItems,
  evidenceFiles,
  mentorships,
  orgs,
  practices,
  questionAnswerFiles,
  questionAnswers,
  questionHosts,
  questions,
  users,
} from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { type AuditContext, recordAudit } from '../../platform/audit';
import type { Actor } from '../../platform/auth/actor';
import { hostMentorsOf, notify, usersWithRole } from '../notifications/notifications.service';
import type { OrgRef } from '../orgs/orgs.policy';
import { findOrgByCode, findOrgById } from '../orgs/orgs.queries';
import { getOrgInScope } from '../orgs/orgs.service';
import { checkIndicators, frameworkFor, invalid } from '../practices/practices.checks';
import {
  answeringMembership,
  answerPolicy,
  canAsk,
  canViewQuestion,
  questionPolicy,
} from './questions.policy';
import { findQuestionRow, presentSummary } from './questions.queries';

// Use cases of a question: ask, read, accept an answer. Answers: answers.service.ts.

const answerOrg = alias(orgs, 'answer_org');

/** The question the actor may view (404 otherwise), with its body and the policy's subject. */
export async function loadQuestion(db: DbOrTx, actor: Actor, id: string) {
  const row = await findQuestionRow(db, id);
  const org = row ? await findOrgById(db, row.q.orgId) : null;
  if (!row || !org) throw new AppError('NOT_FOUND');
  const subject = {
    org: org as OrgRef,
    visibility: row.q.visibility,
    askedBy: row.q.askedBy,
    accepted: !!row.q.acceptedAnswerId,
  };
  if (!canViewQuestion(actor, subject)) throw new AppError('NOT_FOUND');
  return { row, org, subject };
}

/** The subject must exist: the framework's indicator, a published practice, the body's own plan item. */
async function checkSubject(tx: Tx, orgId: string, input: QuestionCreate) {
  if (input.frameworkId !== undefined && input.indicator !== undefined) {
    const framework = await frameworkFor(tx, input.frameworkId);
    checkIndicators(framework, [input.indicator], 'body.indicator');
    return 'indicator' as const;
  }
  if (input.practiceId) {
    const [p] = await tx
      .select({ id: practices.id })
      .from(practices)
      .where(and(eq(practices.id, input.practiceId), eq(practices.status, 'published')));
    if (!p) throw invalid('body.practiceId', 'QUESTION_PRACTICE_UNKNOWN');
    return 'practice' as const;
  }
  const [item] = await tx
    .select({ id: actionItems.id })
    .from(actionItems)
    .where(and(eq(actionItems.id, input.planItemId!), eq(actionItems.orgId, orgId)));
  if (!item) throw invalid('body.planItemId', 'QUESTION_PLAN_ITEM_UNKNOWN');
  return 'plan_item' as const;
}

/** The hosts with confirmed mentor access over a body. */
export async function activeHostsOf(db: DbOrTx, orgId: string) {
  const rows = await db
    .select({ id: mentorships.hostOrgId })
    .from(mentorships)
    .where(and(eq(mentorships.menteeOrgId, orgId), eq(mentorships.status, 'active')));
  return rows.map((r) => r.id);
}

/** The province supervisors over a body (a province's own, for a province). */
export async function provinceSupervisorsOf(tx: DbOrTx, org: OrgRef) {
  const code = org.type === 'province' ? org.code : org.provinceCode;
  const province = code ? await findOrgByCode(tx, code) : null;
  return province ? usersWithRole(tx, province.id, ['province_supervisor']) : [];
}

/**
 * A body's admin or operator asks. The question is put to the hosts with confirmed mentor access
 * over the body (their response times are measured from now); their mentors and the province
 * supervisor are notified (in the app, and by email as each prefers).
 */
export async function askQuestion(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  code: string,
  input: QuestionCreate,
) {
  const id = await db.transaction(async (tx) => {
    const org = await getOrgInScope(tx, actor, code);
    if (!canAsk(actor, org)) throw new AppError('FORBIDDEN');
    const subject = await checkSubject(tx, org.id, input);
    const [q] = await tx
      .insert(questions)
      .values({
        orgId: org.id,
        askedBy: actor.userId,
        title: input.title,
        body: input.body,
        visibility: input.visibility,
        subject,
        frameworkId: subject === 'indicator' ? input.frameworkId : null,
        indicator: subject === 'indicator' ? input.indicator : null,
        practiceId: input.practiceId ?? null,
        planItemId: input.planItemId ?? null,
      })
      .returning();
    const hosts = await activeHostsOf(tx, org.id);
    if (hosts.length)
      await tx
        .insert(questionHosts)
        .values(hosts.map((hostOrgId) => ({ questionId: q!.id, hostOrgId, askedAt: q!.createdAt })));
    await recordAudit(tx, ctx, {
      action: 'question.asked',
      entityType: 'question',
      entityId: q!.id,
      orgId: org.id,
      summary: { title: input.title, visibility: input.visibility, subject, hosts: hosts.length },
    });
    const readers = [...(await hostMentorsOf(tx, org.id)), ...(await provinceSupervisorsOf(tx, org))];
    await notify(
      tx,
      readers.filter((u) => u !== actor.userId),
      {
        kind: 'question.asked',
        title: inBoth('NOTICE_QUESTION_ASKED', { org: org.name, title: input.title }),
        link: `/questions/${q!.id}`,
      },
    );
    return q!.id;
  });
  return questionDetail(db, actor, id);
}

/** One question with its thread, files and the actor's abilities. */
export async function questionDetail(db: DbOrTx, actor: Actor, id: string): Promise<Question> {
  const { row, org, subject } = await loadQuestion(db, actor, id);
  const abilities = questionPolicy.abilities(actor, subject);
  const as = abilities.answer
    ? answeringMembership(actor, org, await activeHostsOf(db, org.id), subject.visibility === 'public')
    : undefined;
  const answers = await db
    .select({ a: questionAnswers, authorName: users.name, orgCode: answerOrg.code, orgName: answerOrg.name })
    .from(questionAnswers)
    .leftJoin(users, eq(users.id, questionAnswers.authorId))
    .innerJoin(answerOrg, eq(answerOrg.id, questionAnswers.orgId))
    .where(eq(questionAnswers.questionId, id))
    .orderBy(asc(questionAnswers.createdAt), asc(questionAnswers.id));
  const files = answers.length
    ? await db
        .select({
          answerId: questionAnswerFiles.answerId,
          id: evidenceFiles.id,
          name: evidenceFiles.name,
          size: evidenceFiles.size,
        })
        .from(questionAnswerFiles)
        .innerJoin(evidenceFiles, eq(evidenceFiles.id, questionAnswerFiles.fileId))
        .where(
          inArray(
            questionAnswerFiles.answerId,
            answers.map((a) => a.a.id),
          ),
        )
        .orderBy(asc(evidenceFiles.name))
    : [];
  const [askedBy] = row.q.askedBy
    ? await db.select({ name: users.name }).from(users).where(eq(users.id, row.q.askedBy))
    : [];
  return {
    ...presentSummary(row),
    body: row.q.body,
    askedBy: { id: row.q.askedBy, name: askedBy?.name ?? '—' },
    acceptedAnswerId: row.q.acceptedAnswerId,
    answers: answers.map((a) => ({
      id: a.a.id,
      body: a.a.body,
      author: { id: a.a.authorId, name: a.authorName ?? '—' },
      org: { code: a.orgCode, name: a.orgName },
      fromAsker: a.a.orgId === row.q.orgId,
      accepted: a.a.id === row.q.acceptedAnswerId,
      files: files
        .filter((f) => f.answerId === a.a.id)
        .map(({ id: fid, name, size }) => ({ id: fid, name, size })),
      createdAt: a.a.createdAt.toISOString(),
      editedAt: a.a.editedAt?.toISOString() ?? null,
      abilities: answerPolicy.abilities(actor, {
        authorId: a.a.authorId,
        questionAccepted: subject.accepted,
      }),
    })),
    abilities,
    answerAs: as ? { code: as.orgCode, name: as.orgName } : null,
  };
}

/** The asker (or the body's admin) accepts one answer from outside the body; it may be changed. */
export async function acceptAnswer(db: Db, actor: Actor, ctx: AuditContext, id: string, answerId: string) {
  await db.transaction(async (tx) => {
    const { row, subject } = await loadQuestion(tx, actor, id);
    if (!questionPolicy.can(actor, 'accept', subject)) throw new AppError('FORBIDDEN');
    const [a] = await tx
      .select()
      .from(questionAnswers)
      .where(and(eq(questionAnswers.id, answerId), eq(questionAnswers.questionId, id)));
    if (!a) throw new AppError('NOT_FOUND');
    if (a.orgId === row.q.orgId) throw invalid('body.answerId', 'QUESTION_ANSWER_OWN');
    if (row.q.acceptedAnswerId === a.id) return;
    await tx
      .update(questions)
      .set({ acceptedAnswerId: a.id, acceptedAt: new Date() })
      .where(eq(questions.id, id));
    await recordAudit(tx, ctx, {
      action: 'question.answer_accepted',
      entityType: 'question',
      entityId: id,
      orgId: row.q.orgId,
      summary: { answerId: a.id, previous: row.q.acceptedAnswerId },
    });
    if (a.authorId !== actor.userId)
      await notify(tx, [a.authorId], {
        kind: 'question.accepted',
        title: inBoth('NOTICE_QUESTION_ACCEPTED', { title: row.q.title }),
        link: `/questions/${id}`,
      });
  });
  return questionDetail(db, actor, id);
}
