import { z } from 'zod';
import {
  nationalOverviewSchema,
  provinceOverviewSchema,
  provinceParamsSchema,
  regionsQuerySchema,
  regionsSchema,
  simulationSchema,
} from '../../../shared/contracts/supervision';
import { routeOptions } from '../../platform/auth/route-access';
import type { App } from '../../platform/http-types';
import { requireActor } from '../../platform/request-context';
import { nationalOverview, provinceOverview, provinceSimulation, regionValues } from './supervision.service';

const tags = ['supervision'];
const user = routeOptions('user', tags);
const json = 'application/json; charset=utf-8';

export async function supervisionRoutes(app: App) {
  const db = app.deps.database.db;

  app.get(
    '/supervision/national',
    user({
      description:
        'The national supervisors’ cockpit (national supervisors and platform admins): the headline (cohort; followed up, following the host’s path and improved, as GET /funnel counts them; the mean latest index), one row per province (its bodies, the follow-up measure of its scope, its mean latest index: the values of the national map), the monthly follow-up trend and the mean index per evaluation year, with definitions in words (id/en).',
      response: { 200: z.object({ data: nationalOverviewSchema }) },
    }),
    async (req, reply) => {
      const body = await nationalOverview(db, app.caches.funnel, requireActor(req));
      // A string is sent as it is; the schema above documents its shape.
      return reply.type(json).send(body as never);
    },
  );

  app.get(
    '/supervision/regions',
    user({
      description:
        'Map values of kab/kota: for each, the furthest follow-up milestone it reached (or not joined, joined, host) and its latest index (year and source). `province=32` gives one province (its own supervisors too); without it, all 514 (national supervisors and platform admins).',
      querystring: regionsQuerySchema,
      response: { 200: z.object({ data: regionsSchema }) },
    }),
    async (req, reply) => {
      const body = await regionValues(db, app.caches.funnel, requireActor(req), req.query);
      return reply.type(json).send(body as never);
    },
  );

  app.get(
    '/supervision/provinces/:code',
    user({
      description:
        'A province supervisor’s cockpit (its own supervisors, national supervisors, platform admins): the headline of the province scope, the mean latest index, every body (province government and kab/kota) with its map values, follow-up, path progress, days idle, items past due, missed follow-up obligations and whether it is stalled, and the trends.',
      params: provinceParamsSchema,
      response: { 200: z.object({ data: provinceOverviewSchema }) },
    }),
    async (req) => ({
      data: await provinceOverview(db, requireActor(req), req.params.code, req.locale),
    }),
  );

  app.get(
    '/supervision/provinces/:code/simulation',
    user({
      description:
        'The group simulation’s basis: each body of the province with its latest index and its index if every level target of its approved action plans were reached (the latest index plus the rise the framework engine scores on its newest levels with the targets reached). The province’s average for any chosen group is the mean of the chosen bodies’ planned and the others’ latest indices.',
      params: provinceParamsSchema,
      response: { 200: z.object({ data: simulationSchema }) },
    }),
    async (req) => ({ data: await provinceSimulation(db, requireActor(req), req.params.code) }),
  );
}
