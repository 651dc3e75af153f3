import { and, desc, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { auditEventSchema, auditQuerySchema } from '../../../shared/contracts/audit';
import { paginationSchema } from '../../../shared/contracts/common';
import { pagination } from '../../db/query-helpers';
import { auditEvents, orgs } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { isPlatformAdmin } from '../../platform/auth/actor';
import type { App } from '../../platform/http-types';
import { requireActor } from '../../platform/request-context';

export async function auditRoutes(app: App) {
  const db = app.deps.database.db;

  app.get(
    '/audit-events',
    {
      config: { access: 'user' },
      schema: {
        tags: ['audit'],
        querystring: auditQuerySchema,
        response: { 200: z.object({ data: z.array(auditEventSchema), pagination: paginationSchema }) },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const q = req.query;
      const where: SQL[] = [];
      // Platform admins read everything; a body admin reads the events of their own bodies.
      if (!isPlatformAdmin(actor)) {
        const own = actor.memberships.filter((m) => m.role === 'body_admin').map((m) => m.orgId);
        if (!own.length) throw new AppError('FORBIDDEN');
        where.push(inArray(auditEvents.orgId, own));
      }
      if (q.actor) where.push(eq(auditEvents.actorEmail, q.actor.toLowerCase()));
      if (q.action) where.push(eq(auditEvents.action, q.action));
      if (q.entityType) where.push(eq(auditEvents.entityType, q.entityType));
      if (q.from) where.push(gte(auditEvents.at, new Date(`${q.from}T00:00:00+07:00`)));
      if (q.to)
        where.push(lt(auditEvents.at, new Date(new Date(`${q.to}T00:00:00+07:00`).getTime() + 86400_000)));
      if (q.org) {
        const [org] = await db.select({ id: orgs.id }).from(orgs).where(eq(orgs.code, q.org)).limit(1);
        where.push(eq(auditEvents.orgId, org?.id ?? '00000000-0000-0000-0000-000000000000'));
      }
      const cond = where.length ? and(...where) : undefined;
      const [rows, total] = await Promise.all([
        db
          .select({ e: auditEvents, orgCode: orgs.code })
          .from(auditEvents)
          .leftJoin(orgs, eq(orgs.id, auditEvents.orgId))
          .where(cond)
          .orderBy(desc(auditEvents.seq))
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize),
        db.$count(auditEvents, cond),
      ]);
      return {
        data: rows.map(({ e, orgCode }) => ({
          seq: e.seq,
          at: e.at.toISOString(),
          actorId: e.actorId,
          actorEmail: e.actorEmail,
          orgId: e.orgId,
          orgCode: orgCode ?? null,
          action: e.action,
          entityType: e.entityType,
          entityId: e.entityId,
          summary: e.summary,
          requestId: e.requestId,
          ip: e.ip,
        })),
        pagination: pagination(q, total),
      };
    },
  );
}
