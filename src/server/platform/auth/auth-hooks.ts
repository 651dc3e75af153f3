import type { FastifyRequest } from 'fastify';
import { AppError } from '../app-error';
import { safeEqual } from '../crypto';
import type { Access, App } from '../http-types';
import type { Actor } from './actor';
import { CSRF_HEADER, loadActor, SESSION_COOKIE } from './session-store';

export const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const NO_SESSION = Symbol('no session');

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
  // Callback style so that a cached session is resolved without a promise (the hottest path).
  app.addHook('onRequest', (req, _reply, done) => {
    const access = req.routeOptions.config?.access;
    if (!access) return done(); // not an API route (static files, docs, 404s)
    const token = req.cookies[SESSION_COOKIE];
    if (token && app.cacheSync.needsBarrier) {
      // Several instances: first apply every invalidation committed before this request arrived
      // (a logout or role removal answered by another instance), see platform/cache-sync.ts.
      app.cacheSync.barrier().then(
        (inSync) => {
          // Not listening (the database connection was lost): nothing cached can be trusted.
          if (!inSync) for (const cache of Object.values(app.caches)) cache.clear();
          identify(req, token, access, done);
        },
        (err) => done(err),
      );
      return;
    }
    identify(req, token, access, done);
  });

  function identify(
    req: FastifyRequest,
    token: string | undefined,
    access: Access,
    done: (err?: Error) => void,
  ) {
    const cached = token ? app.caches.actors.peek(token) : undefined;
    if (cached || !token) {
      req.actor = cached ?? null;
      return done(checkAccess(req, access));
    }
    resolveActor(token).then(
      (actor) => {
        req.actor = actor;
        done(checkAccess(req, access));
      },
      (err) => done(err),
    );
  }

  async function resolveActor(token: string): Promise<Actor | null> {
    return app.caches.actors
      .get(token, async () => {
        const actor = await loadActor(app.deps.database.db, token);
        // Unknown tokens are not cached (an attacker could otherwise fill the cache).
        if (!actor) throw NO_SESSION;
        return actor;
      })
      .catch((err) => {
        if (err === NO_SESSION) return null;
        throw err;
      });
  }

  function checkAccess(req: FastifyRequest, access: Access): AppError | undefined {
    const unsafe = !SAFE_METHODS.has(req.method);
    if (unsafe && !originAllowed(req, app.deps.config.publicUrl)) return new AppError('CSRF_FAILED');
    if (access === 'public') return undefined;
    if (!req.actor) return new AppError('UNAUTHENTICATED');
    if (unsafe) {
      // Double submit: the token is readable by our own pages only (cookie + /me) and must be echoed.
      const header = req.headers[CSRF_HEADER];
      if (typeof header !== 'string' || !safeEqual(header, req.actor.csrfToken))
        return new AppError('CSRF_FAILED');
    }
    return undefined;
  }
}
