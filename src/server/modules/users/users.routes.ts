import { z } from 'zod';
import { okSchema } from '../../../shared/contracts/common';
import {
  membershipCreateBodySchema,
  membershipCreatedSchema,
  userDetailSchema,
  userListQuerySchema,
  userListSchema,
  userUpdateBodySchema,
} from '../../../shared/contracts/users';
import { routeOptions } from '../../platform/auth/route-access';
import type { App } from '../../platform/http-types';
import { auditContext, requireActor } from '../../platform/request-context';
import { addMembership, removeUserMembership } from './memberships.service';
import { listUsersPage, updateUser, userDetail } from './users.service';

const user = routeOptions('user', ['users']);
const userParams = z.object({ id: z.uuid() });

// Platform-wide user administration (users.policy: platform admins).
export async function userRoutes(app: App) {
  const db = app.deps.database.db;

  app.get(
    '/users',
    user({ querystring: userListQuerySchema, response: { 200: userListSchema } }),
    async (req) => listUsersPage(db, requireActor(req), req.query),
  );

  app.get('/users/:id', user({ params: userParams, response: { 200: userDetailSchema } }), async (req) =>
    userDetail(db, requireActor(req), req.params.id),
  );

  app.patch(
    '/users/:id',
    user({ params: userParams, body: userUpdateBodySchema, response: { 200: okSchema } }),
    async (req) => {
      await updateUser(db, requireActor(req), auditContext(req), req.params.id, req.body);
      return { ok: true as const };
    },
  );

  app.post(
    '/users/:id/memberships',
    user({
      params: userParams,
      body: membershipCreateBodySchema,
      response: { 201: membershipCreatedSchema },
    }),
    async (req, reply) => {
      const created = await addMembership(db, requireActor(req), auditContext(req), req.params.id, req.body);
      return reply.code(201).send({ data: created });
    },
  );

  app.delete(
    '/users/:id/memberships/:membershipId',
    user({ params: userParams.extend({ membershipId: z.uuid() }), response: { 200: okSchema } }),
    async (req) => {
      const { id, membershipId } = req.params;
      await removeUserMembership(db, requireActor(req), auditContext(req), id, membershipId);
      return { ok: true as const };
    },
  );
}
