import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { okSchema } from '../../../shared/contracts/common';
import { orgParamsSchema } from '../../../shared/contracts/orgs';
import {
  calibrationSchema,
  comparisonSchema,
  frameworkQuerySchema,
  historySchema,
  scenarioBodySchema,
  scenarioSchema,
  yearFrameworkQuerySchema,
} from '../../../shared/schemas/results';
import { orgs, scenarios, users } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { recordAudit } from '../../platform/audit';
import { type Actor, isPlatformAdmin } from '../../platform/auth/actor';
import type { App } from '../../platform/http-types';
import { auditContext, requireActor } from '../../platform/request-context';
import { findFramework } from '../frameworks/frameworks.registry';
import { orgAbilities } from '../orgs/orgs.policy';
import { getOrgInScope } from '../orgs/orgs.service';
import { calibration, comparison, history } from './comparison.queries';

const tags = ['compare and simulate'];
const memberOf = (actor: Actor, orgId: string) =>
  isPlatformAdmin(actor) || actor.memberships.some((m) => m.orgId === orgId);

export async function insightRoutes(app: App) {
  const db = app.deps.database.db;

  /** The year asked for, else the latest year with any result of the body, else this year. */
  async function yearFor(orgId: string, frameworkId: string, asked?: number) {
    if (asked) return asked;
    const h = await history(db, orgId, await findFramework(db, frameworkId));
    return h.at(-1)?.year ?? new Date().getFullYear();
  }

  app.get(
    '/orgs/:code/comparison',
    {
      config: { access: 'user' },
      schema: {
        tags,
        description:
          'The body against its host, its province’s average, the national average and the best bodies of the same type; the gap table lists indicators below the host’s level with the peers (sharing their levels) that reached it.',
        params: orgParamsSchema,
        querystring: yearFrameworkQuerySchema,
        response: { 200: z.object({ data: comparisonSchema }) },
      },
    },
    async (req) => {
      const org = await getOrgInScope(db, requireActor(req), req.params.code);
      const framework = await findFramework(db, req.query.framework);
      const year = await yearFor(org.id, framework.id, req.query.year);
      return { data: await comparison(db, org, framework, year) };
    },
  );

  app.get(
    '/orgs/:code/history',
    {
      config: { access: 'user' },
      schema: {
        tags,
        params: orgParamsSchema,
        querystring: frameworkQuerySchema,
        response: { 200: historySchema },
      },
    },
    async (req) => {
      const org = await getOrgInScope(db, requireActor(req), req.params.code);
      return { data: await history(db, org.id, await findFramework(db, req.query.framework)) };
    },
  );

  app.get(
    '/orgs/:code/calibration',
    {
      config: { access: 'user' },
      schema: {
        tags,
        params: orgParamsSchema,
        querystring: yearFrameworkQuerySchema,
        response: { 200: z.object({ data: calibrationSchema }) },
      },
    },
    async (req) => {
      const org = await getOrgInScope(db, requireActor(req), req.params.code);
      const framework = await findFramework(db, req.query.framework);
      const year = await yearFor(org.id, framework.id, req.query.year);
      return { data: await calibration(db, org.id, framework, year) };
    },
  );

  app.patch(
    '/orgs/:code/sharing',
    {
      config: { access: 'user' },
      schema: {
        tags,
        description:
          'Whether peers may see this body’s indicator levels (off: only aggregates include them).',
        params: orgParamsSchema,
        body: z.object({ shareLevels: z.boolean() }),
        response: { 200: z.object({ data: z.object({ shareLevels: z.boolean() }) }) },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const org = await getOrgInScope(db, actor, req.params.code);
      if (!orgAbilities(actor, org).changeSharing) throw new AppError('FORBIDDEN');
      await db.transaction(async (tx) => {
        await tx
          .update(orgs)
          .set({ shareLevels: req.body.shareLevels, updatedAt: new Date() })
          .where(eq(orgs.id, org.id));
        await recordAudit(tx, auditContext(req), {
          action: 'org.sharing_changed',
          entityType: 'org',
          entityId: org.code,
          orgId: org.id,
          summary: { from: org.shareLevels, to: req.body.shareLevels },
        });
      });
      return { data: { shareLevels: req.body.shareLevels } };
    },
  );

  app.get(
    '/orgs/:code/scenarios',
    {
      config: { access: 'user' },
      schema: {
        tags,
        params: orgParamsSchema,
        querystring: frameworkQuerySchema,
        response: {
          200: z.object({ data: z.array(scenarioSchema), abilities: z.object({ create: z.boolean() }) }),
        },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const org = await getOrgInScope(db, actor, req.params.code);
      const rows = await db
        .select({ s: scenarios, author: users.name })
        .from(scenarios)
        .leftJoin(users, eq(users.id, scenarios.createdBy))
        .where(and(eq(scenarios.orgId, org.id), eq(scenarios.frameworkId, req.query.framework)))
        .orderBy(desc(scenarios.createdAt))
        .limit(200);
      const bodyAdmin = orgAbilities(actor, org).manageUsers;
      return {
        data: rows.map(({ s, author }) => ({
          id: s.id,
          frameworkId: s.frameworkId,
          name: s.name,
          levels: s.levels,
          target: s.target,
          createdBy: author,
          createdAt: s.createdAt.toISOString(),
          canDelete: bodyAdmin || s.createdBy === actor.userId,
        })),
        abilities: { create: memberOf(actor, org.id) },
      };
    },
  );

  app.post(
    '/orgs/:code/scenarios',
    {
      config: { access: 'user' },
      schema: {
        tags,
        params: orgParamsSchema,
        body: scenarioBodySchema,
        response: { 201: z.object({ data: z.object({ id: z.string() }) }) },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const org = await getOrgInScope(db, actor, req.params.code);
      if (!memberOf(actor, org.id)) throw new AppError('FORBIDDEN');
      const framework = await findFramework(db, req.body.frameworkId);
      const unknown = Object.keys(req.body.levels).filter(
        (k) => !framework.indicators.some((i) => String(i.number) === k),
      );
      if (unknown.length) {
        throw new AppError('VALIDATION_FAILED', {
          issues: unknown.map((k) => ({
            field: `body.levels.${k}`,
            message: 'indikator tidak dikenal / unknown indicator',
          })),
        });
      }
      const id = await db.transaction(async (tx) => {
        const [s] = await tx
          .insert(scenarios)
          .values({
            orgId: org.id,
            frameworkId: framework.id,
            name: req.body.name,
            levels: req.body.levels,
            target: req.body.target ?? null,
            createdBy: actor.userId,
          })
          .returning({ id: scenarios.id });
        await recordAudit(tx, auditContext(req), {
          action: 'scenario.saved',
          entityType: 'scenario',
          entityId: s!.id,
          orgId: org.id,
          summary: { name: req.body.name, target: req.body.target ?? null },
        });
        return s!.id;
      });
      return reply.code(201).send({ data: { id } });
    },
  );

  app.delete(
    '/orgs/:code/scenarios/:id',
    {
      config: { access: 'user' },
      schema: { tags, params: orgParamsSchema.extend({ id: z.uuid() }), response: { 200: okSchema } },
    },
    async (req) => {
      const actor = requireActor(req);
      const org = await getOrgInScope(db, actor, req.params.code);
      await db.transaction(async (tx) => {
        const [s] = await tx
          .select()
          .from(scenarios)
          .where(and(eq(scenarios.id, req.params.id), eq(scenarios.orgId, org.id)));
        if (!s) throw new AppError('NOT_FOUND');
        if (!orgAbilities(actor, org).manageUsers && s.createdBy !== actor.userId)
          throw new AppError('FORBIDDEN');
        await tx.delete(scenarios).where(eq(scenarios.id, s.id));
        await recordAudit(tx, auditContext(req), {
          action: 'scenario.deleted',
          entityType: 'scenario',
          entityId: s.id,
          orgId: org.id,
          summary: { name: s.name },
        });
      });
      return { ok: true as const };
    },
  );
}
