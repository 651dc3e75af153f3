import type { FastifySchema } from 'fastify';
import type { Access } from '../http-types';

/**
 * The options every API route repeats: who may call it (checked by the auth hook before the body
 * is parsed) and the area's OpenAPI tags. `const user = routeOptions('user', ['orgs'])` then
 * `app.get('/orgs/:code', user({ params, response }), handler)`.
 */
export function routeOptions(access: Access, tags: string[]) {
  return <const S extends FastifySchema>(schema: S) => ({ config: { access }, schema: { tags, ...schema } });
}
