import { z } from 'zod';
import { okSchema, pageQuerySchema, paginationSchema } from '../../../shared/contracts/common';
import { orgParamsSchema } from '../../../shared/contracts/orgs';
import { pagination } from '../../db/query-helpers';
import { AppError } from '../../platform/app-error';
import type { App } from '../../platform/http-types';
import { auditContext, requireActor } from '../../platform/request-context';
import { requireFilePart } from '../../platform/uploads';
import { inOrgScope } from '../orgs/orgs.policy';
import { findOrgById } from '../orgs/orgs.queries';
import { getOrgInScope } from '../orgs/orgs.service';
import { canUploadEvidence } from './evidence.policy';
import {
  findEvidence,
  listEvidence,
  presentEvidence,
  setEvidenceLink,
  storeEvidence,
} from './evidence.service';
import { MAX_EVIDENCE_BYTES } from './evidence.types';
import { sendEvidenceFile } from './evidence-download';

const tags = ['evidence'];
const evidenceSchema = z.object({
  id: z.string(),
  name: z.string(),
  mime: z.string(),
  size: z.number(),
  sha256: z.string(),
  isSample: z.boolean(),
  createdAt: z.string(),
  uploadedBy: z.string().nullable(),
  links: z.number().int(),
});
const linkParams = z.object({
  id: z.uuid(),
  indicator: z.coerce.number().int().positive(),
});

export async function evidenceRoutes(app: App) {
  const db = app.deps.database.db;

  app.post(
    '/orgs/:code/evidence',
    {
      config: { access: 'user' },
      schema: {
        tags,
        description:
          'multipart/form-data with one `file` (PDF, PNG/JPEG/WebP/GIF, or an office document; at most 25 MB). The type is read from the content. The same bytes are stored once per body: a repeated upload answers 200 with `duplicate: true`.',
        params: orgParamsSchema,
        response: {
          200: z.object({ data: evidenceSchema, duplicate: z.literal(true) }),
          201: z.object({ data: evidenceSchema, duplicate: z.literal(false) }),
        },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const org = await getOrgInScope(db, actor, req.params.code);
      if (!canUploadEvidence(actor, org)) throw new AppError('FORBIDDEN');
      const part = await requireFilePart(req, MAX_EVIDENCE_BYTES);
      const { file, duplicate } = await storeEvidence(db, app.files, actor, auditContext(req), org, {
        stream: part.file,
        filename: part.filename,
        truncated: () => part.file.truncated,
      });
      return reply.code(duplicate ? 200 : 201).send({ data: presentEvidence(file), duplicate } as never);
    },
  );

  app.get(
    '/orgs/:code/evidence',
    {
      config: { access: 'user' },
      schema: {
        tags,
        params: orgParamsSchema,
        querystring: pageQuerySchema.extend({ q: z.string().trim().max(200).optional() }),
        response: {
          200: z.object({
            data: z.array(evidenceSchema),
            pagination: paginationSchema,
            abilities: z.object({ upload: z.boolean() }),
          }),
        },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const org = await getOrgInScope(db, actor, req.params.code);
      const { rows, total } = await listEvidence(db, org.id, req.query);
      return {
        data: rows,
        pagination: pagination(req.query, total),
        abilities: { upload: canUploadEvidence(actor, org) },
      };
    },
  );

  app.get(
    '/evidence/:id/download',
    {
      config: { access: 'user' },
      schema: { tags, params: z.object({ id: z.uuid() }) },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const file = await findEvidence(db, req.params.id);
      const org = file ? await findOrgById(db, file.orgId) : null;
      if (!file || !org || !inOrgScope(actor, org)) throw new AppError('NOT_FOUND');
      return sendEvidenceFile(reply, app.files, file);
    },
  );

  app.post(
    '/assessments/:id/items/:indicator/evidence',
    {
      config: { access: 'user' },
      schema: { tags, params: linkParams, body: z.object({ fileId: z.uuid() }), response: { 200: okSchema } },
    },
    async (req) => {
      await setEvidenceLink(db, requireActor(req), auditContext(req), {
        assessmentId: req.params.id,
        indicator: req.params.indicator,
        fileId: req.body.fileId,
        linked: true,
      });
      return { ok: true as const };
    },
  );

  app.delete(
    '/assessments/:id/items/:indicator/evidence/:fileId',
    {
      config: { access: 'user' },
      schema: { tags, params: linkParams.extend({ fileId: z.uuid() }), response: { 200: okSchema } },
    },
    async (req) => {
      await setEvidenceLink(db, requireActor(req), auditContext(req), {
        assessmentId: req.params.id,
        indicator: req.params.indicator,
        fileId: req.params.fileId,
        linked: false,
      });
      return { ok: true as const };
    },
  );
}
