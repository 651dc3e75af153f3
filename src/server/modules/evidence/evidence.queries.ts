import { and, count, desc, eq, ilike, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { escapeLike } from '../../db/query-helpers';
import { evidenceFiles, evidenceLinks, users } from '../../db/schema';
import { presentEvidence } from './evidence.presenter';

// Reads of the evidence locker; scope is checked by the caller.

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

/** The file when it is in the body's locker, else null (a link never crosses bodies). */
export async function findBodyFile(db: DbOrTx, orgId: string, fileId: string) {
  const file = await findEvidence(db, fileId);
  return file && file.orgId === orgId ? file : null;
}
