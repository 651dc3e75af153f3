import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { AnswerBody } from '../../../shared/contracts/questions';
import { inBoth } from '../../../shared/texts';
import type { Db, Tx } from '../../db/client';
import {
  evidenceFiles,
  questionAnswerFiles,
  questionAnswers,
  questionHosts,
  questions,
} from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { type AuditContext, recordAudit } from '../../platform/audit';
import type { Actor } from '../../platform/auth/actor';
import { notify, usersWithRole } from '../notifications/notifications.service';
import { invalid } from '../practices/practices.checks';
import { answeringMembership, answerPolicy, questionPolicy } from './questions.policy';
import { activeHostsOf, loadQuestion, questionDetail } from './questions.service';

// Answers in a question's thread: post, edit, delete (each audited), with documents linked from
// the answering body's evidence locker (uploaded through the locker's own route, never here).

/** Every file must be in the answering body's locker (a link never crosses bodies). */
async function checkFiles(tx: Tx, orgId: string, fileIds: string[]) {
  const ids = [...new Set(fileIds)];
  if (!ids.length) return ids;
  const found = await tx
    .select({ id: evidenceFiles.id })
    .from(evidenceFiles)
    .where(and(inArray(evidenceFiles.id, ids), eq(evidenceFiles.orgId, orgId)));
  if (found.length !== ids.length) throw invalid('body.fileIds', 'QUESTION_FILE_UNKNOWN');
  return ids;
}

/**
 * Posts an answer in the name of the actor's most specific body (see answeringMembership). An
 * answer from outside the asking body counts for the question's status; from a host it is that
 * host's first response if none was stamped yet. The asker's side is notified, or, for a
 * clarification from the asking body, those who answered before.
 */
export async function postAnswer(db: Db, actor: Actor, ctx: AuditContext, id: string, input: AnswerBody) {
  await db.transaction(async (tx) => {
    const { row, org, subject } = await loadQuestion(tx, actor, id);
    if (!questionPolicy.can(actor, 'answer', subject)) throw new AppError('FORBIDDEN');
    const as = answeringMembership(
      actor,
      org,
      await activeHostsOf(tx, org.id),
      row.q.visibility === 'public',
    );
    if (!as) throw new AppError('FORBIDDEN');
    const fileIds = await checkFiles(tx, as.orgId, input.fileIds);
    const fromAsker = as.orgId === org.id;
    const [a] = await tx
      .insert(questionAnswers)
      .values({ questionId: id, authorId: actor.userId, orgId: as.orgId, body: input.body })
      .returning();
    if (fileIds.length)
      await tx.insert(questionAnswerFiles).values(fileIds.map((fileId) => ({ answerId: a!.id, fileId })));
    if (!fromAsker) {
      await tx
        .update(questions)
        .set({ answerCount: sql`${questions.answerCount} + 1` })
        .where(eq(questions.id, id));
      await tx
        .update(questionHosts)
        .set({ firstResponseAt: a!.createdAt })
        .where(
          and(
            eq(questionHosts.questionId, id),
            eq(questionHosts.hostOrgId, as.orgId),
            isNull(questionHosts.firstResponseAt),
          ),
        );
    }
    await recordAudit(tx, ctx, {
      action: 'question.answered',
      entityType: 'question',
      entityId: id,
      orgId: org.id,
      summary: { answerId: a!.id, as: as.orgCode, fromAsker, fileIds },
    });
    const readers = fromAsker
      ? (
          await tx
            .selectDistinct({ id: questionAnswers.authorId })
            .from(questionAnswers)
            .where(eq(questionAnswers.questionId, id))
        ).map((r) => r.id)
      : [row.q.askedBy, ...(await usersWithRole(tx, org.id, ['body_admin']))];
    await notify(
      tx,
      readers.filter((u) => u !== actor.userId),
      {
        kind: 'question.answered',
        title: inBoth('NOTICE_QUESTION_ANSWERED', { org: as.orgName, title: row.q.title }),
        link: `/questions/${id}`,
      },
    );
  });
  return questionDetail(db, actor, id);
}

/** The answer of this question, locked, that the actor may change in this way (404/403/409). */
async function ownAnswer(tx: Tx, actor: Actor, id: string, answerId: string, action: 'edit' | 'delete') {
  const { row, org } = await loadQuestion(tx, actor, id);
  const [a] = await tx
    .select()
    .from(questionAnswers)
    .where(and(eq(questionAnswers.id, answerId), eq(questionAnswers.questionId, id)))
    .for('update');
  if (!a) throw new AppError('NOT_FOUND');
  if (a.authorId !== actor.userId) throw new AppError('FORBIDDEN');
  const ref = { authorId: a.authorId, questionAccepted: !!row.q.acceptedAnswerId };
  if (!answerPolicy.can(actor, action, ref)) throw new AppError('QUESTION_SETTLED');
  return { a, org };
}

export async function editAnswer(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  id: string,
  answerId: string,
  input: AnswerBody,
) {
  await db.transaction(async (tx) => {
    const { a, org } = await ownAnswer(tx, actor, id, answerId, 'edit');
    const fileIds = await checkFiles(tx, a.orgId, input.fileIds);
    await tx
      .update(questionAnswers)
      .set({ body: input.body, editedAt: new Date() })
      .where(eq(questionAnswers.id, answerId));
    await tx.delete(questionAnswerFiles).where(eq(questionAnswerFiles.answerId, answerId));
    if (fileIds.length)
      await tx.insert(questionAnswerFiles).values(fileIds.map((fileId) => ({ answerId, fileId })));
    await recordAudit(tx, ctx, {
      action: 'question.answer_edited',
      entityType: 'question',
      entityId: id,
      orgId: org.id,
      summary: { answerId, fileIds },
    });
  });
  return questionDetail(db, actor, id);
}

/**
 * Deletes one's own answer before acceptance. A host's first-response stamp stays: the host did
 * respond then, and the figure must not improve or worsen by removing a message afterwards.
 */
export async function deleteAnswer(db: Db, actor: Actor, ctx: AuditContext, id: string, answerId: string) {
  await db.transaction(async (tx) => {
    const { a, org } = await ownAnswer(tx, actor, id, answerId, 'delete');
    await tx.delete(questionAnswers).where(eq(questionAnswers.id, answerId));
    if (a.orgId !== org.id)
      await tx
        .update(questions)
        .set({ answerCount: sql`greatest(${questions.answerCount} - 1, 0)` })
        .where(eq(questions.id, id));
    await recordAudit(tx, ctx, {
      action: 'question.answer_deleted',
      entityType: 'question',
      entityId: id,
      orgId: org.id,
      summary: { answerId, body: a.body.slice(0, 500) },
    });
  });
}

/** A document attached to one of the question's answers, for whoever may view the question. */
export async function findQuestionFile(db: Db, actor: Actor, id: string, fileId: string) {
  await loadQuestion(db, actor, id);
  const [file] = await db
    .select({
      storageKey: evidenceFiles.storageKey,
      mime: evidenceFiles.mime,
      size: evidenceFiles.size,
      name: evidenceFiles.name,
    })
    .from(questionAnswerFiles)
    .innerJoin(questionAnswers, eq(questionAnswers.id, questionAnswerFiles.answerId))
    .innerJoin(evidenceFiles, eq(evidenceFiles.id, questionAnswerFiles.fileId))
    .where(and(eq(questionAnswers.questionId, id), eq(questionAnswerFiles.fileId, fileId)))
    .limit(1);
  if (!file) throw new AppError('NOT_FOUND');
  return file;
}
