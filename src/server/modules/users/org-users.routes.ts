import { z } from 'zod';
import { okSchema } from '../../../shared/contracts/common';
import { orgParamsSchema } from '../../../shared/contracts/orgs';
import {
  deliveryStatusSchema,
  invitationSchema,
  inviteBodySchema,
  membershipRoleBodySchema,
  orgUserSchema,
} from '../../../shared/contracts/users';
import type { App } from '../../platform/http-types';
import { auditContext, requireActor } from '../../platform/request-context';
import { inviteUser, listPendingInvitations, revokeInvitation } from '../invitations/invitations.service';
import { canManageOrgUsers } from '../orgs/orgs.policy';
import { getOrgInScope } from '../orgs/orgs.service';
import { changeMembershipRole, removeMembership } from './memberships.service';
import { listOrgUsers } from './users.queries';

const tags = ['org users'];
const memberParams = orgParamsSchema.extend({ membershipId: z.uuid() });
const invitationParams = orgParamsSchema.extend({ invitationId: z.uuid() });

// A body's users: visible within scope, managed by its body admin (and platform admins).
export async function orgUserRoutes(app: App) {
  const { database, config, mailer } = app.deps;
  const db = database.db;

  app.get(
    '/orgs/:code/users',
    {
      config: { access: 'user' },
      schema: {
        tags,
        params: orgParamsSchema,
        response: {
          200: z.object({ data: z.array(orgUserSchema), abilities: z.object({ manage: z.boolean() }) }),
        },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const org = await getOrgInScope(db, actor, req.params.code);
      return { data: await listOrgUsers(db, org.id), abilities: { manage: canManageOrgUsers(actor, org) } };
    },
  );

  app.patch(
    '/orgs/:code/memberships/:membershipId',
    {
      config: { access: 'user' },
      schema: { tags, params: memberParams, body: membershipRoleBodySchema, response: { 200: okSchema } },
    },
    async (req) => {
      const { code, membershipId } = req.params;
      await changeMembershipRole(db, requireActor(req), auditContext(req), code, membershipId, req.body.role);
      return { ok: true as const };
    },
  );

  app.delete(
    '/orgs/:code/memberships/:membershipId',
    { config: { access: 'user' }, schema: { tags, params: memberParams, response: { 200: okSchema } } },
    async (req) => {
      await removeMembership(
        db,
        requireActor(req),
        auditContext(req),
        req.params.code,
        req.params.membershipId,
      );
      return { ok: true as const };
    },
  );

  app.get(
    '/orgs/:code/invitations',
    {
      config: { access: 'user' },
      schema: {
        tags,
        params: orgParamsSchema,
        response: { 200: z.object({ data: z.array(invitationSchema) }) },
      },
    },
    async (req) => ({ data: await listPendingInvitations(db, requireActor(req), req.params.code) }),
  );

  app.post(
    '/orgs/:code/invitations',
    {
      config: { access: 'user' },
      schema: {
        tags,
        params: orgParamsSchema,
        body: inviteBodySchema,
        response: {
          201: z.object({ data: invitationSchema, delivery: deliveryStatusSchema }),
        },
      },
    },
    async (req, reply) => {
      const { invitation, delivery } = await inviteUser(
        db,
        config,
        mailer,
        requireActor(req),
        auditContext(req),
        req.params.code,
        req.body,
      );
      return reply.code(201).send({
        data: {
          id: invitation.id,
          email: invitation.email,
          role: invitation.role,
          expiresAt: invitation.expiresAt.toISOString(),
          createdAt: invitation.createdAt.toISOString(),
        },
        delivery,
      });
    },
  );

  app.delete(
    '/orgs/:code/invitations/:invitationId',
    { config: { access: 'user' }, schema: { tags, params: invitationParams, response: { 200: okSchema } } },
    async (req) => {
      await revokeInvitation(
        db,
        requireActor(req),
        auditContext(req),
        req.params.code,
        req.params.invitationId,
      );
      return { ok: true as const };
    },
  );
}
