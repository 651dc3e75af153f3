import {
  assessmentCreateBodySchema,
  assessmentDetailSchema,
  assessmentListSchema,
  assessmentParamsSchema,
  commentBodySchema,
  createdSchema,
  exportQuerySchema,
  itemHistorySchema,
  itemParamsSchema,
  itemSaveBodySchema,
  savedItemSchema,
  type TransitionAction,
  transitionBodySchema,
  transitionParamsSchema,
  transitionResultSchema,
} from '../../../shared/contracts/assessments';
import {
  crosswalkReuseBodySchema,
  crosswalkReuseReplySchema,
  itemCrosswalkSchema,
} from '../../../shared/contracts/crosswalk';
import { orgParamsSchema } from '../../../shared/contracts/orgs';
import { routeOptions } from '../../platform/auth/route-access';
import type { App } from '../../platform/http-types';
import { auditContext, requireActor } from '../../platform/request-context';
import { sendTable } from '../results/results.download';
import { readItemCrosswalk, reuseCrosswalkEvidence } from './assessments.crosswalk.service';
import { saveItem } from './assessments.item.service';
import type { Transition } from './assessments.policy';
import {
  addComment,
  createAssessment,
  exportAssessment,
  listAssessments,
  readAssessment,
  readItemHistory,
} from './assessments.service';
import { transition } from './assessments.transition.service';

const tags = ['assessments'];
const route = routeOptions('user', tags);
const actions = {
  submit: 'submit',
  'start-review': 'start_review',
  return: 'return',
  resubmit: 'resubmit',
  accept: 'accept',
} as const satisfies Record<TransitionAction, Transition>;

export async function assessmentRoutes(app: App) {
  const db = app.deps.database.db;

  app.get(
    '/orgs/:code/assessments',
    route({ params: orgParamsSchema, response: { 200: assessmentListSchema } }),
    async (req) => listAssessments(db, requireActor(req), req.params.code),
  );

  app.post(
    '/orgs/:code/assessments',
    route({
      description:
        'Starts a self-assessment of an evaluation year on the framework that year uses (GET /frameworks/for-year/{year}). `frameworkId` may be left out; one the year does not use is refused (400 on body.frameworkId, naming the right one).',
      params: orgParamsSchema,
      body: assessmentCreateBodySchema,
      response: { 201: createdSchema },
    }),
    async (req, reply) => {
      const a = await createAssessment(
        db,
        requireActor(req),
        auditContext(req),
        app.deps.config.assessmentFrameworkByYear,
        req.params.code,
        req.body,
      );
      return reply.code(201).send({ data: { id: a.id } });
    },
  );

  app.get(
    '/assessments/:id',
    route({ params: assessmentParamsSchema, response: { 200: assessmentDetailSchema } }),
    async (req) => readAssessment(db, requireActor(req), req.params.id),
  );

  app.put(
    '/assessments/:id/items/:indicator',
    route({
      description:
        'Saves one indicator. `version` is the version the user started from; when someone saved in between the answer is 409 VERSION_CONFLICT with both versions in error.details. The chosen services (45–47) must differ, case and whitespace aside: a name another of them already has is 409 ASSESSMENT_SERVICE_TAKEN, naming that indicator in error.details.indicator.',
      params: itemParamsSchema,
      body: itemSaveBodySchema,
      response: { 200: savedItemSchema },
    }),
    async (req) => ({
      data: await saveItem(
        db,
        requireActor(req),
        auditContext(req),
        req.params.id,
        req.params.indicator,
        req.body,
      ),
    }),
  );

  app.get(
    '/assessments/:id/items/:indicator/history',
    route({ params: itemParamsSchema, response: { 200: itemHistorySchema } }),
    async (req) => ({
      data: await readItemHistory(db, requireActor(req), req.params.id, req.params.indicator),
    }),
  );

  app.get(
    '/assessments/:id/items/:indicator/crosswalk',
    route({
      description:
        'For an assessment on a framework with a crosswalk into it (pemdi-2026 ← spbe-2020; see `crosswalkFrom` in the assessment): the related indicators of the earlier framework with the reason, the body’s level and justification from its latest self-assessment on it (any status, named with its year and status), the level from its latest official result with every level, and the evidence it linked to them (`linkedHere`: already linked to this indicator). Missing data is null or an empty list. 404 when the framework has no crosswalk. Read access is that of the assessment.',
      params: itemParamsSchema,
      response: { 200: itemCrosswalkSchema },
    }),
    async (req) => readItemCrosswalk(db, requireActor(req), req.params.id, req.params.indicator),
  );

  app.post(
    '/assessments/:id/items/:indicator/crosswalk/reuse',
    route({
      description:
        'Links files the body linked to a related indicator of the earlier framework to this indicator, without copying them. Idempotent: a file already linked is reported in `alreadyLinked` and nothing is written for it. Any other file answers 400 EVIDENCE_NOT_REUSABLE (nothing is linked). Who and when: as linking evidence (403 for non-editors, 409 INVALID_STATE when the indicator may not change); each new link is audited as `evidence.linked` with `reusedFrom`.',
      params: itemParamsSchema,
      body: crosswalkReuseBodySchema,
      response: { 200: crosswalkReuseReplySchema },
    }),
    async (req) => ({
      data: await reuseCrosswalkEvidence(
        db,
        requireActor(req),
        auditContext(req),
        req.params.id,
        req.params.indicator,
        req.body.evidenceIds,
      ),
    }),
  );

  app.post(
    '/assessments/:id/items/:indicator/comments',
    route({ params: itemParamsSchema, body: commentBodySchema, response: { 201: createdSchema } }),
    async (req, reply) => {
      const { id, indicator } = req.params;
      const c = await addComment(db, requireActor(req), auditContext(req), id, indicator, req.body.body);
      return reply.code(201).send({ data: { id: c.id } });
    },
  );

  app.post(
    '/assessments/:id/transitions/:action',
    route({
      description:
        'Workflow: submit (body admin) → start-review (mentor or province supervisor) → return (with comments on indicators; only those reopen) → resubmit → accept. Submitting needs every level, every chosen service named, and the chosen services distinct (400 ASSESSMENT_INCOMPLETE lists `levels`, `serviceNames` and `repeatedServices`).',
      params: transitionParamsSchema,
      body: transitionBodySchema,
      response: { 200: transitionResultSchema },
    }),
    async (req) => {
      const { id, action } = req.params;
      return {
        data: await transition(db, requireActor(req), auditContext(req), id, actions[action], req.body),
      };
    },
  );

  app.get(
    '/assessments/:id/export',
    route({
      description:
        'The assessment as a table (CSV or XLSX): one row per indicator with its group, level, justification, service name and evidence.',
      params: assessmentParamsSchema,
      querystring: exportQuerySchema,
    }),
    async (req, reply) => {
      const table = await exportAssessment(db, requireActor(req), req.params.id, req.locale ?? 'id');
      return sendTable(reply, req.query.format, table);
    },
  );
}
