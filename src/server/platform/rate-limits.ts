import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyContextConfig, FastifyRequest } from 'fastify';
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

/** A route's budget as the API description states it (the x-rate-limit extension). */
export type DocumentedRateLimit = {
  perMinute: number;
  /** Whose budget: the verified session when signed in, else the caller's address. */
  key: 'session-or-address';
  /** Named when several routes spend one budget. */
  shared?: 'open-data';
};

const WINDOW_UNITS_MS: Record<string, number> = { second: 1000, minute: 60_000, hour: 3_600_000 };

function windowMs(window: number | string | undefined): number {
  if (window === undefined) return 60_000; // the plugin's default
  if (typeof window === 'number') return window;
  const m = /^(\d+)\s*(second|minute|hour)s?$/.exec(window.trim());
  const unit = m ? WINDOW_UNITS_MS[m[2] as string] : undefined;
  if (!m || unit === undefined) throw new Error(`rate limit window not understood: ${window}`);
  return Number(m[1]) * unit;
}

/**
 * The limit that applies to a route, read from the same config the limiter uses, so the API
 * description cannot drift from what is enforced. Null for routes that are never limited.
 */
export function documentedRateLimit(route: FastifyContextConfig, config: Config): DocumentedRateLimit | null {
  if (!route.access) return null;
  const key = 'session-or-address';
  if (route.rateLimitBudget === 'open-data') {
    return { perMinute: config.publicRateLimitPerMinute, key, shared: 'open-data' };
  }
  const own = route.rateLimit;
  if (own === false) return null;
  if (own === undefined || own.max === undefined) return { perMinute: config.rateLimitPerMinute, key };
  const window = own.timeWindow;
  if (typeof own.max !== 'number' || typeof window === 'function') {
    throw new Error('a computed rate limit cannot be documented');
  }
  return { perMinute: Math.round((own.max * 60_000) / windowMs(window)), key };
}
