import helmet from 'helmet';
import type { App } from './http-types';

// Security headers. Pages and static files get helmet's full set, configured once (@fastify/helmet
// builds the middleware anew on every request, ~4% of the directory read's CPU in profiles).
// JSON API responses get the set OWASP recommends for REST APIs: they are never rendered as a
// document, must not be cached (they carry private data) and must not be framed or sniffed.
export function registerSecurityHeaders(app: App, opts: { https: boolean }) {
  const apply = helmet({
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
        upgradeInsecureRequests: opts.https ? [] : null,
      },
    },
    strictTransportSecurity: opts.https,
    xFrameOptions: { action: 'deny' },
  });
  const apiHeaders: Record<string, string> = {
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'x-content-type-options': 'nosniff',
    // No X-Frame-Options or Referrer-Policy here: frame-ancestors covers framing, and a JSON body
    // has no links to leak a referrer through. Each header costs validation on every response.
    ...(opts.https ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
  // The built scripts and styles are never a document: the page's policy (CSP, framing, referrer)
  // does not apply to them. Helmet's full set is ~900 bytes per answer, which on HTTP/1.1 (no
  // header compression) added ~25 KB to the login page's 30 files on a slow connection.
  const assetHeaders: Record<string, string> = {
    'x-content-type-options': 'nosniff',
    'cross-origin-resource-policy': 'same-origin',
    ...(opts.https ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
  app.addHook('onRequest', (req, reply, done) => {
    if (req.routeOptions.config?.access && req.url !== '/api/openapi.json') {
      reply.headers(apiHeaders);
      return done();
    }
    if (req.url.startsWith('/assets/')) {
      reply.headers(assetHeaders);
      return done();
    }
    apply(req.raw, reply.raw, (err?: unknown) => done(err as Error | undefined));
  });
}
