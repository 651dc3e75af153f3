import {
  acceptInvitationBodySchema,
  invitationAcceptedSchema,
  invitationLookupSchema,
  invitationTokenQuerySchema,
} from '../../../shared/contracts/users';
import { routeOptions } from '../../platform/auth/route-access';
import type { App } from '../../platform/http-types';
import { auditContext } from '../../platform/request-context';
import { acceptInvitation, lookupInvitation } from './invitations.service';

const limited = routeOptions('public', ['invitations'], { rateLimit: { max: 20, timeWindow: '1 minute' } });

// Public: the invitee has no session yet; the secret token in the link is the authorisation.
export async function invitationRoutes(app: App) {
  const db = app.deps.database.db;

  app.get(
    '/invitations/lookup',
    limited({ querystring: invitationTokenQuerySchema, response: { 200: invitationLookupSchema } }),
    async (req) => ({ data: await lookupInvitation(db, req.query.token) }),
  );

  app.post(
    '/invitations/accept',
    limited({ body: acceptInvitationBodySchema, response: { 200: invitationAcceptedSchema } }),
    async (req) => ({ data: await acceptInvitation(db, auditContext(req), req.body) }),
  );
}
