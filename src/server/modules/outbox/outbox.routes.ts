import { desc } from 'drizzle-orm';
import { z } from 'zod';
import { pageQuerySchema, paginationSchema } from '../../../shared/contracts/common';
import { pagination } from '../../db/query-helpers';
import { outbox } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { isPlatformAdmin } from '../../platform/auth/actor';
import type { App } from '../../platform/http-types';
import { requireActor } from '../../platform/request-context';

const messageSchema = z.object({
  id: z.string(),
  kind: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  status: z.enum(['stored', 'sent', 'failed']),
  error: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});

// Without SMTP the outbox is where password-reset and invitation emails can be read by admins.
export async function outboxRoutes(app: App) {
  const db = app.deps.database.db;
  app.get(
    '/outbox',
    {
      config: { access: 'user' },
      schema: {
        tags: ['outbox'],
        querystring: pageQuerySchema,
        response: {
          200: z.object({ data: z.array(messageSchema), pagination: paginationSchema, smtp: z.boolean() }),
        },
      },
    },
    async (req) => {
      if (!isPlatformAdmin(requireActor(req))) throw new AppError('FORBIDDEN');
      const { page, pageSize } = req.query;
      const [rows, total] = await Promise.all([
        db
          .select()
          .from(outbox)
          .orderBy(desc(outbox.createdAt))
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        db.$count(outbox),
      ]);
      return {
        data: rows.map((r) => ({
          ...r,
          createdAt: r.createdAt.toISOString(),
          sentAt: r.sentAt?.toISOString() ?? null,
        })),
        pagination: pagination(req.query, total),
        smtp: Boolean(app.deps.config.smtpUrl),
      };
    },
  );
}
