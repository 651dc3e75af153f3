import { orgParamsSchema } from '../../../shared/contracts/orgs';
import { reportPdfResponse, reportQuerySchema } from '../../../shared/contracts/reports';
import { routeOptions } from '../../platform/auth/route-access';
import { attachment } from '../../platform/file-names';
import type { App } from '../../platform/http-types';
import { requireActor } from '../../platform/request-context';
import { leaderReport } from './reports.service';

const route = routeOptions('user', ['reports']);

export async function reportRoutes(app: App) {
  const db = app.deps.database.db;
  const rule = app.deps.config.assessmentFrameworkByYear;

  app.get(
    '/orgs/:code/report.pdf',
    route({
      description:
        'The body’s one-page leader report (rapor): index and domains, trend, gaps against the host, plan progress and overdue items, in Bahasa Indonesia (`lang=id`) or English (`lang=en`). For the body’s leader and admin, the supervisors over it and platform admins (`abilities.downloadReport` on the body).',
      params: orgParamsSchema,
      querystring: reportQuerySchema,
      response: { 200: reportPdfResponse },
    }),
    async (req, reply) => {
      const lang = req.query.lang ?? req.locale;
      const { pdf, filename } = await leaderReport(db, requireActor(req), rule, req.params.code, lang);
      return (
        reply
          .type('application/pdf')
          .header('cache-control', 'private, no-store')
          .header('content-disposition', attachment(filename))
          // Bytes go out as they are (Fastify never serialises a Buffer); the schema is for OpenAPI.
          .send(pdf as unknown as string)
      );
    },
  );
}
