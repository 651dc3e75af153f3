import { okSchema } from '../../../shared/contracts/common';
import {
  visitParamsSchema as params,
  programmeBodySchema,
  programmeCreatedSchema,
  programmeDetailSchema,
  programmeListSchema,
  programmeMemberBodySchema,
  programmeMemberParamsSchema,
} from '../../../shared/contracts/visits';
import { routeOptions } from '../../platform/auth/route-access';
import type { App } from '../../platform/http-types';
import { auditContext, requireActor } from '../../platform/request-context';
import {
  createProgramme,
  getProgramme,
  getProgrammes,
  setProgrammeMember,
  updateProgramme,
} from './programmes.service';

const tags = ['visits and programmes'];
const user = routeOptions('user', tags);
const ok = { ok: true as const };

export async function programmeRoutes(app: App) {
  const db = app.deps.database.db;

  app.get('/programmes', user({ response: { 200: programmeListSchema } }), async (req) =>
    getProgrammes(db, requireActor(req)),
  );

  app.get('/programmes/:id', user({ params, response: { 200: programmeDetailSchema } }), async (req) =>
    getProgramme(db, requireActor(req), req.params.id),
  );

  app.post(
    '/programmes',
    user({ body: programmeBodySchema, response: { 201: programmeCreatedSchema } }),
    async (req, reply) =>
      reply
        .code(201)
        .send({ data: await createProgramme(db, requireActor(req), auditContext(req), req.body) }),
  );

  app.put(
    '/programmes/:id',
    user({ params, body: programmeBodySchema, response: { 200: okSchema } }),
    async (req) => {
      await updateProgramme(db, requireActor(req), auditContext(req), req.params.id, req.body);
      return ok;
    },
  );

  app.post(
    '/programmes/:id/members',
    user({ params, body: programmeMemberBodySchema, response: { 200: okSchema } }),
    async (req) => {
      await setProgrammeMember(
        db,
        requireActor(req),
        auditContext(req),
        req.params.id,
        req.body.orgCode,
        true,
      );
      return ok;
    },
  );

  app.delete(
    '/programmes/:id/members/:code',
    user({ params: programmeMemberParamsSchema, response: { 200: okSchema } }),
    async (req) => {
      await setProgrammeMember(
        db,
        requireActor(req),
        auditContext(req),
        req.params.id,
        req.params.code,
        false,
      );
      return ok;
    },
  );
}
