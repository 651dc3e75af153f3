import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { registerAuthHooks } from './platform/auth/auth-hooks';
import { errorHandler, sendError } from './platform/error-handler';
import type { App, Deps } from './platform/http-types';
import { pickLocale } from './platform/request-context';
import { registerRoutes } from './routes';

export type BuildOptions = {
  /** Folder with the built web app (index.html); not served when absent. */
  webDir?: string;
  logger?: boolean;
};

export async function buildApp(deps: Deps, opts: BuildOptions = {}): Promise<App> {
  const { config } = deps;
  const app = Fastify({
    logger: opts.logger === false ? false : { level: config.logLevel },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    },
    ajv: undefined,
  }).withTypeProvider<ZodTypeProvider>() as unknown as App;

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('deps', deps);
  app.decorate('routeCatalogue', []);
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

  app.addHook('onRequest', async (req, reply) => {
    req.locale = pickLocale(req.headers['accept-language']);
    reply.header('x-request-id', req.id);
  });

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine sets CSS variables through style elements and attributes.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: config.cookieSecure ? [] : null,
      },
    },
    hsts: config.cookieSecure,
  });
  await app.register(fastifyRateLimit, {
    global: true,
    max: config.rateLimitPerMinute,
    timeWindow: '1 minute',
    errorResponseBuilder: (_req, ctx) => ({ statusCode: 429, message: `retry in ${ctx.after}` }),
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Living Lab SPBE API',
        description:
          'Indonesia Digital Services Living Lab. JSON under /api/v1. Authenticate with POST /api/v1/auth/login ' +
          '(session cookie); send the returned csrfToken as the X-CSRF-Token header on every write.',
        version: deps.version,
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'll_session' } },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.setErrorHandler(errorHandler);
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
      setHeaders: (res, filePath) => {
        // Vite names assets by content hash: cache them for a year; the HTML never.
        if (filePath.includes(`${path.sep}assets${path.sep}`)) {
          res.setHeader('cache-control', 'public, max-age=31536000, immutable');
        }
      },
    });
  }

  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.url === '/api') return sendError(req, reply, 'ROUTE_NOT_FOUND');
    if (hasWeb && (req.method === 'GET' || req.method === 'HEAD') && !req.url.startsWith('/assets/')) {
      // Client-side routes: the single-page app decides what to show.
      return reply.header('cache-control', 'no-cache').type('text/html').sendFile('index.html');
    }
    return reply.code(404).type('text/plain').send('Not found');
  });

  return app;
}
