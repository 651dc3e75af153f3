import { z } from 'zod';
import {
  exportQuerySchema,
  funnelBodiesQuerySchema,
  funnelBodiesSchema,
  funnelSchema,
  funnelScopesSchema,
  journeySchema,
  pathQuerySchema,
  pathSchema,
  scopeQuerySchema,
} from '../../../shared/contracts/followup';
import { routeOptions } from '../../platform/auth/route-access';
import { attachment } from '../../platform/file-names';
import type { App } from '../../platform/http-types';
import { requireActor } from '../../platform/request-context';
import { bodyPath } from './funnel.path.service';
import { bodyJourney, funnelJson, scopeBodies, scopeExport } from './funnel.reads.service';
import { listScopes } from './funnel.service';

const tags = ['follow-up'];
const user = routeOptions('user', tags);
const codeParams = z.object({ code: z.string().trim().min(1).max(40) });

export async function funnelRoutes(app: App) {
  const db = app.deps.database.db;

  app.get(
    '/funnel',
    user({
      description:
        'The follow-up measure of a scope (national, province, host, programme, or the signatories of a commitment text): the cohort (bodies that visited, signed or are programme members), the headline (followed up, following the host’s path, improved: count and percent of the cohort), each milestone counted independently from the reference date on, the definitions in words (id/en), a monthly trend and the stalled bodies. `stages`/`visited` keep the former funnel fields. Bodies behind every figure: GET /funnel/bodies?milestone=….',
      querystring: scopeQuerySchema,
      response: { 200: z.object({ data: funnelSchema }) },
    }),
    async (req, reply) => {
      const json = await funnelJson(db, app.caches.funnel, requireActor(req), req.query);
      // A string is sent as it is; the schema above documents its shape.
      return reply.type('application/json; charset=utf-8').send(json as never);
    },
  );

  app.get(
    '/funnel/scopes',
    user({
      description: 'The follow-up scopes the caller may look at, broadest first.',
      response: { 200: funnelScopesSchema },
    }),
    async (req) => listScopes(db, requireActor(req), req.locale),
  );

  app.get(
    '/funnel/bodies',
    user({
      description:
        'Drill-down: exactly the bodies a figure counts (`milestone=` one of cohort, visited, the milestones, followedUp, selfReported, or notJoined for a province), each with the reason it counts; or the stalled bodies. Paged; `q` filters by name or code.',
      querystring: funnelBodiesQuerySchema,
      response: { 200: funnelBodiesSchema },
    }),
    async (req) => scopeBodies(db, app.caches.funnel, requireActor(req), req.query, req.locale),
  );

  app.get(
    '/funnel/export',
    user({
      description:
        'Every body of the scope’s cohort (and, for a province, its kab/kota that have not joined) with the reference date, why it joined, and the day it reached each milestone (CSV or XLSX).',
      querystring: exportQuerySchema,
    }),
    async (req, reply) => {
      const file = await scopeExport(db, app.caches.funnel, requireActor(req), req.query, req.locale);
      return reply
        .type(
          file.xlsx
            ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
            : 'text/csv; charset=utf-8',
        )
        .header('content-disposition', attachment(file.name))
        .send(file.body);
    },
  );

  app.get(
    '/orgs/:code/path',
    user({
      description:
        'Following the host’s path: the body beside the host it learned from (`host=` to choose another), the indicators where the host was ahead at the body’s reference date, the share of that gap closed since (official levels over accepted self-assessments, basis named), and both indices over the years in the same framework.',
      params: codeParams,
      querystring: pathQuerySchema,
      response: { 200: z.object({ data: pathSchema }) },
    }),
    async (req) => ({
      data: await bodyPath(db, requireActor(req), req.params.code, req.query.host, req.locale),
    }),
  );

  app.get(
    '/orgs/:code/journey',
    user({
      description:
        'The body’s own learning journey: its milestones (each with its date and reason) and a dated timeline of visits, signatures, submissions, approvals, finished items and results.',
      params: codeParams,
      response: { 200: z.object({ data: journeySchema }) },
    }),
    async (req) => ({ data: await bodyJourney(db, requireActor(req), req.params.code, req.locale) }),
  );
}
