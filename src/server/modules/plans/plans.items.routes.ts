import { okSchema } from '../../../shared/contracts/common';
import { evidenceLinkBodySchema } from '../../../shared/contracts/evidence';
import {
  assigneesReplySchema,
  bulkBodySchema,
  bulkReplySchema,
  commentBodySchema,
  commentCreatedReplySchema,
  fromStepsBodySchema,
  fromStepsReplySchema,
  itemCreatedReplySchema,
  itemCreateSchema,
  itemFileParamsSchema,
  itemHistoryReplySchema,
  itemParamsSchema,
  itemPatchSchema,
  itemSavedReplySchema,
  planParamsSchema,
} from '../../../shared/contracts/plans';
import { routeOptions } from '../../platform/auth/route-access';
import type { App } from '../../platform/http-types';
import { auditContext, requireActor } from '../../platform/request-context';
import { setItemEvidenceLink } from '../evidence/evidence.links.service';
import { addItemComment } from './plans.comments.service';
import { addItems, addItemsFromSteps, bulkUpdate, deleteItem, updateItem } from './plans.items.service';
import { getItemHistory, listPlanAssignees } from './plans.read.service';

// Every plan route is for signed-in users and filed under one OpenAPI tag.
const planRoute = routeOptions('user', ['action plans']);

export async function planItemRoutes(app: App) {
  const db = app.deps.database.db;

  app.get(
    '/plans/:id/assignees',
    planRoute({
      description: 'Users of the body who can be assigned items.',
      params: planParamsSchema,
      response: { 200: assigneesReplySchema },
    }),
    async (req) => ({ data: await listPlanAssignees(db, requireActor(req), req.params.id) }),
  );

  app.post(
    '/plans/:id/items',
    planRoute({
      params: planParamsSchema,
      body: itemCreateSchema,
      response: { 201: itemCreatedReplySchema },
    }),
    async (req, reply) => {
      const [item] = await addItems(db, requireActor(req), auditContext(req), req.params.id, [req.body]);
      return reply.code(201).send({ data: { id: item!.id } });
    },
  );

  app.post(
    '/plans/:id/items/from-steps',
    planRoute({
      description:
        'Turns the optimiser’s (or a gap table’s) one-level steps into items: one item per indicator with its target level.',
      params: planParamsSchema,
      body: fromStepsBodySchema,
      response: { 201: fromStepsReplySchema },
    }),
    async (req, reply) => {
      const created = await addItemsFromSteps(
        db,
        requireActor(req),
        auditContext(req),
        req.params.id,
        req.body,
      );
      return reply.code(201).send({ data: { created: created.length } });
    },
  );

  app.patch(
    '/plans/:id/items/:itemId',
    planRoute({
      description:
        'Changes an item. `version` is the one the user started from: 409 VERSION_CONFLICT when it changed since.',
      params: itemParamsSchema,
      body: itemPatchSchema,
      response: { 200: itemSavedReplySchema },
    }),
    async (req) => {
      const { id: planId, itemId } = req.params;
      const saved = await updateItem(db, requireActor(req), auditContext(req), planId, itemId, req.body);
      return {
        data: { id: saved.id, version: saved.version, status: saved.status, progress: saved.progress },
      };
    },
  );

  app.delete(
    '/plans/:id/items/:itemId',
    planRoute({ params: itemParamsSchema, response: { 200: okSchema } }),
    async (req) => {
      await deleteItem(db, requireActor(req), auditContext(req), req.params.id, req.params.itemId);
      return { ok: true as const };
    },
  );

  app.post(
    '/plans/:id/items/bulk',
    planRoute({
      description: 'One change to many items: all of them, or none.',
      params: planParamsSchema,
      body: bulkBodySchema,
      response: { 200: bulkReplySchema },
    }),
    async (req) => {
      const { itemIds, patch } = req.body;
      const updated = await bulkUpdate(
        db,
        requireActor(req),
        auditContext(req),
        req.params.id,
        itemIds,
        patch,
      );
      return { data: { updated } };
    },
  );

  app.get(
    '/plans/:id/items/:itemId/history',
    planRoute({ params: itemParamsSchema, response: { 200: itemHistoryReplySchema } }),
    async (req) => ({
      data: await getItemHistory(db, requireActor(req), req.params.id, req.params.itemId),
    }),
  );

  app.post(
    '/plans/:id/items/:itemId/comments',
    planRoute({
      params: itemParamsSchema,
      body: commentBodySchema,
      response: { 201: commentCreatedReplySchema },
    }),
    async (req, reply) => {
      const ids = { planId: req.params.id, itemId: req.params.itemId };
      const id = await addItemComment(db, requireActor(req), auditContext(req), ids, req.body.body);
      return reply.code(201).send({ data: { id } });
    },
  );

  app.post(
    '/plans/:id/items/:itemId/evidence',
    planRoute({ params: itemParamsSchema, body: evidenceLinkBodySchema, response: { 200: okSchema } }),
    async (req) => {
      const { id: planId, itemId } = req.params;
      const link = { planId, itemId, fileId: req.body.fileId, linked: true };
      await setItemEvidenceLink(db, requireActor(req), auditContext(req), link);
      return { ok: true as const };
    },
  );

  app.delete(
    '/plans/:id/items/:itemId/evidence/:fileId',
    planRoute({ params: itemFileParamsSchema, response: { 200: okSchema } }),
    async (req) => {
      const { id: planId, itemId, fileId } = req.params;
      await setItemEvidenceLink(db, requireActor(req), auditContext(req), {
        planId,
        itemId,
        fileId,
        linked: false,
      });
      return { ok: true as const };
    },
  );
}
