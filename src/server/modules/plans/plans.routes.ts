import { orgParamsSchema } from '../../../shared/contracts/orgs';
import {
  exportQuerySchema,
  importReplySchema,
  itemQuerySchema,
  planCreatedReplySchema,
  planCreateSchema,
  planDetailReplySchema,
  planListReplySchema,
  planParamsSchema,
  planVersionReplySchema,
  transitionBodySchema,
  transitionParamsSchema,
  transitionReplySchema,
  versionParamsSchema,
} from '../../../shared/contracts/plans';
import { routeOptions } from '../../platform/auth/route-access';
import { attachment } from '../../platform/file-names';
import type { App } from '../../platform/http-types';
import { auditContext, requireActor } from '../../platform/request-context';
import { uploadedBuffer } from '../../platform/uploads';
import { importPlan } from './plans.import.service';
import { exportPlan, getPlanDetail, getPlanVersion, listBodyPlans } from './plans.read.service';
import { createPlan, transitionPlan } from './plans.service';

const MAX_PLAN_IMPORT_BYTES = 10 * 1024 * 1024;

// Every plan route is for signed-in users and filed under one OpenAPI tag.
const planRoute = routeOptions('user', ['action plans']);

export async function planRoutes(app: App) {
  const db = app.deps.database.db;

  app.get(
    '/orgs/:code/plans',
    planRoute({ params: orgParamsSchema, response: { 200: planListReplySchema } }),
    async (req) => listBodyPlans(db, requireActor(req), req.params.code),
  );

  app.post(
    '/orgs/:code/plans',
    planRoute({
      params: orgParamsSchema,
      body: planCreateSchema,
      response: { 201: planCreatedReplySchema },
    }),
    async (req, reply) => {
      const plan = await createPlan(
        db,
        requireActor(req),
        auditContext(req),
        app.deps.config.assessmentFrameworkByYear,
        req.params.code,
        req.body.period,
      );
      return reply.code(201).send({ data: { id: plan.id } });
    },
  );

  app.get(
    '/plans/:id',
    planRoute({
      params: planParamsSchema,
      querystring: itemQuerySchema,
      response: { 200: planDetailReplySchema },
    }),
    async (req) => getPlanDetail(db, requireActor(req), req.params.id, req.query),
  );

  app.post(
    '/plans/:id/transitions/:action',
    planRoute({
      description:
        'submit (body admin) → approve or return (leader); an approved plan can be revised (its approved versions are kept). Approving a plan whose open items lack an owner or a due date answers 409 PLAN_INCOMPLETE_ITEMS with the counts, unless the body says `acknowledgeIncomplete: true`.',
      params: transitionParamsSchema,
      body: transitionBodySchema,
      response: { 200: transitionReplySchema },
    }),
    async (req) => ({
      data: await transitionPlan(
        db,
        requireActor(req),
        auditContext(req),
        req.params.id,
        req.params.action,
        req.body,
      ),
    }),
  );

  app.get(
    '/plans/:id/versions/:version',
    planRoute({
      params: versionParamsSchema,
      response: { 200: planVersionReplySchema },
    }),
    async (req) => ({
      data: await getPlanVersion(db, requireActor(req), req.params.id, req.params.version),
    }),
  );

  app.get(
    '/plans/:id/export',
    planRoute({
      description: 'The plan’s items as XLSX (default) or CSV, to edit offline and import back.',
      params: planParamsSchema,
      querystring: exportQuerySchema,
    }),
    async (req, reply) => {
      const file = await exportPlan(db, requireActor(req), req.params.id, req.query.format);
      return reply.type(file.type).header('content-disposition', attachment(file.filename)).send(file.body);
    },
  );

  app.post(
    '/plans/:id/import',
    planRoute({
      description:
        'multipart `file`: an exported plan edited offline (XLSX or CSV). Every row is checked first (including that the item did not change since the export); nothing is applied unless all rows are valid.',
      params: planParamsSchema,
      response: { 200: importReplySchema },
    }),
    async (req) => {
      const actor = requireActor(req);
      const file = await uploadedBuffer(req, MAX_PLAN_IMPORT_BYTES);
      return { data: await importPlan(db, actor, auditContext(req), req.params.id, file) };
    },
  );
}
