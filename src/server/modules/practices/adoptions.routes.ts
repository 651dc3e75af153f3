import { z } from 'zod';
import {
  adoptionCreateSchema,
  adoptionSchema,
  adoptionStages,
  followersSchema,
} from '../../../shared/contracts/adoptions';
import { orgParamsSchema } from '../../../shared/contracts/orgs';
import { routeOptions } from '../../platform/auth/route-access';
import type { App } from '../../platform/http-types';
import { auditContext, requireActor } from '../../platform/request-context';
import { sendEvidenceFile } from '../evidence/evidence.download';
import { adoptionFile, followersOf, getAdoption, listOrgAdoptions } from './adoptions.reads.service';
import { createAdoption, moveAdoption } from './adoptions.service';

const tags = ['practices'];
const user = routeOptions('user', tags);
const params = z.object({ id: z.uuid() });
const one = z.object({ data: adoptionSchema });

export async function adoptionRoutes(app: App) {
  const db = app.deps.database.db;

  app.get(
    '/orgs/:code/adoptions',
    user({
      description: 'The practices the body replicates, with their stages and timelines.',
      params: orgParamsSchema,
      response: { 200: z.object({ data: z.array(adoptionSchema) }) },
    }),
    async (req) => ({ data: await listOrgAdoptions(db, requireActor(req), req.params.code) }),
  );

  app.post(
    '/orgs/:code/adoptions',
    user({
      description:
        'The body takes up a published practice (stage `interested`); its admin or operators, or a platform admin. With `createItems`, one plan item per indicator the practice lifts is added to the given plan, else the body’s newest draft plan, else a new plan for the current year.',
      params: orgParamsSchema,
      body: adoptionCreateSchema,
      response: { 201: one },
    }),
    async (req, reply) => {
      const data = await createAdoption(
        db,
        requireActor(req),
        auditContext(req),
        app.deps.config.assessmentFrameworkByYear,
        req.params.code,
        req.body,
      );
      return reply.code(201).send({ data });
    },
  );

  app.get(
    '/adoptions/:id',
    user({
      description:
        'One replication with its timeline: the adopting body’s scope, or the host’s mentors and admin.',
      params,
      response: { 200: one },
    }),
    async (req) => ({ data: await getAdoption(db, requireActor(req), req.params.id) }),
  );

  app.get(
    '/adoptions/:id/files/:fileId',
    user({
      description:
        'Downloads the signed MoU/PKS or the proof of going live of a replication: the adopting body’s scope, or the host’s mentors and admin.',
      params: params.extend({ fileId: z.uuid() }),
    }),
    async (req, reply) =>
      sendEvidenceFile(
        reply,
        app.files,
        await adoptionFile(db, requireActor(req), req.params.id, req.params.fileId),
      ),
  );

  app.post(
    '/adoptions/:id/transitions/:stage',
    user({
      description:
        'Moves the replication along interested → agreed → adapting → live → measured (or dropped, with a reason). The body depends on the stage: agreed needs the MoU/PKS (numbers, parties, dates, signed document from the body’s evidence locker); live a URL or evidence; measured levels before/after; dropped a reason.',
      params: params.extend({ stage: z.enum(adoptionStages) }),
      // Validated per stage by the service (adoptionTransitionBodies); a move without a note may send none.
      body: z.record(z.string(), z.unknown()).nullish(),
      response: { 200: one },
    }),
    async (req) => ({
      data: await moveAdoption(
        db,
        requireActor(req),
        auditContext(req),
        req.params.id,
        req.params.stage,
        req.body,
      ),
    }),
  );

  app.get(
    '/orgs/:code/followers',
    user({
      description:
        'A host’s followers: each body replicating its practices (stage and since when) or with an open assistance request, and the count per stage. The host’s mentors and admin, its province supervisor, national supervisors and platform admins.',
      params: orgParamsSchema,
      response: { 200: z.object({ data: followersSchema }) },
    }),
    async (req) => ({ data: await followersOf(db, requireActor(req), req.params.code) }),
  );
}
