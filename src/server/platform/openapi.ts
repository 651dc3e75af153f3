import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import type { FastifySchema, RouteOptions } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { type ErrorCode, errorCatalogue, errorCodes } from '../../shared/errors';
import type { Config } from '../config';
import { SAFE_METHODS } from './auth/auth-hooks';
import { CSRF_HEADER, SESSION_COOKIE } from './auth/session-store';
import { type DocumentedRateLimit, documentedRateLimit } from './rate-limits';

// The API description (GET /api/openapi.json) is generated from the routes themselves: zod
// schemas for bodies and answers, and from each route's config what no schema says — who may call
// it, which errors it can answer and its rate limit. The rules below mirror the hooks that enforce
// them (auth-hooks.ts, rate-limits.ts, error-handler.ts), so a new route is documented by
// declaring its access, not by writing prose that can drift.

const ERROR_REF = '#/components/schemas/ApiError';

/** Why a status can be answered; the codes that carry it are read from the error catalogue. */
const statusReasons: Record<number, string> = {
  400: 'The request is invalid (body, query or path).',
  401: 'No valid session, or wrong credentials.',
  403: 'Not allowed for this caller, the account is disabled, or the CSRF token or Origin does not match.',
  404: 'Not found, or outside the caller’s scope (which is never revealed).',
  409: 'The write conflicts with the record’s current state.',
  413: 'The request body is too large.',
  415: 'The content type is not accepted.',
  429: 'Too many requests: wait the number of seconds in Retry-After.',
  500: 'Unexpected server error; quote the requestId when reporting it.',
  503: 'The database is unreachable or a write kept colliding: retry after Retry-After seconds.',
};

function codesFor(status: number): ErrorCode[] {
  return errorCodes.filter((code) => errorCatalogue[code].status === status);
}

function errorResponse(status: number) {
  const codes = codesFor(status);
  const retry = status === 429 || status === 503;
  return {
    description: `${statusReasons[status] ?? 'Error.'} Codes: ${codes.join(', ')}.`,
    content: { 'application/json': { schema: { $ref: ERROR_REF } } },
    ...(retry && {
      headers: { 'retry-after': { type: 'integer', description: 'Seconds to wait before retrying.' } },
    }),
  };
}

type Access = 'public' | 'user';

/** The error statuses a route can answer, from what the platform hooks do with its shape. */
export function errorStatuses(
  access: Access,
  method: string,
  schema: FastifySchema,
  limit: DocumentedRateLimit | null,
): number[] {
  const write = !SAFE_METHODS.has(method);
  const user = access === 'user';
  const statuses = new Set<number>([500, 503]);
  // Every write parses a body (and a GET's unreadable path segment is a 400 as well).
  if (write || schema.querystring || schema.params) statuses.add(400);
  if (user) statuses.add(401);
  // Writes are checked for Origin (public ones too) and, when signed in, the CSRF header.
  if (user || write) statuses.add(403);
  // A GET with an id that cannot exist is "not found"; signed-in writes refer to scoped records.
  if (schema.params || (user && write)) statuses.add(404);
  if (write) for (const s of [409, 413, 415]) statuses.add(s);
  if (limit) statuses.add(429);
  return [...statuses].sort((a, b) => a - b);
}

function security(access: Access, method: string) {
  if (access === 'public') return [];
  return SAFE_METHODS.has(method) ? [{ session: [] }] : [{ session: [], csrf: [] }];
}

function limitText(limit: DocumentedRateLimit | null): string {
  if (!limit) return 'Not rate limited.';
  const shared = limit.shared ? ` (one budget shared by the ${limit.shared} routes)` : '';
  return `Rate limit: ${limit.perMinute} requests per minute per session, or per address when not signed in${shared}.`;
}

function isErrorRef(schema: unknown): boolean {
  return typeof schema === 'object' && schema !== null && (schema as { $ref?: unknown }).$ref === ERROR_REF;
}

/**
 * Per route: zod → JSON Schema (fastify-type-provider-zod), then security, error answers and the
 * rate limit. Routes without an access (static files, the docs' own files) are not API routes.
 */
export function createOpenApiTransform(config: Config) {
  const transform: FastifyDynamicSwaggerOptions['transform'] = (input) => {
    const route = input.route as RouteOptions;
    const access = route.config?.access;
    if (!access) return { schema: { hide: true } as FastifySchema, url: input.url };
    const base = jsonSchemaTransform(input);
    const schema = base.schema as FastifySchema & {
      hide?: boolean;
      description?: string;
      response?: Record<string, unknown>;
    };
    if (schema.hide) return base;
    const method = (Array.isArray(route.method) ? route.method[0] : route.method) ?? 'GET';
    const limit = documentedRateLimit(route.config ?? {}, config);
    const response: Record<string, unknown> = { ...schema.response };
    for (const status of errorStatuses(access, method.toUpperCase(), schema, limit)) {
      // A route's own schema for a status wins (the health check's 503 has its own body).
      if (response[status] === undefined) response[status] = errorResponse(status);
    }
    // Error statuses a route declares with the error body itself (e.g. the sign-in's 401).
    for (const [status, value] of Object.entries(response)) {
      if (isErrorRef(value)) response[status] = errorResponse(Number(status));
    }
    const description = [schema.description, limitText(limit)].filter(Boolean).join('\n\n');
    return {
      url: base.url,
      schema: {
        ...schema,
        description,
        response,
        security: security(access, method.toUpperCase()),
        'x-rate-limit': limit,
      } as FastifySchema,
    };
  };
  return transform;
}

type Doc = { paths?: unknown; components?: { schemas?: Record<string, unknown> } };

function refsIn(value: unknown, into: Set<string>) {
  if (Array.isArray(value)) for (const v of value) refsIn(v, into);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith('#/components/schemas/')) {
        into.add(v.slice('#/components/schemas/'.length));
      } else refsIn(v, into);
    }
  }
}

/**
 * The named zod schemas become components. The provider writes an input and an output variant of
 * each; only those the paths reach (directly or through another component) are kept, so a client
 * generator sees no orphan types.
 */
export const openApiTransformObject: FastifyDynamicSwaggerOptions['transformObject'] = (input) => {
  const doc = jsonSchemaTransformObject(input) as Doc;
  const all = doc.components?.schemas ?? {};
  const used = new Set<string>();
  refsIn(doc.paths, used);
  let frontier = [...used];
  while (frontier.length) {
    const found = new Set<string>();
    for (const name of frontier) refsIn(all[name], found);
    frontier = [...found].filter((name) => !used.has(name));
    for (const name of frontier) used.add(name);
  }
  const schemas = Object.fromEntries(Object.entries(all).filter(([name]) => used.has(name)));
  return { ...doc, components: { ...doc.components, schemas } } as ReturnType<
    typeof jsonSchemaTransformObject
  >;
};

export function openApiOptions(config: Config, version: string): FastifyDynamicSwaggerOptions {
  return {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Living Lab SPBE API',
        description: [
          'Indonesia Digital Services Living Lab. JSON under /api/v1.',
          'Authenticate with POST /api/v1/auth/login (session cookie); send the returned csrfToken as the X-CSRF-Token header on every write (security schemes "session" and "csrf"). Operations with an empty security list are public.',
          'Every error answers with the ApiError body in the request’s language (Accept-Language: id or en). Each operation states its rate limit in its description and in the x-rate-limit extension (requests per minute; null when not limited).',
        ].join('\n\n'),
        version,
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          csrf: { type: 'apiKey', in: 'header', name: CSRF_HEADER },
        },
      },
    },
    transform: createOpenApiTransform(config),
    transformObject: openApiTransformObject,
  };
}
