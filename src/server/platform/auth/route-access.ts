import type { FastifyContextConfig, FastifySchema } from 'fastify';
import type { Access } from '../http-types';

/** What a route may set besides its access: a rate limit (public routes). */
type RouteConfig = Omit<FastifyContextConfig, 'access'>;

/**
 * The options every API route repeats: who may call it (checked by the auth hook before the body
 * is parsed), the area's OpenAPI tags and any shared config. `const user = routeOptions('user',
 * ['orgs'])` then `app.get('/orgs/:code', user({ params, response }), handler)`. Access is the
 * only gate here; what an actor may do is the policy's, inside the service.
 */
export function routeOptions(access: Access, tags: string[], config: RouteConfig = {}) {
  return <const S extends FastifySchema>(schema: S) => ({
    config: { ...config, access },
    schema: { tags, ...schema },
  });
}
