import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import type { Config } from '../config';
import { AppError } from './app-error';
import type { App } from './http-types';

// Request limits (issue 10). Three rules:
// - Static files (the web build, /assets/*, the index.html shell, the API docs' files) are never
//   limited: a page load is dozens of them, and a workshop behind one wifi would get blank pages.
//   Only routes that declare an `access` (the API) are limited.
// - The API's budget is per session for signed-in users, so colleagues behind one office NAT do
//   not starve each other, and per address (req.ip, which honours TRUST_PROXY) for everyone else.
//   The session is the one the auth hook verified, never the raw cookie: a made-up cookie does not
//   buy a fresh budget. (Route-level hooks run after the app's onRequest hooks, so the limiter sees
//   `req.actor`; requests the auth hook refuses never reach it.)
// - Routes may set their own budget (sign-in, verification, the open data); those are separate.

/** Whose budget a request spends: its verified session, else its address. */
export function rateLimitKey(req: FastifyRequest): string {
  return req.actor ? `session:${req.actor.sessionId}` : `address:${req.ip}`;
}

export async function registerRateLimits(app: App, config: Config) {
  // Registered before the plugin, so its onRoute hook (which adds the limiter) sees the opt-out.
  app.addHook('onRoute', (route) => {
    if (!route.config?.access) route.config = { ...route.config, rateLimit: false };
  });
  await app.register(fastifyRateLimit, {
    global: true,
    max: config.rateLimitPerMinute,
    timeWindow: '1 minute',
    keyGenerator: rateLimitKey,
    // The error handler answers 429 RATE_LIMITED with Retry-After from these details, like a
    // throttled sign-in; the web shows "try again in N s".
    errorResponseBuilder: (_req, ctx) =>
      new AppError('RATE_LIMITED', { retryAfterSeconds: Math.max(1, Math.ceil(ctx.ttl / 1000)) }),
    // Limit headers only on refused requests (Retry-After then): fewer bytes on every answer.
    addHeadersOnExceeding: {
      'x-ratelimit-limit': false,
      'x-ratelimit-remaining': false,
      'x-ratelimit-reset': false,
    },
  });
}
