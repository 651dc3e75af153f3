import type { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import { fileTypeFromFile } from 'file-type';
import type { EvidenceListQuery } from '../../../shared/contracts/evidence';
import type { Db, DbOrTx } from '../../db/client';
import { pagination } from '../../db/query-helpers';
import { evidenceFiles } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { type AuditContext, recordAudit } from '../../platform/audit';
import type { Actor } from '../../platform/auth/actor';
import { uploadFileName } from '../../platform/file-names';
import type { FileStore } from '../../platform/storage';
import { inOrgScope, type OrgRef } from '../orgs/orgs.policy';
import { findOrgById } from '../orgs/orgs.queries';
import { getOrgInScope } from '../orgs/orgs.service';
import { isAllowedEvidenceMime, MAX_EVIDENCE_BYTES } from './evidence.files';
import { evidencePolicy } from './evidence.policy';
import { findEvidence, listEvidence } from './evidence.queries';

// The evidence locker's use cases: store an upload once per body, list a body's files, hand out a
// file to those in its scope. Links to indicators and items: evidence.links.service.ts.

type Upload = { stream: Readable; filename: string; truncated: () => boolean };

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
  upload: Upload,
) {
  // The caller has decided that the actor may add files for this body.
  const received = await files.receive(upload.stream);
  try {
    if (upload.truncated()) throw new AppError('PAYLOAD_TOO_LARGE', { maxBytes: MAX_EVIDENCE_BYTES });
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
          // The extension comes from the detected type, never from the name the client sent.
          name: uploadFileName(upload.filename, type.ext),
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

/** An upload to a body's locker: scope (404) and the upload rule (403) before the file is read. */
export async function uploadEvidence(
  db: Db,
  files: FileStore,
  actor: Actor,
  ctx: AuditContext,
  code: string,
  receive: () => Promise<Upload>,
) {
  const org = await getOrgInScope(db, actor, code);
  if (!evidencePolicy.can(actor, 'upload', org)) throw new AppError('FORBIDDEN');
  return storeEvidence(db, files, actor, ctx, org, await receive());
}

export async function listBodyEvidence(
  db: DbOrTx,
  actor: Actor,
  code: string,
  query: EvidenceListQuery & { page: number; pageSize: number },
) {
  const org = await getOrgInScope(db, actor, code);
  const { rows, total } = await listEvidence(db, org.id, query);
  return {
    data: rows,
    pagination: pagination(query, total),
    abilities: evidencePolicy.abilities(actor, org),
  };
}

/** A file the actor may download: its body must be in their scope (404 otherwise). */
export async function findReadableEvidence(db: DbOrTx, actor: Actor, id: string) {
  const file = await findEvidence(db, id);
  const org = file ? await findOrgById(db, file.orgId) : null;
  if (!file || !org || !inOrgScope(actor, org)) throw new AppError('NOT_FOUND');
  return file;
}
