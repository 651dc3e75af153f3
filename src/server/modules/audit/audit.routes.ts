import { auditListSchema, auditQuerySchema } from '../../../shared/contracts/audit';
import { routeOptions } from '../../platform/auth/route-access';
import type { App } from '../../platform/http-types';
import { requireActor } from '../../platform/request-context';
import { readAuditLog } from './audit.service';

const user = routeOptions('user', ['audit']);

export async function auditRoutes(app: App) {
  const db = app.deps.database.db;

  app.get(
    '/audit-events',
    user({ querystring: auditQuerySchema, response: { 200: auditListSchema } }),
    async (req) => readAuditLog(db, requireActor(req), req.query, app.auditChain),
  );
}
