import { z } from 'zod';
import { okSchema } from '../../../shared/contracts/common';
import { orgParamsSchema } from '../../../shared/contracts/orgs';
import {
  invitationCreatedSchema,
  invitationListSchema,
  inviteBodySchema,
  membershipRoleBodySchema,
  orgUsersReplySchema,
} from '../../../shared/contracts/users';
import { routeOptions } from '../../platform/auth/route-access';
import type { App } from '../../platform/http-types';
import { auditContext, requireActor } from '../../platform/request-context';
import { inviteUser, listPendingInvitations, revokeInvitation } from '../invitations/invitations.service';
import { changeMembershipRole, orgUsers, removeMembership } from './memberships.service';

const user = routeOptions('user', ['org users']);
const memberParams = orgParamsSchema.extend({ membershipId: z.uuid() });
const invitationParams = orgParamsSchema.extend({ invitationId: z.uuid() });

// A body's users: visible within scope, managed by its body admin (and platform admins).
export async function orgUserRoutes(app: App) {
  const { database, config, mailer } = app.deps;
  const db = database.db;

  app.get(
    '/orgs/:code/users',
    user({ params: orgParamsSchema, response: { 200: orgUsersReplySchema } }),
    async (req) => orgUsers(db, requireActor(req), req.params.code),
  );

  app.patch(
    '/orgs/:code/memberships/:membershipId',
    user({ params: memberParams, body: membershipRoleBodySchema, response: { 200: okSchema } }),
    async (req) => {
      const { code, membershipId } = req.params;
      await changeMembershipRole(db, requireActor(req), auditContext(req), code, membershipId, req.body.role);
      return { ok: true as const };
    },
  );

  app.delete(
    '/orgs/:code/memberships/:membershipId',
    user({ params: memberParams, response: { 200: okSchema } }),
    async (req) => {
      const { code, membershipId } = req.params;
      await removeMembership(db, requireActor(req), auditContext(req), code, membershipId);
      return { ok: true as const };
    },
  );

  app.get(
    '/orgs/:code/invitations',
    user({ params: orgParamsSchema, response: { 200: invitationListSchema } }),
    async (req) => ({ data: await listPendingInvitations(db, requireActor(req), req.params.code) }),
  );

  app.post(
    '/orgs/:code/invitations',
    user({ params: orgParamsSchema, body: inviteBodySchema, response: { 201: invitationCreatedSchema } }),
    async (req, reply) => {
      const deps = { db, config, mailer };
      const created = await inviteUser(deps, requireActor(req), auditContext(req), req.params.code, req.body);
      return reply.code(201).send(created);
    },
  );

  app.delete(
    '/orgs/:code/invitations/:invitationId',
    user({ params: invitationParams, response: { 200: okSchema } }),
    async (req) => {
      const { code, invitationId } = req.params;
      await revokeInvitation(db, requireActor(req), auditContext(req), code, invitationId);
      return { ok: true as const };
    },
  );
}
