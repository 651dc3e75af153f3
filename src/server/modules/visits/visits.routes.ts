import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { okSchema, paginationSchema } from '../../../shared/contracts/common';
import { visitBodySchema, visitListQuerySchema, visitSchema } from '../../../shared/schemas/visits';
import { pagination } from '../../db/query-helpers';
import { visitFiles, visits } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { recordAudit } from '../../platform/audit';
import type { App } from '../../platform/http-types';
import { auditContext, requireActor } from '../../platform/request-context';
import { requireFilePart } from '../../platform/uploads';
import { MAX_EVIDENCE_BYTES } from '../evidence/evidence.files';
import { storeEvidence } from '../evidence/evidence.service';
import { findOrgById } from '../orgs/orgs.queries';
import { canRecordVisit } from './visits.policy';
import { findVisit, listVisits } from './visits.queries';
import { createVisit, deleteVisit, updateVisit } from './visits.service';

const tags = ['visits and programmes'];
const params = z.object({ id: z.uuid() });

export async function visitRoutes(app: App) {
  const db = app.deps.database.db;

  /** The visit (404 outside scope) with the parties and whether the actor may change it. */
  async function visitFor(req: { actor: unknown }, id: string) {
    const actor = requireActor(req as never);
    const visit = await findVisit(db, actor, id);
    if (!visit) throw new AppError('NOT_FOUND');
    const [row] = await db.select().from(visits).where(eq(visits.id, id));
    const [host, visitor] = await Promise.all([
      findOrgById(db, row!.hostOrgId),
      findOrgById(db, row!.visitorOrgId),
    ]);
    return { actor, visit, host: host!, visitor: visitor!, canEdit: canRecordVisit(actor, host!, visitor!) };
  }

  app.get(
    '/visits',
    {
      config: { access: 'user' },
      schema: {
        tags,
        querystring: visitListQuerySchema,
        response: { 200: z.object({ data: z.array(visitSchema), pagination: paginationSchema }) },
      },
    },
    async (req) => {
      const { rows, total } = await listVisits(db, requireActor(req), req.query);
      return { data: rows, pagination: pagination(req.query, total) };
    },
  );

  app.post(
    '/visits',
    {
      config: { access: 'user' },
      schema: {
        tags,
        description:
          'Records a study visit. The visiting body gets a follow-up obligation (baseline assessment and approved plan within the programme’s days, default 60 after the visit) and the host’s mentors become its mentors.',
        body: visitBodySchema,
        response: { 201: z.object({ data: visitSchema }) },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const v = await createVisit(db, actor, auditContext(req), req.body);
      return reply.code(201).send({ data: (await findVisit(db, actor, v.id))! });
    },
  );

  app.get(
    '/visits/:id',
    {
      config: { access: 'user' },
      schema: {
        tags,
        params,
        response: { 200: z.object({ data: visitSchema, abilities: z.object({ update: z.boolean() }) }) },
      },
    },
    async (req) => {
      const { visit, canEdit } = await visitFor(req, req.params.id);
      return { data: visit, abilities: { update: canEdit } };
    },
  );

  app.put(
    '/visits/:id',
    {
      config: { access: 'user' },
      schema: { tags, params, body: visitBodySchema, response: { 200: z.object({ data: visitSchema }) } },
    },
    async (req) => {
      const { actor } = await visitFor(req, req.params.id);
      await updateVisit(db, actor, auditContext(req), req.params.id, req.body);
      return { data: (await findVisit(db, actor, req.params.id))! };
    },
  );

  app.delete(
    '/visits/:id',
    { config: { access: 'user' }, schema: { tags, params, response: { 200: okSchema } } },
    async (req) => {
      const { actor } = await visitFor(req, req.params.id);
      await deleteVisit(db, actor, auditContext(req), req.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    '/visits/:id/files',
    {
      config: { access: 'user' },
      schema: {
        tags,
        description:
          'Photos and documents of the visit (multipart `file`, same rules as evidence); kept in the visiting body’s evidence locker.',
        params,
        response: { 201: z.object({ data: z.object({ id: z.string(), name: z.string() }) }) },
      },
    },
    async (req, reply) => {
      const { actor, visitor, canEdit } = await visitFor(req, req.params.id);
      if (!canEdit) throw new AppError('FORBIDDEN');
      const part = await requireFilePart(req, MAX_EVIDENCE_BYTES);
      const { file } = await storeEvidence(db, app.files, actor, auditContext(req), visitor, {
        stream: part.file,
        filename: part.filename,
        truncated: () => part.file.truncated,
      });
      await db.transaction(async (tx) => {
        await tx.insert(visitFiles).values({ visitId: req.params.id, fileId: file.id }).onConflictDoNothing();
        await recordAudit(tx, auditContext(req), {
          action: 'visit.file_added',
          entityType: 'visit',
          entityId: req.params.id,
          orgId: visitor.id,
          summary: { fileId: file.id, name: file.name },
        });
      });
      return reply.code(201).send({ data: { id: file.id, name: file.name } });
    },
  );

  app.delete(
    '/visits/:id/files/:fileId',
    {
      config: { access: 'user' },
      schema: { tags, params: params.extend({ fileId: z.uuid() }), response: { 200: okSchema } },
    },
    async (req) => {
      const { visitor, canEdit } = await visitFor(req, req.params.id);
      if (!canEdit) throw new AppError('FORBIDDEN');
      await db.transaction(async (tx) => {
        const gone = await tx
          .delete(visitFiles)
          .where(and(eq(visitFiles.visitId, req.params.id), eq(visitFiles.fileId, req.params.fileId)))
          .returning();
        if (!gone.length) throw new AppError('NOT_FOUND');
        await recordAudit(tx, auditContext(req), {
          action: 'visit.file_removed',
          entityType: 'visit',
          entityId: req.params.id,
          orgId: visitor.id,
          summary: { fileId: req.params.fileId },
        });
      });
      return { ok: true as const };
    },
  );
}
