import { z } from 'zod';
import { frameworkForYearSchema, frameworkYearParamsSchema } from '../../../shared/contracts/assessments';
import {
  frameworkListSchema,
  frameworkLoadedSchema,
  frameworkReplySchema,
  frameworkVersionQuerySchema,
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
import { yearFrameworkSummary } from './frameworks.year';

const tags = ['frameworks (public calculator)'];
// Public and unauthenticated, so limited more tightly than signed-in traffic.
const publicLimit = { max: 120, timeWindow: '1 minute' };
const open = routeOptions('public', tags, { rateLimit: publicLimit });
const admin = routeOptions('user', ['frameworks (admin)']);

export async function frameworkRoutes(app: App) {
  const db = app.deps.database.db;
  const rule = app.deps.config.assessmentFrameworkByYear;
  app.get('/frameworks', open({ response: { 200: frameworkListSchema } }), async () => ({
    data: await frameworkSummaries(db),
  }));

  app.get(
    '/frameworks/:id',
    open({
      description:
        'A framework in its current version (the one new work uses), or in `version`: the version an assessment recorded (assessment.framework.version).',
      params,
      querystring: frameworkVersionQuerySchema,
      response: { 200: frameworkReplySchema },
    }),
    async (req) => ({ data: await findFramework(db, req.params.id, req.query.version) }),
  );

  app.get(
    '/frameworks/for-year/:year',
    open({
      description:
        'The framework a new self-assessment of this evaluation year uses: the configured one (ASSESSMENT_FRAMEWORK_BY_YEAR) or the newest whose evaluation years contain it. 400 with the reason when none can be used.',
      params: frameworkYearParamsSchema,
      response: { 200: frameworkForYearSchema },
    }),
    async (req) => ({ data: await yearFrameworkSummary(db, rule, req.params.year) }),
  );

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
          'Platform admins load another framework from its JSON definition (the shape of GET /frameworks/{id}), or correct one without a release: the same id with a new version (audited as framework.corrected) serves new work from then on, while assessments keep the version they recorded. Every problem is listed (400 FRAMEWORK_INVALID) and nothing is stored unless it is valid. An id and version are loaded once (409).',
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
