import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { sampleAccounts } from '../../db/seed/sample-accounts';
import type { App } from '../../platform/http-types';

export async function healthRoutes(app: App) {
  const { database, version, config } = app.deps;

  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['meta'],
        response: {
          200: z.object({
            status: z.literal('ok'),
            database: z.enum(['pglite', 'postgres']),
            version: z.string(),
          }),
          503: z.object({
            status: z.literal('unavailable'),
            database: z.enum(['pglite', 'postgres']),
            version: z.string(),
          }),
        },
      },
    },
    async (_req, reply) => {
      try {
        await database.db.execute(sql`select 1`);
        return { status: 'ok' as const, database: database.engine, version };
      } catch {
        return reply.code(503).send({ status: 'unavailable' as const, database: database.engine, version });
      }
    },
  );

  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  // What the login page needs to know before anyone signs in.
  app.get(
    '/api/v1/meta',
    {
      config: { access: 'public' },
      schema: {
        tags: ['meta'],
        response: {
          200: z.object({
            version: z.string(),
            database: z.enum(['pglite', 'postgres']),
            sampleMode: z.boolean(),
            sampleAccounts: z.array(z.object({ email: z.string(), role: z.string(), org: z.string() })),
            samplePassword: z.string().nullable(),
          }),
        },
      },
    },
    async () => ({
      version,
      database: database.engine,
      sampleMode: config.sampleData,
      sampleAccounts: config.sampleData
        ? sampleAccounts.map((a) => ({ email: a.email, role: a.role, org: a.orgCode }))
        : [],
      samplePassword: config.sampleData ? 'livinglab-sample' : null,
    }),
  );
}
