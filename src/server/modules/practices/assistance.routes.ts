import { z } from 'zod';
import {
  assistanceCreateSchema,
  assistanceListQuerySchema,
  assistanceSchema,
  assistanceUpdateSchema,
} from '../../../shared/contracts/assistance';
import { paged } from '../../../shared/contracts/common';
import { orgParamsSchema } from '../../../shared/contracts/orgs';
import { routeOptions } from '../../platform/auth/route-access';
import type { App } from '../../platform/http-types';
import { auditContext, requireActor } from '../../platform/request-context';
import { listAssistance } from './assistance.queries';
import { requestAssistance, updateAssistance } from './assistance.service';

const tags = ['practices'];
const user = routeOptions('user', tags);
const one = z.object({ data: assistanceSchema });

export async function assistanceRoutes(app: App) {
  const db = app.deps.database.db;

  app.post(
    '/orgs/:code/assistance-requests',
    user({
      description:
        'The body (its admin or operators) asks a host for technical assistance, optionally about one of the host’s practices or its replication of it. The host’s mentors and admin are notified.',
      params: orgParamsSchema,
      body: assistanceCreateSchema,
      response: { 201: one },
    }),
    async (req, reply) => {
      const data = await requestAssistance(
        db,
        requireActor(req),
        auditContext(req),
        req.params.code,
        req.body,
      );
      return reply.code(201).send({ data });
    },
  );

  app.get(
    '/assistance-requests',
    user({
      description:
        'Assistance requests in the caller’s scope: a body its own, a host’s mentors and admin those sent to the host, province supervisors those of their province’s bodies, national roles all. Filter by requesting body (`org`), `host` and `status`.',
      querystring: assistanceListQuerySchema,
      response: { 200: paged(assistanceSchema) },
    }),
    async (req) => listAssistance(db, requireActor(req), req.query),
  );

  app.patch(
    '/assistance-requests/:id',
    user({
      description:
        'The host’s mentors and admin answer a request: status, assigned mentor (a mentor of the host) and response. The first update stamps the first response; resolved/closed stamps the resolution. Both sides are notified.',
      params: z.object({ id: z.uuid() }),
      body: assistanceUpdateSchema,
      response: { 200: one },
    }),
    async (req) => ({
      data: await updateAssistance(db, requireActor(req), auditContext(req), req.params.id, req.body),
    }),
  );
}
