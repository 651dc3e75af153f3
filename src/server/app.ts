import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { TrustProxy } from './config';
import { loadAuditKey } from './platform/audit-anchor';
import { createAuditChainer } from './platform/audit-chain';
import type { Actor } from './platform/auth/actor';
import { registerAuthHooks } from './platform/auth/auth-hooks';
import { createBackground } from './platform/background';
import { startCacheSync } from './platform/cache-sync';
import { setTimeZone } from './platform/calendar';
import { errorHandler, frameworkError, sendError } from './platform/error-handler';
import type { App, Deps } from './platform/http-types';
import { refuseNul } from './platform/nul-guard';
import { openApiOptions } from './platform/openapi';
import { registerRateLimits } from './platform/rate-limits';
import { createReadCache } from './platform/read-cache';
import { pickLocale } from './platform/request-context';
import { registerSecurityHeaders } from './platform/security-headers';
import { diskFileStore, s3FileStore } from './platform/storage';
import { registerRoutes } from './routes';

export type BuildOptions = {
  /** Folder with the built web app (index.html); not served when absent. */
  webDir?: string;
  logger?: boolean;
};

// req.ip, which the rate limiter, sign-in throttling, sessions and the audit log all use, is the
// address the nearest untrusted hop gave. Fastify 5.12 refuses a bare hop count (it trusts nothing
// then), so hops are a function: the socket peer and the next hops-1 X-Forwarded-For entries
// counted from the right are proxies, and whatever a client wrote further left is ignored.
function trustProxyOption(trust: TrustProxy) {
  if (trust === false) return false;
  if ('hops' in trust) {
    const hops = trust.hops;
    return (_address: string, hop: number) => hop < hops;
  }
  return trust.addresses;
}

export async function buildApp(deps: Deps, opts: BuildOptions = {}): Promise<App> {
  const { config } = deps;
  setTimeZone(config.reminderTimeZone);
  const app = Fastify({
    logger: opts.logger === false ? false : { level: config.logLevel },
    trustProxy: trustProxyOption(config.trustProxy),
    bodyLimit: 1024 * 1024,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    },
    ajv: undefined,
    frameworkErrors: frameworkError,
  }).withTypeProvider<ZodTypeProvider>() as unknown as App;

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('deps', deps);
  app.decorate('routeCatalogue', []);
  app.decorate(
    'files',
    config.s3
      ? s3FileStore(config.s3, path.join(config.dataDir, 'files', 'tmp'))
      : diskFileStore(path.join(config.dataDir, 'files')),
  );
  app.decorate('background', createBackground(app.log));
  // onClose hooks run last-registered first: whoever closes the database drains these before.
  app.addHook('onClose', () => app.background.drain());
  app.decorate(
    'auditChain',
    createAuditChainer({
      db: deps.database.db,
      key: loadAuditKey(config),
      anchorDir: config.auditAnchorDir,
      anchorSeconds: config.auditAnchorSeconds,
      log: app.log,
    }),
  );
  const ttlMs = config.readCacheSeconds * 1000;
  const caches = {
    actors: createReadCache<Actor>({ max: 10_000, ttlMs }),
    directory: createReadCache<{ json: string }>({ max: 500, ttlMs }),
    funnel: createReadCache<{ json: string; bodies: unknown[] }>({ max: 200, ttlMs }),
    public: createReadCache<{ value: unknown }>({ max: 500, ttlMs }),
  };
  app.decorate('caches', caches);
  const byTopic = {
    sessions: caches.actors,
    directory: caches.directory,
    funnel: caches.funnel,
    public: caches.public,
  };
  const cacheSync = await startCacheSync(
    deps.database,
    (topics) => {
      for (const topic of topics) byTopic[topic].clear();
    },
    app.log,
  );
  app.decorate('cacheSync', cacheSync);
  app.addHook('onClose', () => cacheSync.close());
  // No clearing on writes here: the database notifies, at commit, the caches a write made stale
  // (db/cache-triggers.ts), on this instance and on every other one.
  app.decorateRequest('actor', null);
  app.decorateRequest('locale', 'id');

  // Every API route must say who may call it; forgetting is a start-up error, not a silent hole.
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${route.method} ${route.url} declares no access`);
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      app.routeCatalogue.push({ method, url: route.url, access });
    }
  });

  // Synchronous hooks on the hot path: each async hook costs a promise per request.
  app.addHook('onRequest', (req, reply, done) => {
    req.locale = pickLocale(req.headers['accept-language']);
    reply.header('x-request-id', req.id);
    done();
  });

  // One multipart parser for every upload route; routes set their own limits (platform/uploads.ts).
  await app.register(fastifyMultipart, { throwFileSizeLimit: false });
  await app.register(fastifyCookie);
  registerSecurityHeaders(app, { https: config.cookieSecure });
  await registerRateLimits(app, config);
  await app.register(fastifySwagger, openApiOptions(config, deps.version));
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.setErrorHandler(errorHandler);
  app.addHook('preValidation', refuseNul);
  registerAuthHooks(app);
  await app.register(registerRoutes);

  const webDir = opts.webDir;
  const indexHtml = webDir ? path.join(webDir, 'index.html') : null;
  const hasWeb = indexHtml !== null && fs.existsSync(indexHtml);
  if (hasWeb && webDir) {
    await app.register(fastifyStatic, {
      root: webDir,
      // Looked up per request, so a rebuilt dist/web is served without a restart.
      wildcard: true,
      index: false,
      // The build writes .br and .gz beside each text file (scripts/vite-precompress.ts): send the
      // one the browser accepts, the file itself otherwise. Nothing is compressed per request.
      preCompressed: true,
      // Our own Cache-Control below (the plugin's default would overwrite it with max-age=0).
      cacheControl: false,
      setHeaders: (res, filePath) => {
        // The body depends on Accept-Encoding: a shared cache must keep one copy per encoding.
        res.setHeader('vary', 'accept-encoding');
        // Vite names assets by content hash: cache them for a year; the HTML never.
        if (filePath.includes(`${path.sep}assets${path.sep}`)) {
          res.setHeader('cache-control', 'public, max-age=31536000, immutable');
        }
      },
    });
  }

  if (hasWeb) {
    // The static plugin treats "/" as a directory without an index and refuses it (403), so the
    // home page is routed explicitly to the single-page app, like every other client route.
    app.get('/', (_req, reply) =>
      reply
        .header('cache-control', 'no-cache')
        .type('text/html')
        .sendFile('index.html', { cacheControl: false }),
    );
  }

  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.url === '/api') return sendError(req, reply, 'ROUTE_NOT_FOUND');
    if (hasWeb && (req.method === 'GET' || req.method === 'HEAD') && !req.url.startsWith('/assets/')) {
      // Client-side routes: the single-page app decides what to show.
      return reply
        .header('cache-control', 'no-cache')
        .type('text/html')
        .sendFile('index.html', { cacheControl: false });
    }
    return reply.code(404).type('text/plain').send('Not found');
  });

  return app;
}
