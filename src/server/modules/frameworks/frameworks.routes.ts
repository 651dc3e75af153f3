import { z } from 'zod';
import {
  frameworkListSchema,
  frameworkLoadedSchema,
  frameworkReplySchema,
  optimiseBodySchema,
  optimiseResultSchema,
  frameworkParamsSchema as params,
  scoreBodySchema,
  scoreResultSchema,
} from '../../../shared/contracts/frameworks';
import { routeOptions } from '../../platform/auth/route-access';
import type { App } from '../../platform/http-types';
import { auditContext, requireActor } from '../../platform/request-context';
import { findFramework } from './frameworks.registry';
import { frameworkSummaries, loadFramework, optimiseLevels, scoreLevels } from './frameworks.service';

const tags = ['frameworks (public calculator)'];
// Public and unauthenticated, so limited more tightly than signed-in traffic.
const publicLimit = { max: 120, timeWindow: '1 minute' };
const open = routeOptions('public', tags, { rateLimit: publicLimit });
const admin = routeOptions('user', ['frameworks (admin)']);

export async function frameworkRoutes(app: App) {
  const db = app.deps.database.db;
  app.get('/frameworks', open({ response: { 200: frameworkListSchema } }), async () => ({
    data: await frameworkSummaries(db),
  }));

  app.get('/frameworks/:id', open({ params, response: { 200: frameworkReplySchema } }), async (req) => ({
    data: await findFramework(db, req.params.id),
  }));

  app.post(
    '/frameworks/:id/score',
    open({ params, body: scoreBodySchema, response: { 200: scoreResultSchema } }),
    async (req) => scoreLevels(db, req.params.id, req.body.levels),
  );

  app.post(
    '/frameworks/:id/optimise',
    open({ params, body: optimiseBodySchema, response: { 200: optimiseResultSchema } }),
    async (req) => optimiseLevels(db, req.params.id, req.body),
  );

  app.post(
    '/frameworks',
    {
      bodyLimit: 5 * 1024 * 1024,
      ...admin({
        description:
          'Platform admins load another framework from its JSON definition (the shape of GET /frameworks/{id}). Every problem is listed (400 FRAMEWORK_INVALID) and nothing is stored unless it is valid. An id cannot be loaded twice.',
        body: z.unknown(),
        response: { 201: frameworkLoadedSchema },
      }),
    },
    async (req, reply) => {
      const data = await loadFramework(db, requireActor(req), auditContext(req), req.body);
      return reply.code(201).send({ data });
    },
  );
}
