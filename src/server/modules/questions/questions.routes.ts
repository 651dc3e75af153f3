import { z } from 'zod';
import { data, okSchema } from '../../../shared/contracts/common';
import { orgParamsSchema } from '../../../shared/contracts/orgs';
import {
  acceptAnswerSchema,
  answerBodySchema,
  answerParamsSchema,
  questionCreateSchema,
  questionFileParamsSchema,
  questionListQuerySchema,
  questionPageSchema,
  questionParamsSchema,
  questionSchema,
  questionSummarySchema,
  responseTimeQuerySchema,
  responseTimeSchema,
  similarQuerySchema,
} from '../../../shared/contracts/questions';
import { routeOptions } from '../../platform/auth/route-access';
import type { App } from '../../platform/http-types';
import { auditContext, requireActor } from '../../platform/request-context';
import { sendEvidenceFile } from '../evidence/evidence.download';
import { deleteAnswer, editAnswer, findQuestionFile, postAnswer } from './answers.service';
import { listQuestions, similarQuestions } from './questions.queries';
import { responseTimes } from './questions.response-times';
import { acceptAnswer, askQuestion, questionDetail } from './questions.service';

const user = routeOptions('user', ['questions']);
const one = data(questionSchema);

export async function questionRoutes(app: App) {
  const db = app.deps.database.db;

  app.post(
    '/orgs/:code/questions',
    user({
      description:
        'The body’s admin or operator asks about one indicator (framework + number), a published practice or one of the body’s plan items; public within the Living Lab (default) or private to the body’s scope. The mentors of hosts with confirmed access and the province supervisor are notified.',
      params: orgParamsSchema,
      body: questionCreateSchema,
      response: { 201: one },
    }),
    async (req, reply) => {
      const d = await askQuestion(db, requireActor(req), auditContext(req), req.params.code, req.body);
      return reply.code(201).send({ data: d });
    },
  );

  app.get(
    '/questions',
    user({
      description:
        'Questions the caller may see (every public one, private ones of bodies in scope), newest first. `knowledge=true`: the knowledge base (public questions with an accepted answer); `q` searches the title, the question and the accepted answer.',
      querystring: questionListQuerySchema,
      response: { 200: questionPageSchema },
    }),
    async (req) => listQuestions(db, requireActor(req), req.query),
  );

  app.get(
    '/questions/similar',
    user({
      description: 'Up to five answered public questions resembling a title being typed (the ask form).',
      querystring: similarQuerySchema,
      response: { 200: data(z.array(questionSummarySchema)) },
    }),
    async (req) => ({ data: await similarQuestions(db, req.query.title) }),
  );

  app.get(
    '/questions/response-times',
    user({
      description:
        'Per host: median first response in working days (Mon–Fri in the platform’s zone; national holidays are not known to the platform) and the share answered within 3 working days. Filter by `host` or `province`.',
      querystring: responseTimeQuerySchema,
      response: { 200: data(z.array(responseTimeSchema)) },
    }),
    async (req) => ({ data: await responseTimes(db, app.deps.config.reminderTimeZone, req.query) }),
  );

  app.get('/questions/:id', user({ params: questionParamsSchema, response: { 200: one } }), async (req) => ({
    data: await questionDetail(db, requireActor(req), req.params.id),
  }));

  app.post(
    '/questions/:id/answers',
    user({
      description:
        'Answers in the thread (mentors, supervisors, other bodies for a public question; the asking body clarifies), with documents from the answering body’s evidence locker.',
      params: questionParamsSchema,
      body: answerBodySchema,
      response: { 201: one },
    }),
    async (req, reply) => {
      const d = await postAnswer(db, requireActor(req), auditContext(req), req.params.id, req.body);
      return reply.code(201).send({ data: d });
    },
  );

  app.patch(
    '/questions/:id/answers/:answerId',
    user({
      description: 'Its author edits an answer until the question has an accepted answer.',
      params: answerParamsSchema,
      body: answerBodySchema,
      response: { 200: one },
    }),
    async (req) => ({
      data: await editAnswer(
        db,
        requireActor(req),
        auditContext(req),
        req.params.id,
        req.params.answerId,
        req.body,
      ),
    }),
  );

  app.delete(
    '/questions/:id/answers/:answerId',
    user({
      description: 'Its author deletes an answer until the question has an accepted answer.',
      params: answerParamsSchema,
      response: { 200: okSchema },
    }),
    async (req) => {
      await deleteAnswer(db, requireActor(req), auditContext(req), req.params.id, req.params.answerId);
      return { ok: true as const };
    },
  );

  app.put(
    '/questions/:id/accepted-answer',
    user({
      description: 'The asker or the asking body’s admin accepts one answer from outside the body.',
      params: questionParamsSchema,
      body: acceptAnswerSchema,
      response: { 200: one },
    }),
    async (req) => ({
      data: await acceptAnswer(db, requireActor(req), auditContext(req), req.params.id, req.body.answerId),
    }),
  );

  app.get(
    '/questions/:id/files/:fileId',
    user({ description: 'A document attached to an answer.', params: questionFileParamsSchema }),
    async (req, reply) =>
      sendEvidenceFile(
        reply,
        app.files,
        await findQuestionFile(db, requireActor(req), req.params.id, req.params.fileId),
      ),
  );
}
