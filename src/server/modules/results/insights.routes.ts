import { z } from 'zod';
import { createdSchema } from '../../../shared/contracts/assessments';
import { okSchema } from '../../../shared/contracts/common';
import { orgParamsSchema } from '../../../shared/contracts/orgs';
import {
  calibrationReplySchema,
  comparisonReplySchema,
  frameworkQuerySchema,
  historySchema,
  scenarioBodySchema,
  scenarioListSchema,
  sharingBodySchema,
  sharingReplySchema,
  yearFrameworkQuerySchema,
} from '../../../shared/contracts/results';
import { routeOptions } from '../../platform/auth/route-access';
import type { App } from '../../platform/http-types';
import { auditContext, requireActor } from '../../platform/request-context';
import {
  bodyHistory,
  calibrateBody,
  changeSharing,
  compareBody,
  deleteScenario,
  listScenarios,
  saveScenario,
} from './insights.service';

const tags = ['compare and simulate'];
const route = routeOptions('user', tags);

export async function insightRoutes(app: App) {
  const db = app.deps.database.db;
  const rule = app.deps.config.assessmentFrameworkByYear;

  app.get(
    '/orgs/:code/comparison',
    route({
      description:
        'The body against its host, its province’s average, the national average and the best bodies of the same type; the gap table lists indicators below the host’s level with the peers (sharing their levels) that reached it. Only results of one framework are compared: `framework`, else the one `year` uses, else the one of the body’s latest result.',
      params: orgParamsSchema,
      querystring: yearFrameworkQuerySchema,
      response: { 200: comparisonReplySchema },
    }),
    async (req) => ({ data: await compareBody(db, requireActor(req), rule, req.params.code, req.query) }),
  );

  app.get(
    '/orgs/:code/history',
    route({
      description:
        'The body’s self-assessment index and official result per evaluation year and framework (every framework it has results on, or `framework`): a trend is split where the framework changes.',
      params: orgParamsSchema,
      querystring: frameworkQuerySchema,
      response: { 200: historySchema },
    }),
    async (req) => ({ data: await bodyHistory(db, requireActor(req), req.params.code, req.query.framework) }),
  );

  app.get(
    '/orgs/:code/calibration',
    route({
      params: orgParamsSchema,
      querystring: yearFrameworkQuerySchema,
      response: { 200: calibrationReplySchema },
    }),
    async (req) => ({ data: await calibrateBody(db, requireActor(req), rule, req.params.code, req.query) }),
  );

  app.patch(
    '/orgs/:code/sharing',
    route({
      description: 'Whether peers may see this body’s indicator levels (off: only aggregates include them).',
      params: orgParamsSchema,
      body: sharingBodySchema,
      response: { 200: sharingReplySchema },
    }),
    async (req) => ({
      data: await changeSharing(
        db,
        requireActor(req),
        auditContext(req),
        req.params.code,
        req.body.shareLevels,
      ),
    }),
  );

  app.get(
    '/orgs/:code/scenarios',
    route({
      params: orgParamsSchema,
      querystring: frameworkQuerySchema,
      response: { 200: scenarioListSchema },
    }),
    async (req) => listScenarios(db, requireActor(req), req.params.code, req.query.framework),
  );

  app.post(
    '/orgs/:code/scenarios',
    route({ params: orgParamsSchema, body: scenarioBodySchema, response: { 201: createdSchema } }),
    async (req, reply) => {
      const id = await saveScenario(
        db,
        requireActor(req),
        auditContext(req),
        rule,
        req.params.code,
        req.body,
      );
      return reply.code(201).send({ data: { id } });
    },
  );

  app.delete(
    '/orgs/:code/scenarios/:id',
    route({ params: orgParamsSchema.extend({ id: z.uuid() }), response: { 200: okSchema } }),
    async (req) => {
      await deleteScenario(db, requireActor(req), auditContext(req), req.params.code, req.params.id);
      return { ok: true as const };
    },
  );
}
