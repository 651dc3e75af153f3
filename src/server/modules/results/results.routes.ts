import { okSchema } from '../../../shared/contracts/common';
import { orgParamsSchema } from '../../../shared/contracts/orgs';
import {
  frameworkQuerySchema,
  importResultSchema,
  nationalResultsSchema,
  officialResultBodySchema,
  officialResultListSchema,
  officialResultParamsSchema,
  requiredFrameworkQuerySchema,
  savedOfficialResultSchema,
  templateQuerySchema,
} from '../../../shared/contracts/results';
import { routeOptions } from '../../platform/auth/route-access';
import type { App } from '../../platform/http-types';
import { auditContext, requireActor } from '../../platform/request-context';
import { uploadedBuffer } from '../../platform/uploads';
import { sendTable } from './results.download';
import { importOfficialResults } from './results.import.service';
import { listOrgResults } from './results.queries';
import { deleteOfficialResult, officialResultsOf, saveOfficialResult } from './results.service';
import { importTemplate } from './results.template';

const tags = ['official results'];
const route = routeOptions('user', tags);
const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export async function resultRoutes(app: App) {
  const db = app.deps.database.db;
  const rule = app.deps.config.assessmentFrameworkByYear;

  app.get(
    '/orgs/:code/official-results',
    route({ params: orgParamsSchema, response: { 200: officialResultListSchema } }),
    async (req) => officialResultsOf(db, requireActor(req), req.params.code),
  );

  app.get('/official-results/national', route({ response: { 200: nationalResultsSchema } }), async (req) => {
    requireActor(req);
    return { data: await listOrgResults(db, null) };
  });

  app.put(
    '/orgs/:code/official-results/:year',
    route({
      description:
        'Enter the official result of a body for a year: the total, the total with all domain values, or all indicator levels.',
      params: officialResultParamsSchema,
      body: officialResultBodySchema,
      response: { 200: savedOfficialResultSchema },
    }),
    async (req) => ({
      data: await saveOfficialResult(
        db,
        requireActor(req),
        auditContext(req),
        rule,
        req.params.code,
        req.params.year,
        req.body,
      ),
    }),
  );

  app.delete(
    '/orgs/:code/official-results/:year',
    route({
      params: officialResultParamsSchema,
      querystring: frameworkQuerySchema,
      response: { 200: okSchema },
    }),
    async (req) => {
      const { code, year } = req.params;
      await deleteOfficialResult(
        db,
        requireActor(req),
        auditContext(req),
        rule,
        code,
        req.query.framework,
        year,
      );
      return { ok: true as const };
    },
  );

  app.get(
    '/official-results/template',
    route({
      description: 'An empty import file (CSV or XLSX) with the columns the import expects.',
      querystring: templateQuerySchema,
    }),
    async (req, reply) => {
      requireActor(req);
      const { framework, format } = req.query;
      return sendTable(reply, format, await importTemplate(db, framework, format));
    },
  );

  app.post(
    '/official-results/import',
    route({
      description:
        'multipart/form-data with one `file` (CSV or XLSX, at most 20 MB). Every row is checked first; when any row is invalid nothing is written and the answer is 400 IMPORT_INVALID with the problems by row number. Existing results for the same body, year and framework are replaced.',
      querystring: requiredFrameworkQuerySchema,
      response: { 200: importResultSchema },
    }),
    async (req) => {
      const upload = () => uploadedBuffer(req, MAX_IMPORT_BYTES);
      const data = await importOfficialResults(
        db,
        requireActor(req),
        auditContext(req),
        req.query.framework,
        upload,
      );
      return { data };
    },
  );
}
