import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import type { TextKey } from '../../shared/texts';
import { sendError } from './error-handler';

// PostgreSQL text cannot hold a NUL character: a query with one fails inside the driver, which
// would surface as a 500. No field of this API accepts one, so it is refused at the door with the
// usual validation error, naming where it was found.

function findNul(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (depth > 20 || value === null || typeof value !== 'object') return null;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const hit = findNul(v, `${path}.${k}`, depth + 1);
    if (hit) return hit;
  }
  return null;
}

export function refuseNul(req: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) {
  const field =
    /%00/i.test(req.url) || req.url.includes('\u0000') ? 'querystring' : findNul(req.body, 'body');
  if (!field) return done();
  sendError(req, reply, 'VALIDATION_FAILED', {
    issues: [{ field, message: 'REQUEST_NUL_NOT_ALLOWED' satisfies TextKey }],
  });
}
