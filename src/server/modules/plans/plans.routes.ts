import fastifyMultipart from '@fastify/multipart';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { okSchema } from '../../../shared/schemas/common';
import { orgParamsSchema } from '../../../shared/schemas/orgs';
import {
  bulkBodySchema,
  fromStepsBodySchema,
  itemCreateSchema,
  itemPatchSchema,
  itemQuerySchema,
  itemSchema,
  periodSchema,
  planAbilitiesSchema,
  planSummarySchema,
} from '../../../shared/schemas/plans';
import {
  actionItemComments,
  actionItemEvidence,
  actionItems,
  actionPlanVersions,
  evidenceFiles,
  memberships,
  users,
} from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { recordAudit } from '../../platform/audit';
import { toCsv } from '../../platform/csv';
import type { App } from '../../platform/http-types';
import { auditContext, requireActor } from '../../platform/request-context';
import { toXlsx } from '../../platform/xlsx';
import { findFramework } from '../frameworks/frameworks.registry';
import { getOrgInScope } from '../orgs/orgs.service';
import { readTable, TableError } from '../results/import-table';
import { sheetHeader, toSheetRows, validateSheet } from './plan-sheet';
import { canEditPlan, type PlanStatus, planAbilities } from './plans.policy';
import { itemHistory, listItems, listPlans } from './plans.queries';
import {
  applyItemPatch,
  bulkUpdate,
  createItems,
  createPlan,
  deleteItem,
  loadPlan,
  transitionPlan,
  updateItem,
} from './plans.service';

const tags = ['action plans'];
const params = z.object({ id: z.uuid() });
const itemParams = params.extend({ itemId: z.uuid() });

export async function planRoutes(app: App) {
  const db = app.deps.database.db;
  await app.register(fastifyMultipart, {
    throwFileSizeLimit: false,
    limits: { fileSize: 10 * 1024 * 1024, files: 1, fields: 5, parts: 6 },
  });

  const summary = (
    r: Awaited<ReturnType<typeof listPlans>>[number],
    org: { code: string; name: string },
  ) => ({
    id: r.p.id,
    org: { code: org.code, name: org.name },
    period: r.p.period,
    status: r.p.status,
    approvedVersion: r.p.approvedVersion,
    itemCount: r.itemCount,
    doneCount: r.doneCount,
    overdueCount: r.overdueCount,
    isSample: r.p.isSample,
  });

  app.get(
    '/orgs/:code/plans',
    {
      config: { access: 'user' },
      schema: {
        tags,
        params: orgParamsSchema,
        response: {
          200: z.object({ data: z.array(planSummarySchema), abilities: z.object({ create: z.boolean() }) }),
        },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const org = await getOrgInScope(db, actor, req.params.code);
      const rows = await listPlans(db, org.id);
      return { data: rows.map((r) => summary(r, org)), abilities: { create: canEditPlan(actor, org) } };
    },
  );

  app.post(
    '/orgs/:code/plans',
    {
      config: { access: 'user' },
      schema: {
        tags,
        params: orgParamsSchema,
        body: z.object({ period: periodSchema }),
        response: { 201: z.object({ data: z.object({ id: z.string() }) }) },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const org = await getOrgInScope(db, actor, req.params.code);
      const plan = await createPlan(db, actor, auditContext(req), org, req.body.period, org);
      return reply.code(201).send({ data: { id: plan.id } });
    },
  );

  app.get(
    '/plans/:id',
    {
      config: { access: 'user' },
      schema: {
        tags,
        params,
        querystring: itemQuerySchema,
        response: {
          200: z.object({
            data: planSummarySchema.extend({
              items: z.array(itemSchema),
              versions: z.array(z.object({ version: z.number(), approvedAt: z.string() })),
            }),
            abilities: planAbilitiesSchema,
          }),
        },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const { plan, org } = await loadPlan(db, actor, req.params.id);
      const [[row], items, versions] = await Promise.all([
        listPlans(db, org.id).then((all) => all.filter((r) => r.p.id === plan.id)),
        listItems(db, plan.id, req.query),
        db
          .select({ version: actionPlanVersions.version, approvedAt: actionPlanVersions.approvedAt })
          .from(actionPlanVersions)
          .where(eq(actionPlanVersions.planId, plan.id)),
      ]);
      return {
        data: {
          ...summary(row!, org),
          items,
          versions: versions.map((v) => ({ version: v.version, approvedAt: v.approvedAt.toISOString() })),
        },
        abilities: planAbilities(actor, org, plan.status as PlanStatus),
      };
    },
  );

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

  for (const linked of [true, false]) {
    const handler = async (
      req: { params: { id: string; itemId: string; fileId?: string }; body?: unknown } & Parameters<
        typeof auditContext
      >[0],
    ) => {
      const actor = requireActor(req);
      const fileId = linked ? (req.body as { fileId: string }).fileId : req.params.fileId!;
      await db.transaction(async (tx) => {
        const { plan, org } = await loadPlan(tx, actor, req.params.id);
        if (!canEditPlan(actor, org)) throw new AppError('FORBIDDEN');
        const [item] = await tx
          .select({ id: actionItems.id })
          .from(actionItems)
          .where(and(eq(actionItems.id, req.params.itemId), eq(actionItems.planId, plan.id)));
        const [file] = await tx.select().from(evidenceFiles).where(eq(evidenceFiles.id, fileId));
        if (!item || !file || file.orgId !== plan.orgId) throw new AppError('NOT_FOUND');
        if (linked)
          await tx.insert(actionItemEvidence).values({ itemId: item.id, fileId }).onConflictDoNothing();
        else
          await tx
            .delete(actionItemEvidence)
            .where(and(eq(actionItemEvidence.itemId, item.id), eq(actionItemEvidence.fileId, fileId)));
        await recordAudit(tx, auditContext(req), {
          action: linked ? 'plan.item_evidence_linked' : 'plan.item_evidence_unlinked',
          entityType: 'action_item',
          entityId: item.id,
          orgId: plan.orgId,
          summary: { fileId, name: file.name },
        });
      });
      return { ok: true as const };
    };
    if (linked) {
      app.post(
        '/plans/:id/items/:itemId/evidence',
        {
          config: { access: 'user' },
          schema: {
            tags,
            params: itemParams,
            body: z.object({ fileId: z.uuid() }),
            response: { 200: okSchema },
          },
        },
        handler,
      );
    } else {
      app.delete(
        '/plans/:id/items/:itemId/evidence/:fileId',
        {
          config: { access: 'user' },
          schema: { tags, params: itemParams.extend({ fileId: z.uuid() }), response: { 200: okSchema } },
        },
        handler,
      );
    }
  }

  app.post(
    '/plans/:id/transitions/:action',
    {
      config: { access: 'user' },
      schema: {
        tags,
        description:
          'submit (body admin) → approve or return (leader); an approved plan can be revised (its approved versions are kept).',
        params: params.extend({ action: z.enum(['submit', 'approve', 'return', 'revise']) }),
        response: {
          200: z.object({ data: z.object({ status: z.string(), approvedVersion: z.number().int() }) }),
        },
      },
    },
    async (req) => ({
      data: await transitionPlan(db, requireActor(req), auditContext(req), req.params.id, req.params.action),
    }),
  );

  app.get(
    '/plans/:id/versions/:version',
    {
      config: { access: 'user' },
      schema: {
        tags,
        params: params.extend({ version: z.coerce.number().int().min(1) }),
        response: {
          200: z.object({
            data: z.object({
              version: z.number(),
              approvedAt: z.string(),
              items: z.array(z.record(z.string(), z.unknown())),
            }),
          }),
        },
      },
    },
    async (req) => {
      const { plan } = await loadPlan(db, requireActor(req), req.params.id);
      const [v] = await db
        .select()
        .from(actionPlanVersions)
        .where(
          and(eq(actionPlanVersions.planId, plan.id), eq(actionPlanVersions.version, req.params.version)),
        );
      if (!v) throw new AppError('NOT_FOUND');
      return {
        data: {
          version: v.version,
          approvedAt: v.approvedAt.toISOString(),
          items: v.items as Record<string, unknown>[],
        },
      };
    },
  );

  app.get(
    '/plans/:id/export',
    {
      config: { access: 'user' },
      schema: {
        tags,
        description: 'The plan’s items as XLSX (default) or CSV, to edit offline and import back.',
        params,
        querystring: z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') }),
      },
    },
    async (req, reply) => {
      const { plan, org } = await loadPlan(db, requireActor(req), req.params.id);
      const items = await db
        .select({ i: actionItems, email: users.email })
        .from(actionItems)
        .leftJoin(users, eq(users.id, actionItems.assigneeId))
        .where(eq(actionItems.planId, plan.id))
        .orderBy(actionItems.createdAt);
      const rows = toSheetRows(items.map(({ i, email }) => ({ ...i, assigneeEmail: email })));
      const name = `rencana-aksi-${org.code}-${plan.period}`;
      if (req.query.format === 'csv') {
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${name}.csv"`)
          .send(toCsv([...sheetHeader], rows));
      }
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${name}.xlsx"`)
        .send(await toXlsx(`Rencana ${plan.period}`, [...sheetHeader], rows));
    },
  );

  app.post(
    '/plans/:id/import',
    {
      config: { access: 'user' },
      schema: {
        tags,
        description:
          'multipart `file`: an exported plan edited offline (XLSX or CSV). Every row is checked first (including that the item did not change since the export); nothing is applied unless all rows are valid.',
        params,
        response: {
          200: z.object({ data: z.object({ updated: z.number().int(), created: z.number().int() }) }),
        },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const part = await req.file();
      if (!part)
        throw new AppError('VALIDATION_FAILED', {
          issues: [{ field: 'body.file', message: 'Berkas wajib / file required' }],
        });
      const buf = await part.toBuffer();
      if (part.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE');
      if (!buf.length) throw new AppError('FILE_EMPTY');
      let table: Awaited<ReturnType<typeof readTable>>;
      try {
        table = await readTable(buf);
      } catch (err) {
        if (err instanceof TableError)
          throw new AppError('IMPORT_INVALID', {
            problems: [{ row: 0, field: '', message: err.message }],
            problemCount: 1,
            rowCount: 0,
          });
        throw err;
      }
      return {
        data: await db.transaction(async (tx) => {
          const { plan, org } = await loadPlan(tx, actor, req.params.id, true);
          if (!canEditPlan(actor, org)) throw new AppError('FORBIDDEN');
          const [items, members] = await Promise.all([
            tx
              .select({ i: actionItems, email: users.email })
              .from(actionItems)
              .leftJoin(users, eq(users.id, actionItems.assigneeId))
              .where(eq(actionItems.planId, plan.id)),
            tx
              .select({ id: users.id, email: users.email })
              .from(memberships)
              .innerJoin(users, eq(users.id, memberships.userId))
              .where(eq(memberships.orgId, plan.orgId)),
          ]);
          const { changes, creates, problems } = validateSheet(table, {
            items: new Map(items.map(({ i, email }) => [i.id, { ...i, assigneeEmail: email }])),
            userIdByEmail: new Map(members.map((m) => [m.email, m.id])),
            planStatus: plan.status as PlanStatus,
          });
          if (problems.length) {
            throw new AppError('IMPORT_INVALID', {
              problems: problems.slice(0, 500),
              problemCount: problems.length,
              rowCount: table.rows.length,
            });
          }
          for (const c of changes)
            await applyItemPatch(tx, actor, org, plan, c.id, { ...c.patch, version: c.version });
          if (creates.length)
            await createItems(
              tx,
              auditContext(req),
              plan,
              creates.map((c) => c.item),
              'plan.items_imported',
            );
          await recordAudit(tx, auditContext(req), {
            action: 'plan.imported',
            entityType: 'action_plan',
            entityId: plan.id,
            orgId: plan.orgId,
            summary: { file: part.filename, updated: changes.length, created: creates.length },
          });
          return { updated: changes.length, created: creates.length };
        }),
      };
    },
  );
}
