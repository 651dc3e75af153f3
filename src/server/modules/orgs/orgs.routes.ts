import { okSchema } from '../../../shared/contracts/common';
import {
  type OrgList,
  orgCreateBodySchema,
  orgDetailSchema,
  orgExportQuerySchema,
  orgListQuerySchema,
  orgListSchema,
  orgParamsSchema,
  orgReplySchema,
  orgUpdateBodySchema,
} from '../../../shared/contracts/orgs';
import { routeOptions } from '../../platform/auth/route-access';
import { attachment } from '../../platform/file-names';
import type { App } from '../../platform/http-types';
import { auditContext, requireActor } from '../../platform/request-context';
import { createOrg, deleteOrg, directoryCsv, directoryReply, orgDetail, updateOrg } from './orgs.service';

const user = routeOptions('user', ['orgs']);

export async function orgRoutes(app: App) {
  const db = app.deps.database.db;

  app.get(
    '/orgs',
    user({ querystring: orgListQuerySchema, response: { 200: orgListSchema } }),
    (req, reply) => {
      // The body comes already serialised (a cached page): a string is sent as it is (Fastify does
      // not run the serializer on strings); the response schema still documents it in OpenAPI.
      const send = (json: string): void => {
        reply.type('application/json; charset=utf-8').send(json as unknown as OrgList);
      };
      const body = directoryReply(db, app.caches.directory, requireActor(req), req.query);
      return typeof body === 'string' ? send(body) : body.then(send);
    },
  );

  app.get(
    '/orgs/export',
    user({
      description: 'The directory as CSV, with the same filters as GET /orgs (all pages).',
      querystring: orgExportQuerySchema,
    }),
    async (req, reply) => {
      requireActor(req);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', attachment('direktori-instansi.csv'))
        .send(await directoryCsv(db, req.query));
    },
  );

  app.get('/orgs/:code', user({ params: orgParamsSchema, response: { 200: orgDetailSchema } }), async (req) =>
    orgDetail(db, requireActor(req), req.params.code),
  );

  app.post(
    '/orgs',
    user({ body: orgCreateBodySchema, response: { 201: orgReplySchema } }),
    async (req, reply) => {
      const data = await createOrg(db, requireActor(req), auditContext(req), req.body);
      return reply.code(201).send({ data });
    },
  );

  app.patch(
    '/orgs/:code',
    user({ params: orgParamsSchema, body: orgUpdateBodySchema, response: { 200: orgReplySchema } }),
    async (req) => ({
      data: await updateOrg(db, requireActor(req), auditContext(req), req.params.code, req.body),
    }),
  );

  app.delete('/orgs/:code', user({ params: orgParamsSchema, response: { 200: okSchema } }), async (req) => {
    await deleteOrg(db, requireActor(req), auditContext(req), req.params.code);
    return { ok: true as const };
  });
}
