import { z } from 'zod';
import { frameworkSchema } from '../../../shared/framework/framework-schema';
import { optimise } from '../../../shared/framework/optimise';
import { presentScore } from '../../../shared/framework/present-score';
import { LevelsError, score } from '../../../shared/framework/score';
import {
  optimiseBodySchema,
  optimiseResultSchema,
  scoreBodySchema,
  scoreResultSchema,
} from '../../../shared/contracts/frameworks';
import { frameworkDefinitions } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { recordAudit } from '../../platform/audit';
import { isPlatformAdmin } from '../../platform/auth/actor';
import type { App } from '../../platform/http-types';
import { auditContext, requireActor } from '../../platform/request-context';
import { findFramework, frameworkProblems, listFrameworks, shippedFramework } from './frameworks.registry';

const tags = ['frameworks (public calculator)'];
const params = z.object({ id: z.string().regex(/^[a-z0-9-]+$/) });
// Public and unauthenticated, so limited more tightly than signed-in traffic.
const publicLimit = { max: 120, timeWindow: '1 minute' };

function asValidation(err: unknown): never {
  if (err instanceof LevelsError) {
    throw new AppError('VALIDATION_FAILED', {
      issues: err.issues.map((i) => ({ field: `body.${i.field}`, message: i.message })),
    });
  }
  throw err;
}

export async function frameworkRoutes(app: App) {
  const db = app.deps.database.db;
  app.get(
    '/frameworks',
    {
      config: { access: 'public', rateLimit: publicLimit },
      schema: {
        tags,
        response: {
          200: z.object({
            data: z.array(
              z.object({
                id: z.string(),
                name: z.object({ id: z.string(), en: z.string() }),
                version: z.string(),
                status: z.enum(['official', 'provisional']),
                source: z.string(),
                indicatorCount: z.number().int(),
              }),
            ),
          }),
        },
      },
    },
    async () => ({
      data: (await listFrameworks(db)).map((f) => ({
        id: f.id,
        name: f.name,
        version: f.version,
        status: f.status,
        source: f.source,
        indicatorCount: f.indicators.length,
      })),
    }),
  );

  app.get(
    '/frameworks/:id',
    {
      config: { access: 'public', rateLimit: publicLimit },
      schema: { tags, params, response: { 200: z.object({ data: frameworkSchema }) } },
    },
    async (req) => ({ data: await findFramework(db, req.params.id) }),
  );

  app.post(
    '/frameworks/:id/score',
    {
      config: { access: 'public', rateLimit: publicLimit, readOnly: true },
      schema: { tags, params, body: scoreBodySchema, response: { 200: scoreResultSchema } },
    },
    async (req) => {
      const framework = await findFramework(db, req.params.id);
      try {
        return presentScore(score(framework, req.body.levels));
      } catch (err) {
        asValidation(err);
      }
    },
  );

  app.post(
    '/frameworks/:id/optimise',
    {
      config: { access: 'public', rateLimit: publicLimit, readOnly: true },
      schema: { tags, params, body: optimiseBodySchema, response: { 200: optimiseResultSchema } },
    },
    async (req) => {
      const framework = await findFramework(db, req.params.id);
      const { levels, target, effort } = req.body;
      try {
        const r = optimise(
          framework,
          levels,
          typeof target === 'number' ? { index: target } : { predicate: target },
          effort,
        );
        const fw = { id: framework.id, version: framework.version };
        return r.reachable
          ? { framework: fw, ...r, predicate: r.predicate.id }
          : {
              framework: fw,
              reachable: false,
              steps: [],
              totalEffort: null,
              index: null,
              predicate: null,
              assumedLevel1: r.assumedLevel1,
            };
      } catch (err) {
        asValidation(err);
      }
    },
  );

  app.post(
    '/frameworks',
    {
      config: { access: 'user' },
      bodyLimit: 5 * 1024 * 1024,
      schema: {
        tags: ['frameworks (admin)'],
        description:
          'Platform admins load another framework from its JSON definition (the shape of GET /frameworks/{id}). Every problem is listed (400 FRAMEWORK_INVALID) and nothing is stored unless it is valid. An id cannot be loaded twice.',
        body: z.unknown(),
        response: {
          201: z.object({
            data: z.object({ id: z.string(), version: z.string(), indicatorCount: z.number() }),
          }),
        },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      if (!isPlatformAdmin(actor)) throw new AppError('FORBIDDEN');
      const problems = frameworkProblems(req.body);
      if (problems.length) throw new AppError('FRAMEWORK_INVALID', { problems });
      const framework = frameworkSchema.parse(req.body);
      if (shippedFramework(framework.id)) throw new AppError('CONFLICT', { id: framework.id });
      await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(frameworkDefinitions)
          .values({
            id: framework.id,
            version: framework.version,
            definition: framework,
            uploadedBy: actor.userId,
          })
          .onConflictDoNothing()
          .returning({ id: frameworkDefinitions.id });
        if (!row) throw new AppError('CONFLICT', { id: framework.id });
        await recordAudit(tx, auditContext(req), {
          action: 'framework.loaded',
          entityType: 'framework',
          entityId: framework.id,
          summary: {
            version: framework.version,
            status: framework.status,
            indicators: framework.indicators.length,
          },
        });
      });
      return reply.code(201).send({
        data: { id: framework.id, version: framework.version, indicatorCount: framework.indicators.length },
      });
    },
  );
}
