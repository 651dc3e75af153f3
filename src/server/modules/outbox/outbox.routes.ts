import { pageQuerySchema } from '../../../shared/contracts/common';
import { outboxListSchema } from '../../../shared/contracts/outbox';
import { routeOptions } from '../../platform/auth/route-access';
import type { App } from '../../platform/http-types';
import { requireActor } from '../../platform/request-context';
import { readOutbox } from './outbox.service';

const user = routeOptions('user', ['outbox']);

// Without SMTP the outbox is where password-reset and invitation emails can be read by admins.
export async function outboxRoutes(app: App) {
  const db = app.deps.database.db;
  app.get(
    '/outbox',
    user({ querystring: pageQuerySchema, response: { 200: outboxListSchema } }),
    async (req) => readOutbox(db, requireActor(req), req.query, Boolean(app.deps.config.smtpUrl)),
  );
}
