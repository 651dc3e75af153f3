import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { orgParamsSchema } from '../../../shared/schemas/orgs';
import {
  itemQuerySchema,
  itemSchema,
  periodSchema,
  planAbilitiesSchema,
  planSummarySchema,
} from '../../../shared/schemas/plans';
import { actionItems, actionPlanVersions, memberships, users } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { recordAudit } from '../../platform/audit';
import { toCsv } from '../../platform/csv';
import type { App } from '../../platform/http-types';
import { auditContext, requireActor } from '../../platform/request-context';
import { uploadedBuffer } from '../../platform/uploads';
import { toXlsx } from '../../platform/xlsx';
import { refreshFollowupFacts } from '../followup/followup.facts';
import { getOrgInScope } from '../orgs/orgs.service';
import { readImportTable } from '../results/import-table';
import { applyItemPatch, createItems } from './plan-items.service';
import { sheetHeader, toSheetRows, validateSheet } from './plan-sheet';
import { canEditPlan, type PlanStatus, planAbilities } from './plans.policy';
import { listItems, listPlans } from './plans.queries';
import { createPlan, loadPlan, transitionPlan } from './plans.service';

const tags = ['action plans'];
const params = z.object({ id: z.uuid() });
const _itemParams = params.extend({ itemId: z.uuid() });
const MAX_PLAN_IMPORT_BYTES = 10 * 1024 * 1024;

export async function planRoutes(app: App) {
  const db = app.deps.database.db;

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
      const { buf, filename } = await uploadedBuffer(req, MAX_PLAN_IMPORT_BYTES);
      const table = await readImportTable(buf);
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
            summary: { file: filename, updated: changes.length, created: creates.length },
          });
          await refreshFollowupFacts(tx, [plan.orgId]);
          return { updated: changes.length, created: creates.length };
        }),
      };
    },
  );
}
