import { and, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { okSchema } from '../../../shared/contracts/common';
import {
  bulkBodySchema,
  fromStepsBodySchema,
  itemCreateSchema,
  itemPatchSchema,
} from '../../../shared/schemas/plans';
import {
  actionItemComments,
  actionItemEvidence,
  actionItems,
  evidenceFiles,
  memberships,
  users,
} from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { recordAudit } from '../../platform/audit';
import type { App } from '../../platform/http-types';
import { auditContext, requireActor } from '../../platform/request-context';
import { refreshFollowupFacts } from '../followup/followup.facts';
import { findFramework } from '../frameworks/frameworks.registry';
import { bulkUpdate, createItems, deleteItem, updateItem } from './plan-items.service';
import { canEditPlan, planAbilities } from './plans.policy';
import { itemHistory } from './plans.queries';
import { loadPlan } from './plans.service';

const tags = ['action plans'];
const params = z.object({ id: z.uuid() });
const itemParams = params.extend({ itemId: z.uuid() });
const _MAX_PLAN_IMPORT_BYTES = 10 * 1024 * 1024;

export async function planItemRoutes(app: App) {
  const db = app.deps.database.db;

  app.get(
    '/plans/:id/assignees',
    {
      config: { access: 'user' },
      schema: {
        tags,
        description: 'Users of the body who can be assigned items.',
        params,
        response: {
          200: z.object({ data: z.array(z.object({ id: z.string(), name: z.string(), email: z.string() })) }),
        },
      },
    },
    async (req) => {
      const { plan } = await loadPlan(db, requireActor(req), req.params.id);
      const rows = await db
        .selectDistinct({ id: users.id, name: users.name, email: users.email })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.orgId, plan.orgId), eq(users.isActive, true)))
        .orderBy(users.name);
      return { data: rows };
    },
  );

  app.post(
    '/plans/:id/items',
    {
      config: { access: 'user' },
      schema: {
        tags,
        params,
        body: itemCreateSchema,
        response: { 201: z.object({ data: z.object({ id: z.string() }) }) },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const [item] = await db.transaction(async (tx) => {
        const { plan, org } = await loadPlan(tx, actor, req.params.id, true);
        if (!canEditPlan(actor, org)) throw new AppError('FORBIDDEN');
        return createItems(tx, auditContext(req), plan, [req.body]);
      });
      return reply.code(201).send({ data: { id: item!.id } });
    },
  );

  app.post(
    '/plans/:id/items/from-steps',
    {
      config: { access: 'user' },
      schema: {
        tags,
        description:
          'Turns the optimiser’s (or a gap table’s) one-level steps into items: one item per indicator with its target level.',
        params,
        body: fromStepsBodySchema,
        response: { 201: z.object({ data: z.object({ created: z.number().int() }) }) },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const framework = await findFramework(db, 'spbe-2020');
      // Several steps on one indicator become one item to its highest level.
      const target = new Map<number, number>();
      for (const s of req.body.steps) target.set(s.indicator, Math.max(target.get(s.indicator) ?? 0, s.to));
      const items = [...target].map(([indicator, level]) => {
        const ind = framework.indicators.find((i) => i.number === indicator);
        if (!ind)
          throw new AppError('VALIDATION_FAILED', {
            issues: [
              {
                field: 'body.steps',
                message: `Indikator ${indicator} tidak ada / no indicator ${indicator}`,
              },
            ],
          });
        return itemCreateSchema.parse({
          title: `Indikator ${indicator} ke tingkat ${level}: ${ind.name.id}`,
          description: ind.levels[level - 1]!.criteria.id,
          targets: [{ indicator, level }],
          source: req.body.source,
          sourceRef: req.body.sourceRef ?? null,
          dueDate: req.body.dueDate ?? null,
        });
      });
      const created = await db.transaction(async (tx) => {
        const { plan, org } = await loadPlan(tx, actor, req.params.id, true);
        if (!canEditPlan(actor, org)) throw new AppError('FORBIDDEN');
        return createItems(tx, auditContext(req), plan, items, 'plan.items_from_steps');
      });
      return reply.code(201).send({ data: { created: created.length } });
    },
  );

  app.patch(
    '/plans/:id/items/:itemId',
    {
      config: { access: 'user' },
      schema: {
        tags,
        description:
          'Changes an item. `version` is the one the user started from: 409 VERSION_CONFLICT when it changed since.',
        params: itemParams,
        body: itemPatchSchema,
        response: {
          200: z.object({
            data: z.object({
              id: z.string(),
              version: z.number().int(),
              status: z.string(),
              progress: z.number().int(),
            }),
          }),
        },
      },
    },
    async (req) => {
      const saved = await updateItem(
        db,
        requireActor(req),
        auditContext(req),
        req.params.id,
        req.params.itemId,
        req.body,
      );
      return {
        data: { id: saved.id, version: saved.version, status: saved.status, progress: saved.progress },
      };
    },
  );

  app.delete(
    '/plans/:id/items/:itemId',
    { config: { access: 'user' }, schema: { tags, params: itemParams, response: { 200: okSchema } } },
    async (req) => {
      await deleteItem(db, requireActor(req), auditContext(req), req.params.id, req.params.itemId);
      return { ok: true as const };
    },
  );

  app.post(
    '/plans/:id/items/bulk',
    {
      config: { access: 'user' },
      schema: {
        tags,
        description: 'One change to many items: all of them, or none.',
        params,
        body: bulkBodySchema,
        response: { 200: z.object({ data: z.object({ updated: z.number().int() }) }) },
      },
    },
    async (req) => {
      const updated = await bulkUpdate(
        db,
        requireActor(req),
        auditContext(req),
        req.params.id,
        req.body.itemIds,
        req.body.patch,
      );
      return { data: { updated } };
    },
  );

  app.get(
    '/plans/:id/items/:itemId/history',
    {
      config: { access: 'user' },
      schema: {
        tags,
        params: itemParams,
        response: {
          200: z.object({
            data: z.object({
              changes: z.array(
                z.object({
                  changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
                  user: z.string().nullable(),
                  at: z.string(),
                }),
              ),
              comments: z.array(
                z.object({
                  id: z.string(),
                  body: z.string(),
                  author: z.string().nullable(),
                  createdAt: z.string(),
                }),
              ),
            }),
          }),
        },
      },
    },
    async (req) => {
      const { plan } = await loadPlan(db, requireActor(req), req.params.id);
      const [item] = await db
        .select({ id: actionItems.id })
        .from(actionItems)
        .where(and(eq(actionItems.id, req.params.itemId), eq(actionItems.planId, plan.id)));
      if (!item) throw new AppError('NOT_FOUND');
      return { data: await itemHistory(db, item.id) };
    },
  );

  app.post(
    '/plans/:id/items/:itemId/comments',
    {
      config: { access: 'user' },
      schema: {
        tags,
        params: itemParams,
        body: z.object({ body: z.string().trim().min(1).max(5000) }),
        response: { 201: z.object({ data: z.object({ id: z.string() }) }) },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const id = await db.transaction(async (tx) => {
        const { plan, org } = await loadPlan(tx, actor, req.params.id);
        if (
          !canEditPlan(actor, org) &&
          !planAbilities(actor, org, 'approved').verify &&
          !actor.memberships.some((m) => m.orgId === org.id)
        ) {
          throw new AppError('FORBIDDEN');
        }
        const [item] = await tx
          .select({ id: actionItems.id })
          .from(actionItems)
          .where(and(eq(actionItems.id, req.params.itemId), eq(actionItems.planId, plan.id)));
        if (!item) throw new AppError('NOT_FOUND');
        const [c] = await tx
          .insert(actionItemComments)
          .values({ itemId: item.id, body: req.body.body, authorId: actor.userId })
          .returning({ id: actionItemComments.id });
        await recordAudit(tx, auditContext(req), {
          action: 'plan.item_commented',
          entityType: 'action_item',
          entityId: item.id,
          orgId: plan.orgId,
          summary: { commentId: c!.id },
        });
        return c!.id;
      });
      return reply.code(201).send({ data: { id } });
    },
  );

  /** Links (or unlinks) a file of the body's evidence locker to an item. */
  async function setItemEvidence(
    req: FastifyRequest,
    ids: { planId: string; itemId: string; fileId: string },
    linked: boolean,
  ) {
    const actor = requireActor(req);
    await db.transaction(async (tx) => {
      const { plan, org } = await loadPlan(tx, actor, ids.planId);
      if (!canEditPlan(actor, org)) throw new AppError('FORBIDDEN');
      const [item] = await tx
        .select({ id: actionItems.id })
        .from(actionItems)
        .where(and(eq(actionItems.id, ids.itemId), eq(actionItems.planId, plan.id)));
      const [file] = await tx.select().from(evidenceFiles).where(eq(evidenceFiles.id, ids.fileId));
      if (!item || !file || file.orgId !== plan.orgId) throw new AppError('NOT_FOUND');
      if (linked) {
        await tx
          .insert(actionItemEvidence)
          .values({ itemId: item.id, fileId: file.id })
          .onConflictDoNothing();
      } else {
        await tx
          .delete(actionItemEvidence)
          .where(and(eq(actionItemEvidence.itemId, item.id), eq(actionItemEvidence.fileId, file.id)));
      }
      await recordAudit(tx, auditContext(req), {
        action: linked ? 'plan.item_evidence_linked' : 'plan.item_evidence_unlinked',
        entityType: 'action_item',
        entityId: item.id,
        orgId: plan.orgId,
        summary: { fileId: file.id, name: file.name },
      });
      await refreshFollowupFacts(tx, [plan.orgId]);
    });
    return { ok: true as const };
  }

  app.post(
    '/plans/:id/items/:itemId/evidence',
    {
      config: { access: 'user' },
      schema: { tags, params: itemParams, body: z.object({ fileId: z.uuid() }), response: { 200: okSchema } },
    },
    (req) =>
      setItemEvidence(
        req,
        { planId: req.params.id, itemId: req.params.itemId, fileId: req.body.fileId },
        true,
      ),
  );

  app.delete(
    '/plans/:id/items/:itemId/evidence/:fileId',
    {
      config: { access: 'user' },
      schema: { tags, params: itemParams.extend({ fileId: z.uuid() }), response: { 200: okSchema } },
    },
    (req) =>
      setItemEvidence(
        req,
        { planId: req.params.id, itemId: req.params.itemId, fileId: req.params.fileId },
        false,
      ),
  );
}
