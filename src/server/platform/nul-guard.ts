import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import type { TextKey } from '../../shared/texts';
import { sendError } from './error-handler';

// Text that PostgreSQL cannot store is refused at the door with the usual validation error,
// naming where it was found, instead of failing inside the driver as a 500:
// - a NUL character (text columns cannot hold one);
// - a lone UTF-16 surrogate (JSON allows "\ud800", but jsonb rejects it, and node-postgres would
//   silently turn it into U+FFFD in a text column).
// Every string of the address (path parameters, query), the JSON body and their keys is checked.
// Headers need no check: Node's HTTP parser refuses a NUL in them and decodes them as Latin-1,
// which cannot produce a surrogate; the session cookie is only ever hashed.

type Problem = { field: string; message: TextKey };

// In a u-mode regex a proper surrogate pair is one code point, so \p{Cs} matches only lone halves.
const loneSurrogate = /\p{Cs}/u;

function badText(s: string): TextKey | null {
  if (s.includes('\u0000')) return 'REQUEST_NUL_NOT_ALLOWED';
  if (loneSurrogate.test(s)) return 'REQUEST_LONE_SURROGATE';
  return null;
}

function findBadText(value: unknown, path: string, depth = 0): Problem | null {
  if (typeof value === 'string') {
    const message = badText(value);
    return message ? { field: path, message } : null;
  }
  if (depth > 32 || value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return null;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const keyProblem = badText(k);
    if (keyProblem) return { field: path, message: keyProblem };
    const hit = findBadText(v, `${path}.${k}`, depth + 1);
    if (hit) return hit;
  }
  return null;
}

/** The first string of the request that cannot be stored, with where it is; null when none. */
export function unstorableText(
  req: Pick<FastifyRequest, 'url' | 'params' | 'query' | 'body'>,
): Problem | null {
  // A %00 in a part of the address no schema parses (an unknown query key) is still refused.
  if (/%00/i.test(req.url) || req.url.includes('\u0000')) {
    return { field: 'querystring', message: 'REQUEST_NUL_NOT_ALLOWED' };
  }
  return (
    findBadText(req.params, 'params') ??
    findBadText(req.query, 'querystring') ??
    findBadText(req.body, 'body')
  );
}

export function refuseNul(req: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) {
  const problem = unstorableText(req);
  if (!problem) return done();
  sendError(req, reply, 'VALIDATION_FAILED', { issues: [problem] });
}
