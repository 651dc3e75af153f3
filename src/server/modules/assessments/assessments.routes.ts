import { z } from 'zod';
import { orgParamsSchema } from '../../../shared/contracts/orgs';
import {
  assessmentCreateBodySchema,
  assessmentDetailSchema,
  assessmentParamsSchema,
  assessmentStatusSchema,
  assessmentSummarySchema,
  commentBodySchema,
  itemHistorySchema,
  itemParamsSchema,
  itemSaveBodySchema,
  transitionBodySchema,
} from '../../../shared/schemas/assessments';
import { AppError } from '../../platform/app-error';
import { toCsv } from '../../platform/csv';
import type { App } from '../../platform/http-types';
import { auditContext, requireActor } from '../../platform/request-context';
import { toXlsx } from '../../platform/xlsx';
import { findFramework } from '../frameworks/frameworks.registry';
import { getOrgInScope } from '../orgs/orgs.service';
import {
  assessmentAbilities,
  canEditAssessment,
  canReviewAssessment,
  type Transition,
} from './assessments.policy';
import {
  assessmentDetail,
  assessmentTable,
  itemHistory,
  listOrgAssessments,
  presentSummary,
} from './assessments.queries';
import { addComment, createAssessment, loadAssessment, saveItem, transition } from './assessments.service';

const tags = ['assessments'];
const actions = {
  submit: 'submit',
  'start-review': 'start_review',
  return: 'return',
  resubmit: 'resubmit',
  accept: 'accept',
} as const satisfies Record<string, Transition>;

export async function assessmentRoutes(app: App) {
  const db = app.deps.database.db;

  app.get(
    '/orgs/:code/assessments',
    {
      config: { access: 'user' },
      schema: {
        tags,
        params: orgParamsSchema,
        response: {
          200: z.object({
            data: z.array(assessmentSummarySchema),
            abilities: z.object({ create: z.boolean() }),
          }),
        },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const org = await getOrgInScope(db, actor, req.params.code);
      const rows = await listOrgAssessments(db, org.id);
      const data = await Promise.all(
        rows.map(async ({ row, levels }) =>
          presentSummary(row, org, await findFramework(db, row.frameworkId), levels),
        ),
      );
      return { data, abilities: { create: canEditAssessment(actor, org) } };
    },
  );

  app.post(
    '/orgs/:code/assessments',
    {
      config: { access: 'user' },
      schema: {
        tags,
        params: orgParamsSchema,
        body: assessmentCreateBodySchema,
        response: { 201: z.object({ data: z.object({ id: z.string() }) }) },
      },
    },
    async (req, reply) => {
      const a = await createAssessment(db, requireActor(req), auditContext(req), req.params.code, req.body);
      return reply.code(201).send({ data: { id: a.id } });
    },
  );

  app.get(
    '/assessments/:id',
    {
      config: { access: 'user' },
      schema: { tags, params: assessmentParamsSchema, response: { 200: assessmentDetailSchema } },
    },
    async (req) => {
      const actor = requireActor(req);
      const { assessment, org, framework } = await loadAssessment(db, actor, req.params.id);
      return {
        data: await assessmentDetail(db, assessment, org, framework),
        abilities: assessmentAbilities(actor, org, assessment.status),
      };
    },
  );

  app.put(
    '/assessments/:id/items/:indicator',
    {
      config: { access: 'user' },
      schema: {
        tags,
        description:
          'Saves one indicator. `version` is the version the user started from; when someone saved in between the answer is 409 VERSION_CONFLICT with both versions in error.details.',
        params: itemParamsSchema,
        body: itemSaveBodySchema,
        response: {
          200: z.object({
            data: z.object({
              indicator: z.number().int(),
              level: z.number().int().nullable(),
              justification: z.string(),
              serviceName: z.string().nullable(),
              version: z.number().int(),
            }),
          }),
        },
      },
    },
    async (req) => {
      const saved = await saveItem(
        db,
        requireActor(req),
        auditContext(req),
        req.params.id,
        req.params.indicator,
        req.body,
      );
      return { data: saved };
    },
  );

  app.get(
    '/assessments/:id/items/:indicator/history',
    {
      config: { access: 'user' },
      schema: { tags, params: itemParamsSchema, response: { 200: itemHistorySchema } },
    },
    async (req) => {
      const actor = requireActor(req);
      const { framework } = await loadAssessment(db, actor, req.params.id);
      if (!framework.indicators.some((i) => i.number === req.params.indicator))
        throw new AppError('NOT_FOUND');
      return { data: await itemHistory(db, req.params.id, req.params.indicator) };
    },
  );

  app.post(
    '/assessments/:id/items/:indicator/comments',
    {
      config: { access: 'user' },
      schema: {
        tags,
        params: itemParamsSchema,
        body: commentBodySchema,
        response: { 201: z.object({ data: z.object({ id: z.string() }) }) },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const c = await addComment(
        db,
        actor,
        auditContext(req),
        req.params.id,
        req.params.indicator,
        req.body.body,
        (org) => canEditAssessment(actor, org) || canReviewAssessment(actor, org),
      );
      return reply.code(201).send({ data: { id: c.id } });
    },
  );

  app.post(
    '/assessments/:id/transitions/:action',
    {
      config: { access: 'user' },
      schema: {
        tags,
        description:
          'Workflow: submit (body admin) → start-review (mentor or province supervisor) → return (with comments on indicators; only those reopen) → resubmit → accept.',
        params: assessmentParamsSchema.extend({
          action: z.enum(Object.keys(actions) as [keyof typeof actions, ...(keyof typeof actions)[]]),
        }),
        body: transitionBodySchema,
        response: {
          200: z.object({ data: z.object({ status: assessmentStatusSchema, round: z.number().int() }) }),
        },
      },
    },
    async (req) => {
      const data = await transition(
        db,
        requireActor(req),
        auditContext(req),
        req.params.id,
        actions[req.params.action],
        req.body,
      );
      return { data };
    },
  );

  app.get(
    '/assessments/:id/export',
    {
      config: { access: 'user' },
      schema: {
        tags,
        description:
          'The assessment as a table (CSV or XLSX): one row per indicator with its group, level, justification, service name and evidence.',
        params: assessmentParamsSchema,
        querystring: z.object({ format: z.enum(['csv', 'xlsx']).default('csv') }),
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const { assessment, org, framework } = await loadAssessment(db, actor, req.params.id);
      const detail = await assessmentDetail(db, assessment, org, framework);
      const { header, rows } = assessmentTable(framework, detail);
      const name = `penilaian-mandiri-${org.code}-${assessment.year}`;
      if (req.query.format === 'xlsx') {
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="${name}.xlsx"`)
          .send(await toXlsx(`SPBE ${assessment.year}`, header, rows));
      }
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}.csv"`)
        .send(toCsv(header, rows));
    },
  );
}
