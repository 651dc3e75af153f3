import { z } from 'zod';
import {
  levelBasisSchema,
  practiceSuggestionSchema,
  suggestionQuerySchema,
} from '../../../shared/contracts/adoptions';
import { paged } from '../../../shared/contracts/common';
import { orgParamsSchema } from '../../../shared/contracts/orgs';
import {
  practiceActorAbilitiesSchema,
  practiceBodySchema,
  practiceCreateSchema,
  practiceListItemSchema,
  practiceListQuerySchema,
  practiceSchema,
} from '../../../shared/contracts/practices';
import { routeOptions } from '../../platform/auth/route-access';
import type { App } from '../../platform/http-types';
import { auditContext, requireActor } from '../../platform/request-context';
import { sendEvidenceFile } from '../evidence/evidence.download';
import { listPractices } from './practices.queries';
import {
  catalogueAbilities,
  createPractice,
  getPractice,
  practiceFile,
  updatePractice,
} from './practices.service';
import { practiceSuggestions } from './practices.suggestions.service';

const tags = ['practices'];
const user = routeOptions('user', tags);
const open = routeOptions('public', tags);
const params = z.object({ id: z.uuid() });
const one = z.object({ data: practiceSchema });

export async function practiceRoutes(app: App) {
  const db = app.deps.database.db;

  app.get(
    '/practices',
    // The catalogue is public; a signed-in host also sees its own drafts with `status=`.
    open({
      description:
        'The catalogue of good practices (published ones; with `status=draft|archived`, the caller’s own hosts’ practices). Search `q` in title, summary and problem; filter by indicator, type, host code and province.',
      querystring: practiceListQuerySchema,
      response: { 200: paged(practiceListItemSchema) },
    }),
    async (req) => listPractices(db, req.actor, req.query),
  );

  app.get(
    '/practices/abilities',
    user({
      description:
        'Where the caller may act in the catalogue: the host bodies it publishes practices for (their mentors and admin) and the bodies it takes practices up for (their admin and operators).',
      response: { 200: z.object({ data: practiceActorAbilitiesSchema }) },
    }),
    async (req) => ({ data: await catalogueAbilities(db, requireActor(req)) }),
  );

  app.get(
    '/practices/:id',
    open({
      description:
        'One practice with its contacts, artefacts and change history. Drafts and archived practices are “not found” except for the host’s mentors and admin.',
      params,
      response: { 200: one },
    }),
    async (req) => ({ data: await getPractice(db, req.actor, req.params.id) }),
  );

  app.get(
    '/practices/:id/files/:fileId',
    open({
      description:
        'Downloads a document or template of a practice: anyone for a published practice, the host’s mentors and admin for a draft.',
      params: params.extend({ fileId: z.uuid() }),
    }),
    async (req, reply) => {
      const { file, published } = await practiceFile(db, req.actor, req.params.id, req.params.fileId);
      return sendEvidenceFile(
        reply,
        app.files,
        file,
        published ? 'public, max-age=300' : 'private, max-age=0',
      );
    },
  );

  app.post(
    '/practices',
    user({
      description:
        'Creates a practice of a host body (`hostCode`): its mentors and body admin, or a platform admin. Contacts must be mentors of the host; artefacts files in its evidence locker.',
      body: practiceCreateSchema,
      response: { 201: one },
    }),
    async (req, reply) => {
      const data = await createPractice(
        db,
        requireActor(req),
        auditContext(req),
        app.deps.config.assessmentFrameworkByYear,
        req.body,
      );
      return reply.code(201).send({ data });
    },
  );

  app.put(
    '/practices/:id',
    user({
      description:
        'Edits a practice (including publishing and archiving through `status`). `version` is the version the edit started from: a stale one answers 409 VERSION_CONFLICT. Each change is kept in the history.',
      params,
      body: practiceBodySchema,
      response: { 200: one },
    }),
    async (req) => ({
      data: await updatePractice(db, requireActor(req), auditContext(req), req.params.id, req.body),
    }),
  );

  app.get(
    '/orgs/:code/practice-suggestions',
    user({
      description:
        'Published practices ranked by how much they would lift the body’s index: Σ weight × max(0, practice level − body level) / 100 over their indicators, from the body’s latest official levels, else its latest submitted or accepted self-assessment, else level 1 everywhere (`basis` says which). Only practices and levels of one framework (`frameworkId`; by default that of the body’s latest levels, else the current year’s).',
      params: orgParamsSchema,
      querystring: suggestionQuerySchema,
      response: {
        200: z.object({
          frameworkId: z.string(),
          basis: levelBasisSchema,
          data: z.array(practiceSuggestionSchema),
        }),
      },
    }),
    async (req) =>
      practiceSuggestions(
        db,
        requireActor(req),
        app.deps.config.assessmentFrameworkByYear,
        req.params.code,
        req.query,
        req.locale,
      ),
  );
}
