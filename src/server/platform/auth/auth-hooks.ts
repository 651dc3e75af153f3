import type { FastifyRequest } from 'fastify';
import { AppError } from '../app-error';
import { safeEqual } from '../crypto';
import type { App } from '../http-types';
import { CSRF_HEADER, loadActor, SESSION_COOKIE } from './session-store';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function originAllowed(req: FastifyRequest, publicUrl: string): boolean {
  const origin = req.headers.origin;
  if (!origin) return true; // non-browser clients; browsers always send Origin on cross-site writes
  try {
    const o = new URL(origin);
    return o.host === req.headers.host || o.origin === new URL(publicUrl).origin;
  } catch {
    return false;
  }
}

// Runs before body parsing so that an unauthenticated caller gets 401 even with a bad body.
export function registerAuthHooks(app: App) {
  app.addHook('onRequest', async (req) => {
    const access = req.routeOptions.config?.access;
    if (!access) return; // not an API route (static files, docs, 404s)
    const token = req.cookies[SESSION_COOKIE];
    if (token) req.actor = await loadActor(app.deps.database.db, token);
    const unsafe = !SAFE_METHODS.has(req.method);
    if (unsafe && !originAllowed(req, app.deps.config.publicUrl)) throw new AppError('CSRF_FAILED');
    if (access === 'public') return;
    if (!req.actor) throw new AppError('UNAUTHENTICATED');
    if (unsafe) {
      // Double submit: the token is readable by our own pages only (cookie + /me) and must be echoed.
      const header = req.headers[CSRF_HEADER];
      if (typeof header !== 'string' || !safeEqual(header, req.actor.csrfToken))
        throw new AppError('CSRF_FAILED');
    }
  });
}
