import { healthSchema, metaSchema, unavailableSchema } from '../../../shared/contracts/health';
import { routeOptions } from '../../platform/auth/route-access';
import type { App } from '../../platform/http-types';
import { checkHealth, meta } from './health.service';

const open = routeOptions('public', ['meta']);

export async function healthRoutes(app: App) {
  const { database, version, config } = app.deps;

  app.get(
    '/api/health',
    open({ response: { 200: healthSchema, 503: unavailableSchema } }),
    async (_req, reply) => {
      const health = await checkHealth(database, version);
      return health.status === 'ok' ? health : reply.code(503).send(health);
    },
  );

  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  // What the login page needs to know before anyone signs in.
  app.get('/api/v1/meta', open({ response: { 200: metaSchema } }), async () =>
    meta(database, config, version),
  );
}
