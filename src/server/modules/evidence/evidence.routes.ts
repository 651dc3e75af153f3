import { okSchema } from '../../../shared/contracts/common';
import {
  evidenceLinkBodySchema,
  evidenceListQuerySchema,
  evidenceListReplySchema,
  evidenceParamsSchema,
  evidenceUploadReplySchemas,
  indicatorFileParamsSchema,
  indicatorLinkParamsSchema,
} from '../../../shared/contracts/evidence';
import { orgParamsSchema } from '../../../shared/contracts/orgs';
import { routeOptions } from '../../platform/auth/route-access';
import type { App } from '../../platform/http-types';
import { auditContext, requireActor } from '../../platform/request-context';
import { requireFilePart } from '../../platform/uploads';
import { sendEvidenceFile } from './evidence.download';
import { MAX_EVIDENCE_BYTES } from './evidence.files';
import { setEvidenceLink } from './evidence.links.service';
import { presentEvidence } from './evidence.presenter';
import { findReadableEvidence, listBodyEvidence, uploadEvidence } from './evidence.service';

// Every locker route is for signed-in users, under one OpenAPI tag.
const evidenceRoute = routeOptions('user', ['evidence']);

export async function evidenceRoutes(app: App) {
  const db = app.deps.database.db;

  app.post(
    '/orgs/:code/evidence',
    evidenceRoute({
      description:
        'multipart/form-data with one `file` (PDF, PNG/JPEG/WebP/GIF, or an office document; at most 25 MB). The type is read from the content. The same bytes are stored once per body: a repeated upload answers 200 with `duplicate: true`.',
      params: orgParamsSchema,
      response: evidenceUploadReplySchemas,
    }),
    async (req, reply) => {
      const { file, duplicate } = await uploadEvidence(
        db,
        app.files,
        requireActor(req),
        auditContext(req),
        req.params.code,
        async () => {
          const part = await requireFilePart(req, MAX_EVIDENCE_BYTES);
          return { stream: part.file, filename: part.filename, truncated: () => part.file.truncated };
        },
      );
      return reply.code(duplicate ? 200 : 201).send({ data: presentEvidence(file), duplicate } as never);
    },
  );

  app.get(
    '/orgs/:code/evidence',
    evidenceRoute({
      params: orgParamsSchema,
      querystring: evidenceListQuerySchema,
      response: { 200: evidenceListReplySchema },
    }),
    async (req) => listBodyEvidence(db, requireActor(req), req.params.code, req.query),
  );

  app.get('/evidence/:id/download', evidenceRoute({ params: evidenceParamsSchema }), async (req, reply) =>
    sendEvidenceFile(reply, app.files, await findReadableEvidence(db, requireActor(req), req.params.id)),
  );

  app.post(
    '/assessments/:id/items/:indicator/evidence',
    evidenceRoute({
      params: indicatorLinkParamsSchema,
      body: evidenceLinkBodySchema,
      response: { 200: okSchema },
    }),
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
    evidenceRoute({ params: indicatorFileParamsSchema, response: { 200: okSchema } }),
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
