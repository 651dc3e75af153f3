import ExcelJS from 'exceljs';
import { z } from 'zod';
import { okSchema } from '../../../shared/contracts/common';
import { orgParamsSchema } from '../../../shared/contracts/orgs';
import {
  frameworkQuerySchema,
  importResultSchema,
  officialResultBodySchema,
  officialResultParamsSchema,
  officialResultSchema,
} from '../../../shared/schemas/results';
import { AppError } from '../../platform/app-error';
import { toCsv } from '../../platform/csv';
import type { App } from '../../platform/http-types';
import { auditContext, requireActor } from '../../platform/request-context';
import { uploadedBuffer } from '../../platform/uploads';
import { canManageOfficialResults } from '../assessments/assessments.policy';
import { findFramework } from '../frameworks/frameworks.registry';
import { getOrg } from '../orgs/orgs.service';
import { templateHeader, validateImport } from './import-rows';
import { readImportTable } from './import-table';
import {
  deleteOfficialResult,
  listOrgResults,
  orgIdsByCode,
  presentResult,
  upsertOfficialResult,
  writeImport,
} from './results.service';

const tags = ['official results'];
const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** The report lists this many problems; the count says how many there are in all. */
const MAX_REPORTED = 500;

export async function resultRoutes(app: App) {
  const db = app.deps.database.db;

  // Official results are published by KemenPAN-RB, so every signed-in user may read them.
  app.get(
    '/orgs/:code/official-results',
    {
      config: { access: 'user' },
      schema: {
        tags,
        params: orgParamsSchema,
        response: {
          200: z.object({
            data: z.array(officialResultSchema),
            abilities: z.object({ manage: z.boolean() }),
          }),
        },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const org = await getOrg(db, req.params.code);
      return {
        data: await listOrgResults(db, org.id),
        abilities: { manage: canManageOfficialResults(actor) },
      };
    },
  );

  app.get(
    '/official-results/national',
    {
      config: { access: 'user' },
      schema: { tags, response: { 200: z.object({ data: z.array(officialResultSchema) }) } },
    },
    async (req) => {
      requireActor(req);
      return { data: await listOrgResults(db, null) };
    },
  );

  app.put(
    '/orgs/:code/official-results/:year',
    {
      config: { access: 'user' },
      schema: {
        tags,
        description:
          'Enter the official result of a body for a year: the total, the total with all domain values, or all indicator levels.',
        params: officialResultParamsSchema,
        body: officialResultBodySchema,
        response: { 200: z.object({ data: officialResultSchema }) },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      if (!canManageOfficialResults(actor)) throw new AppError('FORBIDDEN');
      const org = await getOrg(db, req.params.code);
      const framework = await findFramework(db, req.body.frameworkId);
      const row = await upsertOfficialResult(db, actor, auditContext(req), org, framework, req.params.year, {
        index: req.body.index,
        domains: req.body.domains,
        levels: req.body.levels,
        source: req.body.source,
      });
      return { data: presentResult(row) };
    },
  );

  app.delete(
    '/orgs/:code/official-results/:year',
    {
      config: { access: 'user' },
      schema: {
        tags,
        params: officialResultParamsSchema,
        querystring: frameworkQuerySchema,
        response: { 200: okSchema },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      if (!canManageOfficialResults(actor)) throw new AppError('FORBIDDEN');
      const org = await getOrg(db, req.params.code);
      await deleteOfficialResult(db, actor, auditContext(req), org, req.query.framework, req.params.year);
      return { ok: true as const };
    },
  );

  app.get(
    '/official-results/template',
    {
      config: { access: 'user' },
      schema: {
        tags,
        description: 'An empty import file (CSV or XLSX) with the columns the import expects.',
        querystring: frameworkQuerySchema.extend({ format: z.enum(['csv', 'xlsx']).default('csv') }),
      },
    },
    async (req, reply) => {
      requireActor(req);
      const framework = await findFramework(db, req.query.framework);
      const header = templateHeader(framework);
      const example = ['32.11', '2024', '4,51', ...header.slice(3, -1).map(() => ''), 'Sumber publikasi'];
      const name = `impor-hasil-resmi-${framework.id}`;
      if (req.query.format === 'xlsx') {
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet('Hasil resmi');
        ws.addRow(header);
        ws.addRow(example.map((v) => v.replace(',', '.')));
        ws.getRow(1).font = { bold: true };
        const buf = Buffer.from(await wb.xlsx.writeBuffer());
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="${name}.xlsx"`)
          .send(buf);
      }
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}.csv"`)
        .send(toCsv(header, [example]));
    },
  );

  app.post(
    '/official-results/import',
    {
      config: { access: 'user' },
      schema: {
        tags,
        description:
          'multipart/form-data with one `file` (CSV or XLSX, at most 20 MB). Every row is checked first; when any row is invalid nothing is written and the answer is 400 IMPORT_INVALID with the problems by row number. Existing results for the same body, year and framework are replaced.',
        querystring: frameworkQuerySchema,
        response: { 200: importResultSchema },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      if (!canManageOfficialResults(actor)) throw new AppError('FORBIDDEN');
      const framework = await findFramework(db, req.query.framework);
      const { buf, filename } = await uploadedBuffer(req, MAX_IMPORT_BYTES);
      const table = await readImportTable(buf);
      const { records, problems } = validateImport(table, framework, await orgIdsByCode(db));
      if (problems.length) {
        throw new AppError('IMPORT_INVALID', {
          problems: problems.slice(0, MAX_REPORTED),
          problemCount: problems.length,
          rowCount: table.rows.length,
        });
      }
      const data = await writeImport(db, auditContext(req), framework, records, {
        fileName: filename,
        userId: actor.userId,
      });
      return { data };
    },
  );
}
