import { z } from 'zod';
import {
  funnelBodiesQuerySchema,
  funnelBodiesSchema,
  funnelSchema,
  funnelScopesSchema,
  legacyStages,
  pathQuerySchema,
  pathSchema,
  scopeQuerySchema,
} from '../../../shared/contracts/followup';
import { drillDown, type Figure, type Measured } from '../../../shared/followup/measure';
import { milestones } from '../../../shared/followup/milestones';
import { pagination } from '../../db/query-helpers';
import { toCsv } from '../../platform/csv';
import type { App } from '../../platform/http-types';
import { requireActor } from '../../platform/request-context';
import { toXlsx } from '../../platform/xlsx';
import { getOrgInScope } from '../orgs/orgs.service';
import { presentBody, presentFunnel } from './funnel.presenter';
import * as q from './funnel.queries';
import { listScopes, measure, measureOne, type ResolvedScope, resolveScope } from './funnel.service';
import { bodyPath } from './funnel.path.service';

const tags = ['follow-up'];
const codeParams = z.object({ code: z.string().trim().min(1).max(40) });

export async function funnelRoutes(app: App) {
  const db = app.deps.database.db;

  /**
   * The measure of a scope reads one stored fact row per body (no recomputing from items); the
   * result is also kept in the per-instance read cache (cleared by any write on this instance).
   */
  async function measured(r: ResolvedScope, reasons: boolean) {
    // The cached entry keeps the reasons (one read serves every page); uncached, the headline
    // reads summaries only.
    const withReasons = reasons || app.caches.funnel.enabled;
    const key = JSON.stringify([r.scope, r.thresholdPercent, withReasons]);
    const entry = await app.caches.funnel.get(key, async () => {
      const m = await measure(db, r, { reasons: withReasons });
      return { json: JSON.stringify({ data: presentFunnel(m, r) }), bodies: [m] };
    });
    return { json: entry.json, m: entry.bodies[0] as Measured };
  }

  app.get(
    '/funnel',
    {
      config: { access: 'user' },
      schema: {
        tags,
        description:
          'The follow-up measure of a scope (national, province, host, programme, or the signatories of a commitment text): the cohort (bodies that visited, signed or are programme members), the headline (followed up, following the host’s path, improved: count and percent of the cohort), each milestone counted independently from the reference date on, the definitions in words (id/en), a monthly trend and the stalled bodies. `stages`/`visited` keep the former funnel fields. Bodies behind every figure: GET /funnel/bodies?milestone=….',
        querystring: scopeQuerySchema,
        response: { 200: z.object({ data: funnelSchema }) },
      },
    },
    async (req, reply) => {
      const r = await resolveScope(db, requireActor(req), req.query);
      const { json } = await measured(r, false);
      // A string is sent as it is; the schema above documents its shape.
      return reply.type('application/json; charset=utf-8').send(json as never);
    },
  );

  app.get(
    '/funnel/scopes',
    {
      config: { access: 'user' },
      schema: {
        tags,
        description: 'The follow-up scopes the caller may look at, broadest first.',
        response: { 200: funnelScopesSchema },
      },
    },
    async (req) => listScopes(db, requireActor(req)),
  );

  const figureOf = (qy: { milestone?: Figure; stage?: (typeof legacyStages)[number] }): Figure | null =>
    qy.milestone ?? qy.stage ?? null;

  app.get(
    '/funnel/bodies',
    {
      config: { access: 'user' },
      schema: {
        tags,
        description:
          'Drill-down: exactly the bodies a figure counts (`milestone=` one of cohort, visited, the milestones, followedUp, selfReported, or notJoined for a province), each with the reason it counts; or the stalled bodies. Paged; `q` filters by name or code.',
        querystring: funnelBodiesQuerySchema,
        response: { 200: funnelBodiesSchema },
      },
    },
    async (req) => {
      const r = await resolveScope(db, requireActor(req), req.query);
      const { m } = await measured(r, true);
      const qy = req.query;
      const figure = figureOf(qy);
      let list = drillDown(m, figure ?? 'cohort');
      if (qy.stalled === 'true')
        list = list
          .filter((x) => x.row?.stalled)
          .sort((a, b) => (b.row?.idleDays ?? 0) - (a.row?.idleDays ?? 0));
      if (qy.q) {
        const needle = qy.q.toLowerCase();
        list = list.filter(
          (x) => x.body.name.toLowerCase().includes(needle) || x.body.code.startsWith(qy.q!),
        );
      }
      return {
        data: list
          .slice((qy.page - 1) * qy.pageSize, qy.page * qy.pageSize)
          .map((x) => presentBody(x.body, x.row, figure, req.locale)),
        pagination: pagination(qy, list.length),
      };
    },
  );

  app.get(
    '/funnel/export',
    {
      config: { access: 'user' },
      schema: {
        tags,
        description:
          'Every body of the scope’s cohort (and, for a province, its kab/kota that have not joined) with the reference date, why it joined, and the day it reached each milestone (CSV or XLSX).',
        querystring: scopeQuerySchema.extend({ format: z.enum(['csv', 'xlsx']).default('csv') }),
      },
    },
    async (req, reply) => {
      const r = await resolveScope(db, requireActor(req), req.query);
      const { m } = await measured(r, true);
      // Column names in Bahasa Indonesia (the export is read in spreadsheets by supervisors).
      const columns: Record<(typeof milestones)[number], string> = {
        committed: 'berkomitmen',
        assessed: 'menilai_diri',
        planned: 'berencana',
        acting: 'bertindak',
        replicating: 'mereplikasi',
        improved: 'membaik_resmi',
        followingPath: 'mengikuti_jejak',
      };
      const header = [
        'kode',
        'instansi',
        'bergabung',
        'tanggal_acuan',
        'bergabung_karena',
        'berkunjung',
        ...milestones.map((k) => columns[k]),
        'menindaklanjuti',
        'jejak_persen',
      ];
      const rows = [...drillDown(m, 'cohort'), ...drillDown(m, 'notJoined')].map((x) => {
        const b = presentBody(x.body, x.row, null, req.locale);
        return [
          b.code,
          b.name,
          b.joined ? 'ya' : 'belum',
          b.referenceDate ?? '',
          b.joinedBy.join('; '),
          b.reached.visited ?? '',
          ...milestones.map((k) => b.milestones[k] ?? ''),
          x.row?.measure.followedUp?.date ?? '',
          b.pathProgressPercent ?? '',
        ];
      });
      const name = `tindak-lanjut-${r.scope.kind}${r.ref ? `-${r.ref}` : ''}`.replace(/[^\w.-]/g, '_');
      const disposition = (ext: string) =>
        `attachment; filename="${name}.${ext}"; filename*=UTF-8''${encodeURIComponent(`${name}.${ext}`)}`;
      if (req.query.format === 'xlsx') {
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', disposition('xlsx'))
          .send(await toXlsx('Tindak lanjut', header, rows));
      }
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', disposition('csv'))
        .send(toCsv(header, rows));
    },
  );

  app.get(
    '/orgs/:code/path',
    {
      config: { access: 'user' },
      schema: {
        tags,
        description:
          'Following the host’s path: the body beside the host it learned from (`host=` to choose another), the indicators where the host was ahead at the body’s reference date, the share of that gap closed since (official levels over accepted self-assessments, basis named), and both indices over the years in the same framework.',
        params: codeParams,
        querystring: pathQuerySchema,
        response: { 200: z.object({ data: pathSchema }) },
      },
    },
    async (req) => ({
      data: await bodyPath(db, requireActor(req), req.params.code, req.query.host, req.locale),
    }),
  );

  app.get(
    '/orgs/:code/journey',
    {
      config: { access: 'user' },
      schema: {
        tags,
        description:
          'The body’s own learning journey: its milestones (each with its date and reason) and a dated timeline of visits, signatures, submissions, approvals, finished items and results.',
        params: codeParams,
        response: {
          200: z.object({
            data: z.object({
              stage: z.enum(legacyStages).nullable(),
              reached: z.record(z.string(), z.string()),
              referenceDate: z.string().nullable(),
              milestones: z.array(
                z.object({
                  milestone: z.enum(milestones),
                  date: z.string().nullable(),
                  reason: z.string().nullable(),
                }),
              ),
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
      const info = {
        orgId: org.id,
        code: org.code,
        name: org.name,
        provinceCode: org.provinceCode,
        type: org.type,
      };
      const row = await measureOne(db, info);
      const body = presentBody(info, row, null, req.locale);
      return {
        data: {
          stage: body.stage,
          reached: body.reached,
          referenceDate: body.referenceDate,
          milestones: milestones.map((k) => ({
            milestone: k,
            date: row?.measure.hits[k]?.date ?? null,
            reason: row?.measure.hits[k]?.reason?.[req.locale] ?? null,
          })),
          events: await q.journeyEvents(db, org.id),
        },
      };
    },
  );
}
