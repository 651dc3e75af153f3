import { z } from 'zod';
import { okSchema } from '../../../shared/contracts/common';
import {
  orgCreateBodySchema,
  orgDetailSchema,
  orgListQuerySchema,
  orgListSchema,
  orgParamsSchema,
  orgSchema,
  orgUpdateBodySchema,
} from '../../../shared/contracts/orgs';
import { pagination } from '../../db/query-helpers';
import { toCsv } from '../../platform/csv';
import type { App } from '../../platform/http-types';
import { auditContext, requireActor } from '../../platform/request-context';
import { canManageOrgs, orgAbilities } from './orgs.policy';
import { presentOrg, supervisorCodes } from './orgs.presenter';
import { countOrgUsers, findOrgsByCodes, listOrgs, mentorsOf } from './orgs.queries';
import { createOrg, deleteOrg, getOrg, updateOrg } from './orgs.service';

const tags = ['orgs'];

export async function orgRoutes(app: App) {
  const db = app.deps.database.db;

  app.get(
    '/orgs',
    {
      config: { access: 'user' },
      schema: { tags, querystring: orgListQuerySchema, response: { 200: orgListSchema } },
    },
    (req, reply) => {
      const actor = requireActor(req);
      // The directory page is the same for every signed-in user, so it is cached serialised;
      // only the actor's abilities are added per request (see platform/read-cache.ts). A hit is
      // answered synchronously.
      const key = JSON.stringify(req.query);
      const respond = (page: { json: string }): void => {
        const abilities = JSON.stringify({ create: canManageOrgs(actor) });
        // A string body is sent as it is (Fastify does not run the serializer on strings); the
        // response schema still documents the shape in OpenAPI, and tests parse it.
        const body = `{${page.json},"abilities":${abilities}}` as unknown as z.infer<typeof orgListSchema>;
        reply.type('application/json; charset=utf-8').send(body);
      };
      const hit = app.caches.directory.peek(key);
      if (hit) return respond(hit);
      return app.caches.directory
        .get(key, async () => {
          const { rows, total } = await listOrgs(db, req.query);
          const page = JSON.stringify(pagination(req.query, total));
          return {
            json: `"data":${JSON.stringify(rows.map(presentOrg))},"pagination":${page}`,
          };
        })
        .then(respond);
    },
  );

  app.get(
    '/orgs/export',
    {
      config: { access: 'user' },
      schema: {
        tags,
        description: 'The directory as CSV, with the same filters as GET /orgs (all pages).',
        querystring: orgListQuerySchema.omit({ page: true, pageSize: true }),
      },
    },
    async (req, reply) => {
      requireActor(req);
      const { rows } = await listOrgs(db, { ...req.query, page: 1, pageSize: 100_000 });
      const csv = toCsv(
        [
          'code',
          'name',
          'type',
          'province_code',
          'province_name',
          'is_member',
          'member_since',
          'is_host',
          'is_sample',
        ],
        rows.map((r) => [
          r.code,
          r.name,
          r.type,
          r.provinceCode,
          r.provinceName,
          r.isMember,
          r.memberSince,
          r.isHost,
          r.isSample,
        ]),
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="direktori-instansi.csv"')
        .send(csv);
    },
  );

  app.get(
    '/orgs/:code',
    {
      config: { access: 'user' },
      schema: { tags, params: orgParamsSchema, response: { 200: orgDetailSchema } },
    },
    async (req) => {
      const actor = requireActor(req);
      const org = await getOrg(db, req.params.code);
      const abilities = orgAbilities(actor, org);
      const [supervisedBy, mentoredBy, userCount] = await Promise.all([
        findOrgsByCodes(db, supervisorCodes(org)),
        mentorsOf(db, org.id),
        abilities.readPrivate ? countOrgUsers(db, org.id) : null,
      ]);
      return { data: { ...presentOrg(org), supervisedBy, mentoredBy, userCount }, abilities };
    },
  );

  app.post(
    '/orgs',
    {
      config: { access: 'user' },
      schema: { tags, body: orgCreateBodySchema, response: { 201: z.object({ data: orgSchema }) } },
    },
    async (req, reply) => {
      const org = await createOrg(db, requireActor(req), auditContext(req), req.body);
      return reply.code(201).send({ data: presentOrg(org) });
    },
  );

  app.patch(
    '/orgs/:code',
    {
      config: { access: 'user' },
      schema: {
        tags,
        params: orgParamsSchema,
        body: orgUpdateBodySchema,
        response: { 200: z.object({ data: orgSchema }) },
      },
    },
    async (req) => {
      const org = await updateOrg(db, requireActor(req), auditContext(req), req.params.code, req.body);
      return { data: presentOrg(org) };
    },
  );

  app.delete(
    '/orgs/:code',
    { config: { access: 'user' }, schema: { tags, params: orgParamsSchema, response: { 200: okSchema } } },
    async (req) => {
      await deleteOrg(db, requireActor(req), auditContext(req), req.params.code);
      return { ok: true as const };
    },
  );
}
