import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { pageQuerySchema, paginationSchema } from '../../../shared/schemas/common';
import type { DbOrTx } from '../../db/client';
import { pagination } from '../../db/query-helpers';
import {
  actionItems,
  actionPlans,
  assessmentSubmissions,
  assessments,
  commitmentSignatures,
  officialResults,
  orgs,
  programmes,
  visits,
} from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { type Actor, hasNationalRole } from '../../platform/auth/actor';
import { toCsv } from '../../platform/csv';
import type { App } from '../../platform/http-types';
import { requireActor } from '../../platform/request-context';
import { toXlsx } from '../../platform/xlsx';
import { holdsRoleIn } from '../orgs/orgs.policy';
import { getOrgInScope } from '../orgs/orgs.service';
import { localDate } from '../reminders/reminder-rules';
import { stageOf, stages, summarise } from './funnel.logic';
import { bodyFacts, type FunnelScope, orgNames, scopeOrgIds } from './funnel.queries';

const tags = ['follow-up funnel'];
const scopeQuery = z.object({
  scope: z.enum(['national', 'province', 'host', 'programme']).default('national'),
  /** Province or host code, or programme id. */
  ref: z.string().trim().max(60).optional(),
});

/** Resolves the asked scope and checks the actor may see it (404 otherwise, like other scopes). */
async function resolveScope(db: DbOrTx, actor: Actor, q: z.infer<typeof scopeQuery>): Promise<FunnelScope> {
  const national = hasNationalRole(actor);
  switch (q.scope) {
    case 'national':
      if (!national) throw new AppError('FORBIDDEN');
      return { kind: 'national' };
    case 'province': {
      if (!q.ref)
        throw new AppError('VALIDATION_FAILED', {
          issues: [{ field: 'querystring.ref', message: 'kode provinsi / province code' }],
        });
      const own = actor.memberships.some((m) => m.role === 'province_supervisor' && m.orgCode === q.ref);
      if (!national && !own) throw new AppError('FORBIDDEN');
      return { kind: 'province', code: q.ref };
    }
    case 'host': {
      if (!q.ref)
        throw new AppError('VALIDATION_FAILED', {
          issues: [{ field: 'querystring.ref', message: 'kode tuan rumah / host code' }],
        });
      const [host] = await db.select().from(orgs).where(eq(orgs.code, q.ref));
      if (!host?.isHost) throw new AppError('NOT_FOUND');
      const own = holdsRoleIn(actor, host, ['mentor', 'body_admin', 'leader']);
      if (!national && !own) throw new AppError('FORBIDDEN');
      return { kind: 'host', orgId: host.id };
    }
    case 'programme': {
      if (!national) throw new AppError('FORBIDDEN');
      const [p] =
        q.ref && /^[0-9a-f-]{36}$/.test(q.ref)
          ? await db.select().from(programmes).where(eq(programmes.id, q.ref))
          : [];
      if (!p) throw new AppError('NOT_FOUND');
      return { kind: 'programme', id: p.id };
    }
  }
}

export async function funnelRoutes(app: App) {
  const db = app.deps.database.db;

  async function compute(scope: FunnelScope) {
    const ids = await scopeOrgIds(db, scope);
    const facts = await bodyFacts(db, ids);
    const names = await orgNames(db, ids);
    const today = localDate(new Date(), 'Asia/Jakarta');
    return { facts, names, today, ...summarise(facts, today) };
  }
  const bodyRow = (
    names: Awaited<ReturnType<typeof orgNames>>,
    f: Awaited<ReturnType<typeof bodyFacts>>[number],
  ) => {
    const n = names.get(f.orgId);
    return {
      code: n?.code ?? '',
      name: n?.name ?? '',
      stage: stageOf(f).stage,
      reached: f.reached,
      lastActivity: f.lastActivity,
    };
  };
  const reachedSchema = z.object(Object.fromEntries(stages.map((s) => [s, z.string().optional()])));
  const bodySchema = z.object({
    code: z.string(),
    name: z.string(),
    stage: z.enum(stages).nullable(),
    reached: reachedSchema,
    lastActivity: z.string().nullable(),
  });

  type BodyRow = ReturnType<typeof bodyRow> & { stalledDays: number | null };
  const STALLED_SHOWN = 20;

  /**
   * The funnel of a scope reads every body of it and its items: it is computed once per scope and
   * kept in the read cache (cleared by any write on this instance). The summary is stored
   * serialised; the bodies back the paged drill-down.
   */
  async function cachedFunnel(scope: FunnelScope) {
    const entry = await app.caches.funnel.get(JSON.stringify(scope), async () => {
      const r = await compute(scope);
      const idle = new Map(r.stalled.map((x) => [x.orgId, x.idleDays]));
      const stalled = r.stalled.map(({ orgId, ...x }) => ({
        ...x,
        code: r.names.get(orgId)?.code ?? '',
        name: r.names.get(orgId)?.name ?? '',
      }));
      const bodies: BodyRow[] = r.facts
        .map((f) => ({ ...bodyRow(r.names, f), stalledDays: idle.get(f.orgId) ?? null }))
        .sort((a, b) => a.code.localeCompare(b.code));
      const summary = {
        visited: r.visited,
        stages: r.stages,
        stalledCount: stalled.length,
        stalled: stalled.slice(0, STALLED_SHOWN),
      };
      return { json: JSON.stringify({ data: summary }), bodies };
    });
    return entry as { json: string; bodies: BodyRow[] };
  }

  app.get(
    '/funnel',
    {
      config: { access: 'user' },
      schema: {
        tags,
        description:
          'visited → committed → assessed → planned → acting → improved, for the nation (national supervisors), a province (its supervisor), a host (its mentors) or a programme: count and share at each stage, median days between stages, and the longest-stalled bodies (no progress for 30 days). Bodies are listed by GET /funnel/bodies.',
        querystring: scopeQuery,
        response: {
          200: z.object({
            data: z.object({
              visited: z.number().int(),
              stages: z.array(
                z.object({
                  stage: z.enum(stages),
                  count: z.number().int(),
                  percent: z.number().nullable(),
                  medianDays: z.number().nullable(),
                }),
              ),
              stalledCount: z.number().int(),
              stalled: z.array(
                z.object({
                  code: z.string(),
                  name: z.string(),
                  stage: z.enum(stages),
                  next: z.enum(stages),
                  idleDays: z.number().int(),
                }),
              ),
            }),
          }),
        },
      },
    },
    async (req, reply) => {
      const scope = await resolveScope(db, requireActor(req), req.query);
      const { json } = await cachedFunnel(scope);
      // A string is sent as it is; the schema above documents its shape.
      return reply.type('application/json; charset=utf-8').send(json as never);
    },
  );

  app.get(
    '/funnel/bodies',
    {
      config: { access: 'user' },
      schema: {
        tags,
        description:
          'Drill-down: the bodies of the funnel, optionally only those at one stage or only the stalled, paged.',
        querystring: scopeQuery.extend(pageQuerySchema.shape).extend({
          stage: z.enum(stages).optional(),
          stalled: z.enum(['true', 'false']).optional(),
        }),
        response: {
          200: z.object({
            data: z.array(bodySchema.extend({ stalledDays: z.number().int().nullable() })),
            pagination: paginationSchema,
          }),
        },
      },
    },
    async (req) => {
      const scope = await resolveScope(db, requireActor(req), req.query);
      const { bodies } = await cachedFunnel(scope);
      const q = req.query;
      const rows = bodies
        .filter((b) => !q.stage || b.stage === q.stage)
        .filter((b) => q.stalled !== 'true' || b.stalledDays !== null)
        .sort((a, b) => (q.stalled === 'true' ? (b.stalledDays ?? 0) - (a.stalledDays ?? 0) : 0));
      return {
        data: rows.slice((q.page - 1) * q.pageSize, q.page * q.pageSize),
        pagination: pagination(q, rows.length),
      };
    },
  );

  app.get(
    '/funnel/export',
    {
      config: { access: 'user' },
      schema: {
        tags,
        description: 'Every body of the funnel with the day it reached each stage (CSV or XLSX).',
        querystring: scopeQuery.extend({ format: z.enum(['csv', 'xlsx']).default('csv') }),
      },
    },
    async (req, reply) => {
      const r = await compute(await resolveScope(db, requireActor(req), req.query));
      const header = ['kode', 'instansi', 'tahap', ...stages.map((s) => `tgl_${s}`), 'aktivitas_terakhir'];
      const rows = r.facts.map((f) => {
        const b = bodyRow(r.names, f);
        return [
          b.code,
          b.name,
          b.stage ?? '',
          ...stages.map((s) => b.reached[s] ?? ''),
          b.lastActivity ?? '',
        ];
      });
      const name = `funnel-${req.query.scope}${req.query.ref ? `-${req.query.ref}` : ''}`;
      if (req.query.format === 'xlsx') {
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="${name}.xlsx"`)
          .send(await toXlsx('Funnel', header, rows));
      }
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}.csv"`)
        .send(toCsv(header, rows));
    },
  );

  app.get(
    '/orgs/:code/journey',
    {
      config: { access: 'user' },
      schema: {
        tags,
        description:
          'The body’s own learning journey: its stage and a dated timeline of visits, signatures, submissions, approvals, finished items and results.',
        params: z.object({ code: z.string().trim().min(1).max(40) }),
        response: {
          200: z.object({
            data: z.object({
              stage: z.enum(stages).nullable(),
              reached: reachedSchema,
              events: z.array(
                z.object({
                  at: z.string(),
                  kind: z.string(),
                  title: z.string(),
                  link: z.string().nullable(),
                }),
              ),
            }),
          }),
        },
      },
    },
    async (req) => {
      const org = await getOrgInScope(db, requireActor(req), req.params.code);
      const [facts] = await bodyFacts(db, [org.id]);
      const [vs, sigs, subs, plans, done, results] = await Promise.all([
        db
          .select({ v: visits, host: orgs.name })
          .from(visits)
          .innerJoin(orgs, eq(orgs.id, visits.hostOrgId))
          .where(eq(visits.visitorOrgId, org.id)),
        db
          .select()
          .from(commitmentSignatures)
          .where(and(eq(commitmentSignatures.orgId, org.id), isNull(commitmentSignatures.revokedAt))),
        db
          .select({ s: assessmentSubmissions, year: assessments.year, id: assessments.id })
          .from(assessmentSubmissions)
          .innerJoin(assessments, eq(assessments.id, assessmentSubmissions.assessmentId))
          .where(eq(assessments.orgId, org.id)),
        db
          .select()
          .from(actionPlans)
          .where(and(eq(actionPlans.orgId, org.id), gt(actionPlans.approvedVersion, 0))),
        db
          .select()
          .from(actionItems)
          .where(and(eq(actionItems.orgId, org.id), eq(actionItems.status, 'done')))
          .orderBy(asc(actionItems.doneAt))
          .limit(50),
        db.select().from(officialResults).where(eq(officialResults.orgId, org.id)),
      ]);
      const events = [
        ...vs.map(({ v, host }) => ({
          at: v.startDate,
          kind: 'visit',
          title: host,
          link: `/visits/${v.id}`,
        })),
        ...sigs.map((s) => ({
          at: s.signedAt,
          kind: 'commitment',
          title: `${s.signerName} (${s.textVersion})`,
          link: `/verify/${s.id}`,
        })),
        ...subs.map(({ s, year, id }) => ({
          at: s.at.toISOString(),
          kind: 'assessment_submitted',
          title: `${year} · ${s.index?.toFixed(2) ?? '—'} · ${s.round}`,
          link: `/assessments/${id}`,
        })),
        ...plans.map((p) => ({
          at: p.approvedAt?.toISOString() ?? p.updatedAt.toISOString(),
          kind: 'plan_approved',
          title: `${p.period} · v${p.approvedVersion}`,
          link: `/plans/${p.id}`,
        })),
        ...done.map((i) => ({
          at: i.doneAt?.toISOString() ?? i.updatedAt.toISOString(),
          kind: 'item_done',
          title: i.title,
          link: `/plans/${i.planId}`,
        })),
        ...results.map((r) => ({
          at: `${r.year}-12-31`,
          kind: 'official_result',
          title: `${r.year} · ${r.index.toFixed(2)} ${r.predicate}`,
          link: null,
        })),
      ].sort((a, b) => a.at.localeCompare(b.at));
      return { data: { stage: stageOf(facts!).stage, reached: facts!.reached, events } };
    },
  );
}
