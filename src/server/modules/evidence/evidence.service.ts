import type { Readable } from 'node:stream';
import { and, count, desc, eq, ilike, type SQL } from 'drizzle-orm';
import { fileTypeFromFile } from 'file-type';
import type { Db, DbOrTx } from '../../db/client';
import { escapeLike } from '../../db/query-helpers';
import { assessmentItems, evidenceFiles, evidenceLinks, users } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { type AuditContext, recordAudit } from '../../platform/audit';
import type { Actor } from '../../platform/auth/actor';
import type { FileStore } from '../../platform/storage';
import { canEditAssessment, editableIn } from '../assessments/assessments.policy';
import { loadAssessment } from '../assessments/assessments.service';
import type { OrgRef } from '../orgs/orgs.policy';
import { cleanFileName, isAllowedEvidenceMime } from './evidence.types';

export type EvidenceRow = typeof evidenceFiles.$inferSelect;

export function presentEvidence(f: EvidenceRow, extra: { uploadedBy?: string | null; links?: number } = {}) {
  return {
    id: f.id,
    name: f.name,
    mime: f.mime,
    size: f.size,
    sha256: f.sha256,
    isSample: f.isSample,
    createdAt: f.createdAt.toISOString(),
    uploadedBy: extra.uploadedBy ?? null,
    links: extra.links ?? 0,
  };
}

/**
 * Stores an upload for a body. The type comes from the content; the same bytes are stored once
 * per body (a second upload returns the first record, marked as a duplicate).
 */
export async function storeEvidence(
  db: Db,
  files: FileStore,
  actor: Actor,
  ctx: AuditContext,
  org: OrgRef,
  upload: { stream: Readable; filename: string; truncated: () => boolean },
) {
  // The caller has decided that the actor may add files for this body.
  const received = await files.receive(upload.stream);
  try {
    if (upload.truncated()) throw new AppError('PAYLOAD_TOO_LARGE', { maxBytes: 25 * 1024 * 1024 });
    if (received.size === 0) throw new AppError('FILE_EMPTY');
    const type = await fileTypeFromFile(received.tempPath);
    if (!isAllowedEvidenceMime(type?.mime)) {
      throw new AppError('FILE_TYPE_NOT_ALLOWED', { detected: type?.mime ?? 'unknown' });
    }
    const [existing] = await db
      .select()
      .from(evidenceFiles)
      .where(and(eq(evidenceFiles.orgId, org.id), eq(evidenceFiles.sha256, received.sha256)));
    if (existing) {
      await files.discard(received.tempPath);
      return { file: existing, duplicate: true };
    }
    const storageKey = `evidence/${org.id}/${received.sha256}`;
    await files.commit(received.tempPath, storageKey);
    const file = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(evidenceFiles)
        .values({
          orgId: org.id,
          sha256: received.sha256,
          name: cleanFileName(upload.filename),
          mime: type.mime,
          size: received.size,
          storageKey,
          uploadedBy: actor.userId,
        })
        .onConflictDoNothing()
        .returning();
      if (!row) return null; // the same file arrived concurrently
      await recordAudit(tx, ctx, {
        action: 'evidence.uploaded',
        entityType: 'evidence',
        entityId: row.id,
        orgId: org.id,
        summary: { name: row.name, mime: row.mime, size: row.size, sha256: row.sha256 },
      });
      return row;
    });
    if (file) return { file, duplicate: false };
    const [winner] = await db
      .select()
      .from(evidenceFiles)
      .where(and(eq(evidenceFiles.orgId, org.id), eq(evidenceFiles.sha256, received.sha256)));
    return { file: winner!, duplicate: true };
  } catch (err) {
    await files.discard(received.tempPath);
    throw err;
  }
}

export async function listEvidence(
  db: DbOrTx,
  orgId: string,
  q: { q?: string; page: number; pageSize: number },
) {
  const where: SQL[] = [eq(evidenceFiles.orgId, orgId)];
  if (q.q) where.push(ilike(evidenceFiles.name, `%${escapeLike(q.q)}%`));
  const cond = and(...where);
  const [rows, [total]] = await Promise.all([
    db
      .select({ f: evidenceFiles, uploadedBy: users.name, links: count(evidenceLinks.fileId) })
      .from(evidenceFiles)
      .leftJoin(users, eq(users.id, evidenceFiles.uploadedBy))
      .leftJoin(evidenceLinks, eq(evidenceLinks.fileId, evidenceFiles.id))
      .where(cond)
      .groupBy(evidenceFiles.id, users.name)
      .orderBy(desc(evidenceFiles.createdAt), evidenceFiles.id)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(evidenceFiles).where(cond),
  ]);
  return {
    rows: rows.map((r) => presentEvidence(r.f, { uploadedBy: r.uploadedBy, links: r.links })),
    total: total?.n ?? 0,
  };
}

export async function findEvidence(db: DbOrTx, id: string) {
  const [row] = await db.select().from(evidenceFiles).where(eq(evidenceFiles.id, id));
  return row ?? null;
}

/** Links (or unlinks) a body's file to an indicator of one of its assessments. */
export async function setEvidenceLink(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  input: { assessmentId: string; indicator: number; fileId: string; linked: boolean },
) {
  return db.transaction(async (tx) => {
    const { assessment, org, framework } = await loadAssessment(tx, actor, input.assessmentId, 'share');
    if (!canEditAssessment(actor, org)) throw new AppError('FORBIDDEN');
    if (!framework.indicators.some((i) => i.number === input.indicator)) throw new AppError('NOT_FOUND');
    const file = await findEvidence(tx, input.fileId);
    if (!file || file.orgId !== org.id) throw new AppError('NOT_FOUND');
    const [item] = await tx
      .select({ reopened: assessmentItems.reopened })
      .from(assessmentItems)
      .where(
        and(eq(assessmentItems.assessmentId, assessment.id), eq(assessmentItems.indicator, input.indicator)),
      );
    const editable = editableIn(assessment.status);
    if (editable === 'none' || (editable === 'reopened' && !item?.reopened)) {
      throw new AppError('INVALID_STATE', { status: assessment.status });
    }
    if (input.linked) {
      await tx
        .insert(evidenceLinks)
        .values({
          fileId: file.id,
          assessmentId: assessment.id,
          indicator: input.indicator,
          linkedBy: actor.userId,
        })
        .onConflictDoNothing();
    } else {
      await tx
        .delete(evidenceLinks)
        .where(
          and(
            eq(evidenceLinks.fileId, file.id),
            eq(evidenceLinks.assessmentId, assessment.id),
            eq(evidenceLinks.indicator, input.indicator),
          ),
        );
    }
    await recordAudit(tx, ctx, {
      action: input.linked ? 'evidence.linked' : 'evidence.unlinked',
      entityType: 'assessment',
      entityId: assessment.id,
      orgId: org.id,
      summary: { indicator: input.indicator, fileId: file.id, name: file.name },
    });
  });
}
