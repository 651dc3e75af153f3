import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { okSchema, pageQuerySchema, paginationSchema } from '../../../shared/contracts/common';
import { pagination } from '../../db/query-helpers';
import { notifications, users } from '../../db/schema';
import { recordAudit } from '../../platform/audit';
import type { App } from '../../platform/http-types';
import { auditContext, requireActor } from '../../platform/request-context';

const tags = ['notifications'];
const notificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  link: z.string(),
  read: z.boolean(),
  createdAt: z.string(),
});

export async function notificationRoutes(app: App) {
  const db = app.deps.database.db;

  app.get(
    '/notifications',
    {
      config: { access: 'user' },
      schema: {
        tags,
        querystring: pageQuerySchema.extend({ unread: z.enum(['true', 'false']).optional() }),
        response: {
          200: z.object({
            data: z.array(notificationSchema),
            pagination: paginationSchema,
            unread: z.number().int(),
          }),
        },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const mine = eq(notifications.userId, actor.userId);
      const cond = req.query.unread === 'true' ? and(mine, isNull(notifications.readAt)) : mine;
      const [rows, [total], [unread]] = await Promise.all([
        db
          .select()
          .from(notifications)
          .where(cond)
          .orderBy(desc(notifications.createdAt))
          .limit(req.query.pageSize)
          .offset((req.query.page - 1) * req.query.pageSize),
        db.select({ n: count() }).from(notifications).where(cond),
        db
          .select({ n: count() })
          .from(notifications)
          .where(and(mine, isNull(notifications.readAt))),
      ]);
      return {
        data: rows.map((n) => ({
          id: n.id,
          kind: n.kind,
          title: actor.locale === 'en' ? n.titleEn : n.titleId,
          link: n.link,
          read: !!n.readAt,
          createdAt: n.createdAt.toISOString(),
        })),
        pagination: pagination(req.query, total?.n ?? 0),
        unread: unread?.n ?? 0,
      };
    },
  );

  app.post(
    '/notifications/read',
    {
      config: { access: 'user' },
      schema: {
        tags,
        description: 'Marks the given notifications (or all of the user’s) as read.',
        body: z.object({ ids: z.array(z.uuid()).max(500).optional() }),
        response: { 200: z.object({ data: z.object({ marked: z.number().int() }) }) },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const where = and(
        eq(notifications.userId, actor.userId),
        isNull(notifications.readAt),
        req.body.ids ? inArray(notifications.id, req.body.ids) : undefined,
      );
      const marked = await db.transaction(async (tx) => {
        const rows = await tx
          .update(notifications)
          .set({ readAt: new Date() })
          .where(where)
          .returning({ id: notifications.id });
        if (rows.length) {
          await recordAudit(tx, auditContext(req), {
            action: 'notification.read',
            entityType: 'user',
            entityId: actor.userId,
            summary: { count: rows.length },
          });
        }
        return rows.length;
      });
      return { data: { marked } };
    },
  );

  app.get(
    '/notifications/preferences',
    {
      config: { access: 'user' },
      schema: {
        tags,
        response: { 200: z.object({ data: z.object({ email: z.enum(['immediate', 'daily', 'off']) }) }) },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const [u] = await db.select({ email: users.notifyEmail }).from(users).where(eq(users.id, actor.userId));
      return { data: { email: u!.email } };
    },
  );

  app.put(
    '/notifications/preferences',
    {
      config: { access: 'user' },
      schema: {
        tags,
        description:
          'Email for notifications: at once, one daily digest, or none (they always show in the app).',
        body: z.object({ email: z.enum(['immediate', 'daily', 'off']) }),
        response: { 200: okSchema },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await db.transaction(async (tx) => {
        await tx
          .update(users)
          .set({ notifyEmail: req.body.email, updatedAt: new Date() })
          .where(eq(users.id, actor.userId));
        await recordAudit(tx, auditContext(req), {
          action: 'user.notification_preferences',
          entityType: 'user',
          entityId: actor.userId,
          summary: { ...req.body },
        });
      });
      return { ok: true as const };
    },
  );
}
