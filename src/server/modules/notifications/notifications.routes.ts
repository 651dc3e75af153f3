import { okSchema } from '../../../shared/contracts/common';
import {
  markedReplySchema,
  markReadBodySchema,
  notificationListQuerySchema,
  notificationListSchema,
  preferencesReplySchema,
  preferencesSchema,
} from '../../../shared/contracts/notifications';
import { routeOptions } from '../../platform/auth/route-access';
import type { App } from '../../platform/http-types';
import { auditContext, requireActor } from '../../platform/request-context';
import { emailPreference, listNotifications } from './notifications.queries';
import { markRead, setEmailPreference } from './notifications.service';

const tags = ['notifications'];
const user = routeOptions('user', tags);

export async function notificationRoutes(app: App) {
  const db = app.deps.database.db;

  app.get(
    '/notifications',
    user({ querystring: notificationListQuerySchema, response: { 200: notificationListSchema } }),
    async (req) => listNotifications(db, requireActor(req), req.query, req.locale ?? 'id'),
  );

  app.post(
    '/notifications/read',
    user({
      description: 'Marks the given notifications (or all of the user’s) as read.',
      body: markReadBodySchema,
      response: { 200: markedReplySchema },
    }),
    async (req) => ({
      data: { marked: await markRead(db, requireActor(req), auditContext(req), req.body.ids) },
    }),
  );

  app.get('/notifications/preferences', user({ response: { 200: preferencesReplySchema } }), async (req) => ({
    data: await emailPreference(db, requireActor(req)),
  }));

  app.put(
    '/notifications/preferences',
    user({
      description:
        'Email for notifications: at once, one daily digest, or none (they always show in the app).',
      body: preferencesSchema,
      response: { 200: okSchema },
    }),
    async (req) => {
      await setEmailPreference(db, requireActor(req), auditContext(req), req.body);
      return { ok: true as const };
    },
  );
}
