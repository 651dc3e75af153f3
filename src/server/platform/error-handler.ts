import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { type ApiErrorBody, type ErrorCode, errorCatalogue, errorMessage } from '../../shared/errors';
import { issueMessage, localiseDetails, type TextKey } from '../../shared/texts';
import { isWriteConflict } from '../db/retry';
import { AppError } from './app-error';
import { isDatabaseUnavailable } from './db-faults';
import { MULTIPART_MALFORMED, malformedUpload } from './uploads';

export function sendError(
  req: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  details?: unknown,
): FastifyReply {
  const body: ApiErrorBody = {
    error: { code, message: errorMessage(code, req.locale ?? 'id'), requestId: req.id },
  };
  // Keys from the text tables (field issues, row problems) go out in the request's language.
  if (details !== undefined) body.error.details = localiseDetails(details, req.locale ?? 'id');
  return reply.code(errorCatalogue[code].status).type('application/json').send(body);
}

const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_FILES_LIMIT: 'VALIDATION_FAILED',
  FST_PARTS_LIMIT: 'VALIDATION_FAILED',
};

/**
 * Errors the router raises before any hook runs (Fastify's `frameworkErrors`): an address that is
 * not valid percent-encoded UTF-8, or a path segment over the router's length limit. Without this
 * they would go out in Fastify's own body; with it they are the usual 400.
 */
export function frameworkError(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (err.code === 'FST_ERR_BAD_URL' || err.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    const message: TextKey = err.code === 'FST_ERR_BAD_URL' ? 'REQUEST_BAD_URL' : 'REQUEST_PARAM_TOO_LONG';
    return sendError(req, reply, 'VALIDATION_FAILED', { issues: [{ field: 'params', message }] });
  }
  return errorHandler(err, req, reply);
}

export function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof AppError) {
    // Throttled sign-ins say when to come back, like the rate limiter's own 429s.
    const wait = (err.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
    if (err.code === 'RATE_LIMITED' && typeof wait === 'number') reply.header('retry-after', String(wait));
    return sendError(req, reply, err.code, err.details);
  }
  if (err.code === MULTIPART_MALFORMED) {
    const e = malformedUpload();
    return sendError(req, reply, e.code, e.details);
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    // An address whose id cannot exist (/verify/abc, /plans/not-a-uuid) names nothing: reading it
    // is "not found", as for a well-formed id that matches no record. A write to it stays a 400.
    if (err.validationContext === 'params' && (req.method === 'GET' || req.method === 'HEAD')) {
      return sendError(req, reply, 'NOT_FOUND');
    }
    const issues = err.validation.map((v) => ({
      field: [err.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
      // zod's own messages are English: the issue's code and bounds say it in the request's language.
      message: issueMessage(req.locale ?? 'id', {
        ...(v.params as object),
        code: v.keyword,
        message: v.message,
      }),
    }));
    return sendError(req, reply, 'VALIDATION_FAILED', { issues });
  }
  const mapped = err.code ? fastifyCodes[err.code] : undefined;
  if (mapped) return sendError(req, reply, mapped);
  if (err instanceof SyntaxError && err.statusCode === 400) return sendError(req, reply, 'MALFORMED_JSON');
  if (err.statusCode === 429) return sendError(req, reply, 'RATE_LIMITED');
  if (err.statusCode === 413) return sendError(req, reply, 'PAYLOAD_TOO_LARGE');
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    return sendError(req, reply, 'VALIDATION_FAILED', { reason: err.message });
  }
  if (isDatabaseUnavailable(err)) {
    // Not a bug: the database is restarting or unreachable; the pool reconnects by itself.
    req.log.warn({ err: { message: err.message, code: err.code } }, 'database unavailable');
    return sendError(req, reply.header('retry-after', '2'), 'DATABASE_UNAVAILABLE');
  }
  if (isWriteConflict(err)) {
    req.log.warn({ err }, 'write conflict (deadlock or serialisation failure)');
    reply.header('retry-after', '1');
    return sendError(req, reply, 'WRITE_CONFLICT');
  }
  req.log.error({ err }, 'unhandled error');
  return sendError(req, reply, 'INTERNAL');
}
