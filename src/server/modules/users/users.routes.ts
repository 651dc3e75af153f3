import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { membershipViewSchema } from '../../../shared/contracts/auth';
import { okSchema, paginationSchema } from '../../../shared/contracts/common';
import {
  membershipCreateBodySchema,
  userListQuerySchema,
  userUpdateBodySchema,
} from '../../../shared/contracts/users';
import { pagination } from '../../db/query-helpers';
import { users } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { isPlatformAdmin } from '../../platform/auth/actor';
import type { App } from '../../platform/http-types';
import { auditContext, requireActor } from '../../platform/request-context';
import { addMembership, removeMembership, updateUser } from './memberships.service';
import { listUsers, userMemberships } from './users.queries';

const tags = ['users'];
const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  isActive: z.boolean(),
  isSample: z.boolean(),
  lastLoginAt: z.string().nullable(),
});
const userParams = z.object({ id: z.uuid() });

// Platform-wide user administration: platform admins only.
export async function userRoutes(app: App) {
  const db = app.deps.database.db;

  app.addHook('preHandler', async (req) => {
    if (!isPlatformAdmin(requireActor(req))) throw new AppError('FORBIDDEN');
  });

  app.get(
    '/users',
    {
      config: { access: 'user' },
      schema: {
        tags,
        querystring: userListQuerySchema,
        response: { 200: z.object({ data: z.array(userSchema), pagination: paginationSchema }) },
      },
    },
    async (req) => {
      const { rows, total } = await listUsers(db, req.query);
      return {
        data: rows.map((r) => ({ ...r, lastLoginAt: r.lastLoginAt?.toISOString() ?? null })),
        pagination: pagination(req.query, total),
      };
    },
  );

  app.get(
    '/users/:id',
    {
      config: { access: 'user' },
      schema: {
        tags,
        params: userParams,
        response: {
          200: z.object({ data: userSchema.extend({ memberships: z.array(membershipViewSchema) }) }),
        },
      },
    },
    async (req) => {
      const [user] = await db.select().from(users).where(eq(users.id, req.params.id)).limit(1);
      if (!user) throw new AppError('NOT_FOUND');
      return {
        data: {
          id: user.id,
          email: user.email,
          name: user.name,
          isActive: user.isActive,
          isSample: user.isSample,
          lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
          memberships: await userMemberships(db, user.id),
        },
      };
    },
  );

  app.patch(
    '/users/:id',
    {
      config: { access: 'user' },
      schema: { tags, params: userParams, body: userUpdateBodySchema, response: { 200: okSchema } },
    },
    async (req) => {
      await updateUser(db, requireActor(req), auditContext(req), req.params.id, req.body);
      return { ok: true as const };
    },
  );

  app.post(
    '/users/:id/memberships',
    {
      config: { access: 'user' },
      schema: {
        tags,
        params: userParams,
        body: membershipCreateBodySchema,
        response: { 201: z.object({ data: z.object({ id: z.string() }) }) },
      },
    },
    async (req, reply) => {
      const created = await addMembership(db, requireActor(req), auditContext(req), req.params.id, req.body);
      return reply.code(201).send({ data: created });
    },
  );

  app.delete(
    '/users/:id/memberships/:membershipId',
    {
      config: { access: 'user' },
      schema: { tags, params: userParams.extend({ membershipId: z.uuid() }), response: { 200: okSchema } },
    },
    async (req) => {
      const memberships = await userMemberships(db, req.params.id);
      const m = memberships.find((x) => x.id === req.params.membershipId);
      if (!m) throw new AppError('NOT_FOUND');
      await removeMembership(db, requireActor(req), auditContext(req), m.org.code, m.id);
      return { ok: true as const };
    },
  );
}
