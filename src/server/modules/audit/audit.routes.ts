import { auditListSchema, auditQuerySchema } from '../../../shared/contracts/audit';
import type { App } from '../../platform/http-types';
import { requireActor } from '../../platform/request-context';
import { readAuditLog } from './audit.service';

export async function auditRoutes(app: App) {
  const db = app.deps.database.db;

  app.get(
    '/audit-events',
    {
      config: { access: 'user' },
      schema: { tags: ['audit'], querystring: auditQuerySchema, response: { 200: auditListSchema } },
    },
    async (req) => readAuditLog(db, requireActor(req), req.query),
  );
}
