import type { MultipartFile } from '@fastify/multipart';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { visitFiles } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { type AuditContext, recordAudit } from '../../platform/audit';
import type { Actor } from '../../platform/auth/actor';
import type { FileStore } from '../../platform/storage';
import { storeEvidence } from '../evidence/evidence.service';
import { visitPolicy } from './visits.policy';
import { loadVisit } from './visits.service';

// A visit's photos and documents live in the visiting body's evidence locker; the visit links them.

/**
 * Stores an uploaded file for a visit. The upload is read only after the actor is known to see
 * the visit (404) and to be allowed to change it (403), hence the callback.
 */
export async function addVisitFile(
  db: Db,
  files: FileStore,
  actor: Actor,
  ctx: AuditContext,
  id: string,
  readPart: () => Promise<MultipartFile>,
) {
  const { parties } = await loadVisit(db, actor, id);
  if (!visitPolicy.can(actor, 'manageFiles', parties)) throw new AppError('FORBIDDEN');
  const part = await readPart();
  const { file } = await storeEvidence(db, files, actor, ctx, parties.visitor, {
    stream: part.file,
    filename: part.filename,
    truncated: () => part.file.truncated,
  });
  await db.transaction(async (tx) => {
    await tx.insert(visitFiles).values({ visitId: id, fileId: file.id }).onConflictDoNothing();
    await recordAudit(tx, ctx, {
      action: 'visit.file_added',
      entityType: 'visit',
      entityId: id,
      orgId: parties.visitor.id,
      summary: { fileId: file.id, name: file.name },
    });
  });
  return { id: file.id, name: file.name };
}

export async function removeVisitFile(db: Db, actor: Actor, ctx: AuditContext, id: string, fileId: string) {
  const { parties } = await loadVisit(db, actor, id);
  if (!visitPolicy.can(actor, 'manageFiles', parties)) throw new AppError('FORBIDDEN');
  await db.transaction(async (tx) => {
    const gone = await tx
      .delete(visitFiles)
      .where(and(eq(visitFiles.visitId, id), eq(visitFiles.fileId, fileId)))
      .returning();
    if (!gone.length) throw new AppError('NOT_FOUND');
    await recordAudit(tx, ctx, {
      action: 'visit.file_removed',
      entityType: 'visit',
      entityId: id,
      orgId: parties.visitor.id,
      summary: { fileId },
    });
  });
}
