import { okSchema } from '../../../shared/contracts/common';
import {
  type MentorAccessDecision,
  mentorAccessDecisions,
  visitParamsSchema as params,
  visitBodySchema,
  visitDetailSchema,
  visitFileParamsSchema,
  visitFileReplySchema,
  visitListQuerySchema,
  visitListSchema,
  visitReplySchema,
} from '../../../shared/contracts/visits';
import { routeOptions } from '../../platform/auth/route-access';
import type { App } from '../../platform/http-types';
import { auditContext, requireActor } from '../../platform/request-context';
import { requireFilePart } from '../../platform/uploads';
import { MAX_EVIDENCE_BYTES } from '../evidence/evidence.files';
import { decideVisitAccess } from './visits.access.service';
import { addVisitFile, removeVisitFile } from './visits.files.service';
import { createVisit, deleteVisit, getVisit, getVisits, updateVisit } from './visits.service';

const tags = ['visits and programmes'];
const user = routeOptions('user', tags);

export async function visitRoutes(app: App) {
  const db = app.deps.database.db;
  const rule = app.deps.config.assessmentFrameworkByYear;

  app.get(
    '/visits',
    user({
      querystring: visitListQuerySchema,
      response: { 200: visitListSchema },
    }),
    async (req) => getVisits(db, requireActor(req), req.query),
  );

  app.post(
    '/visits',
    user({
      description:
        'Records a study visit. The visiting body gets a follow-up obligation (baseline assessment and approved plan within the programme’s days, default 60 after the visit). The host’s mentors become its mentors (`mentorAccess`): at once when the visiting body’s admin or leader, or a supervisor over it, records the visit; otherwise `pending` until the body confirms.',
      body: visitBodySchema,
      response: { 201: visitReplySchema },
    }),
    async (req, reply) =>
      reply
        .code(201)
        .send({ data: await createVisit(db, requireActor(req), auditContext(req), rule, req.body) }),
  );

  app.get('/visits/:id', user({ params, response: { 200: visitDetailSchema } }), async (req) =>
    getVisit(db, requireActor(req), req.params.id),
  );

  app.put(
    '/visits/:id',
    user({ params, body: visitBodySchema, response: { 200: visitReplySchema } }),
    async (req) => ({
      data: await updateVisit(db, requireActor(req), auditContext(req), rule, req.params.id, req.body),
    }),
  );

  app.delete('/visits/:id', user({ params, response: { 200: okSchema } }), async (req) => {
    await deleteVisit(db, requireActor(req), auditContext(req), req.params.id);
    return { ok: true as const };
  });

  const decisionText: Record<MentorAccessDecision, string> = {
    confirm:
      'Confirms the access the visit gives the host’s mentors over the visiting body (its users, evidence, plans, assessment review). For the visiting body’s admin or leader, its province supervisor, national supervisors and platform admins. Idempotent.',
    decline:
      'Declines (or withdraws) the access the visit gives the host’s mentors over the visiting body; the visit and its obligation stay. Same people as confirm. Idempotent.',
  };
  for (const decision of mentorAccessDecisions) {
    app.post(
      `/visits/:id/access/${decision}`,
      user({ description: decisionText[decision], params, response: { 200: visitDetailSchema } }),
      async (req) => decideVisitAccess(db, requireActor(req), auditContext(req), req.params.id, decision),
    );
  }

  app.post(
    '/visits/:id/files',
    user({
      description:
        'Photos and documents of the visit (multipart `file`, same rules as evidence); kept in the visiting body’s evidence locker.',
      params,
      response: { 201: visitFileReplySchema },
    }),
    async (req, reply) => {
      const data = await addVisitFile(
        db,
        app.files,
        requireActor(req),
        auditContext(req),
        req.params.id,
        () => requireFilePart(req, MAX_EVIDENCE_BYTES),
      );
      return reply.code(201).send({ data });
    },
  );

  app.delete(
    '/visits/:id/files/:fileId',
    user({ params: visitFileParamsSchema, response: { 200: okSchema } }),
    async (req) => {
      await removeVisitFile(db, requireActor(req), auditContext(req), req.params.id, req.params.fileId);
      return { ok: true as const };
    },
  );
}
