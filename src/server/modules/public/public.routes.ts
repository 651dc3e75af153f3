import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  formatQuerySchema,
  formatSuffixSchema,
  OPEN_DATA_LICENCE,
  publicBodiesQuerySchema,
  publicBodiesReplySchema,
  publicBodyParamsSchema,
  publicBodyReplySchema,
  publicProvincesReplySchema,
  publicSummaryReplySchema,
} from '../../../shared/contracts/public';
import { routeOptions } from '../../platform/auth/route-access';
import { attachment } from '../../platform/file-names';
import type { App } from '../../platform/http-types';
import {
  type OpenDataContext,
  type OpenDataFile,
  openBodies,
  openBody,
  openProvinces,
  openSummary,
} from './public.service';

const tags = ['public portal & open data'];
// Out of the signed-in budget: the open data has its own per-minute limit (the hook below).
const open = routeOptions('public', tags, { rateLimit: false, rateLimitBudget: 'open-data' });
/** How long browsers and proxies may keep an answer; ETag revalidation makes the next one cheap. */
const MAX_AGE_SECONDS = 300;

const licenceNote = `Licence: ${OPEN_DATA_LICENCE.name} (${OPEN_DATA_LICENCE.url}), attribution “${OPEN_DATA_LICENCE.attribution}”; see docs/OPEN-DATA.md. JSON by default; CSV with \`?format=csv\` or the \`.csv\` suffix (UTF-8 with BOM, formula-safe). Cached: Cache-Control public max-age=${MAX_AGE_SECONDS} and an ETag (If-None-Match → 304). Anonymous callers are limited per address, signed-in ones per session, apart from the signed-in API's limit.`;

/** Does If-None-Match name this tag (or "*")? Weak comparison, as RFC 9110 asks for GET. */
function fresh(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag.replace(/^W\//, '') === etag;
  });
}

function send(req: FastifyRequest, reply: FastifyReply, file: OpenDataFile) {
  reply
    .header('cache-control', `public, max-age=${MAX_AGE_SECONDS}`)
    .header('etag', file.etag)
    .header('link', `<${OPEN_DATA_LICENCE.url}>; rel="license"`)
    // Open data may be read by any site's scripts; no credentials are ever honoured cross-origin.
    .header('access-control-allow-origin', '*');
  if (fresh(req.headers['if-none-match'], file.etag)) {
    reply.code(304).send();
    return;
  }
  if (file.format === 'csv')
    reply.type('text/csv; charset=utf-8').header('content-disposition', attachment(file.name));
  else reply.type('application/json; charset=utf-8');
  // A ready string is sent as it is; the schemas document its shape.
  reply.send(file.body);
}

export async function publicRoutes(app: App) {
  const { config } = app.deps;
  const ctx: OpenDataContext = {
    db: app.deps.database.db,
    cache: app.caches.public,
    sampleData: config.sampleData,
    publicUrl: config.publicUrl,
  };
  // One budget for every open-data route (a shared store), keyed like the rest: per session when
  // signed in, per address otherwise (platform/rate-limits.ts).
  const limited = {
    onRequest: app.rateLimit({ max: config.publicRateLimitPerMinute, timeWindow: '1 minute' }),
  };

  const summary = {
    description: `The national follow-up figures of the Living Lab: the directory, the bodies that learned (cohort), followed up, following the host’s path, improved (official results), each milestone, the monthly trend, hosts and published practices, with the definitions in Bahasa Indonesia and English. ${licenceNote}`,
    response: { 200: publicSummaryReplySchema },
  };
  app.get(
    '/public/summary',
    { ...limited, ...open({ ...summary, querystring: formatQuerySchema }) },
    async (req, reply) => {
      send(req, reply, await openSummary(ctx, req.query.format));
      return reply;
    },
  );
  app.get(
    '/public/summary.:format',
    { ...limited, ...open({ ...summary, params: formatSuffixSchema }) },
    async (req, reply) => {
      send(req, reply, await openSummary(ctx, req.params.format));
      return reply;
    },
  );

  const provinces = {
    description: `Each province’s figures: its kabupaten/kota in the directory, the bodies that learned and the headline (followed up, following the host’s path, improved) as counts and percent of them. ${licenceNote}`,
    response: { 200: publicProvincesReplySchema },
  };
  app.get(
    '/public/provinces',
    { ...limited, ...open({ ...provinces, querystring: formatQuerySchema }) },
    async (req, reply) => {
      send(req, reply, await openProvinces(ctx, req.query.format));
      return reply;
    },
  );
  app.get(
    '/public/provinces.:format',
    { ...limited, ...open({ ...provinces, params: formatSuffixSchema }) },
    async (req, reply) => {
      send(req, reply, await openProvinces(ctx, req.params.format));
      return reply;
    },
  );

  const bodies = {
    description: `The bodies of the directory with their public facts: joined or not, the milestones’ dates, a valid commitment signature, the latest official result. Search \`q\` (name or code), filter by type, province and joined. JSON is paged; the CSV holds every match. ${licenceNote}`,
    response: { 200: publicBodiesReplySchema },
  };
  app.get(
    '/public/bodies',
    { ...limited, ...open({ ...bodies, querystring: publicBodiesQuerySchema }) },
    async (req, reply) => {
      send(req, reply, await openBodies(ctx, req.query));
      return reply;
    },
  );
  app.get(
    '/public/bodies.:format',
    {
      ...limited,
      ...open({
        ...bodies,
        params: formatSuffixSchema,
        querystring: publicBodiesQuerySchema.omit({ format: true }),
      }),
    },
    async (req, reply) => {
      send(req, reply, await openBodies(ctx, { ...req.query, format: req.params.format }));
      return reply;
    },
  );

  app.get(
    '/public/bodies/:code',
    {
      ...limited,
      ...open({
        description: `One body’s public page: its public facts, published official results, valid commitment signatures with the link that verifies each, the published practices it hosts and those it replicates (agreed or further). Never its users, drafts, evidence or self-assessed levels. \`/public/bodies/32.11.csv\` for CSV (one row per fact). ${licenceNote}`,
        params: publicBodyParamsSchema,
        querystring: formatQuerySchema,
        response: { 200: publicBodyReplySchema },
      }),
    },
    async (req, reply) => {
      send(req, reply, await openBody(ctx, req.params.code, req.query.format));
      return reply;
    },
  );
}
