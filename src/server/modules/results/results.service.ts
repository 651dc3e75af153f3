import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Framework } from '../../../shared/framework/framework-schema';
import { type RawOfficialResult, validateOfficialResult } from '../../../shared/framework/official-result';
import type { Db, DbOrTx } from '../../db/client';
import { officialResults, orgs } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { type AuditContext, recordAudit } from '../../platform/audit';
import type { Actor } from '../../platform/auth/actor';
import { canManageOfficialResults } from '../assessments/assessments.policy';
import { refreshFollowupFacts } from '../followup/followup.facts';
import type { ImportRecord } from './import-rows';

export type OfficialResultRow = typeof officialResults.$inferSelect;

export function presentResult(r: OfficialResultRow) {
  return {
    id: r.id,
    year: r.year,
    frameworkId: r.frameworkId,
    index: r.index,
    predicate: r.predicate,
    domains: r.domains ?? null,
    levels: r.levels ?? null,
    bodyCount: r.bodyCount,
    source: r.source,
    isReference: r.isReference,
    isSample: r.isSample,
    updatedAt: r.updatedAt.toISOString(),
  };
}

export async function listOrgResults(db: DbOrTx, orgId: string | null) {
  const rows = await db
    .select()
    .from(officialResults)
    .where(orgId ? eq(officialResults.orgId, orgId) : isNull(officialResults.orgId))
    .orderBy(asc(officialResults.year), asc(officialResults.frameworkId));
  return rows.map(presentResult);
}

export async function upsertOfficialResult(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  org: { id: string; code: string },
  framework: Framework,
  year: number,
  input: RawOfficialResult & { source: string },
) {
  if (!canManageOfficialResults(actor)) throw new AppError('FORBIDDEN');
  const checked = validateOfficialResult(framework, input);
  if (!checked.value) {
    throw new AppError('VALIDATION_FAILED', {
      issues: checked.problems.map((p) => ({ field: `body.${p.field}`, message: p.message })),
    });
  }
  const v = checked.value;
  return db.transaction(async (tx) => {
    const values = {
      index: v.index,
      predicate: v.predicate,
      domains: v.domains,
      levels: v.levels,
      source: input.source,
      isReference: false,
      isSample: false,
      enteredBy: actor.userId,
      updatedAt: new Date(),
    };
    const [row] = await tx
      .insert(officialResults)
      .values({ orgId: org.id, year, frameworkId: framework.id, ...values })
      .onConflictDoUpdate({
        target: [officialResults.orgId, officialResults.year, officialResults.frameworkId],
        set: values,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'official_result.saved',
      entityType: 'official_result',
      entityId: row!.id,
      orgId: org.id,
      summary: {
        org: org.code,
        year,
        framework: framework.id,
        index: v.index,
        detail: v.levels ? 'levels' : v.domains ? 'domains' : 'total',
      },
    });
    await refreshFollowupFacts(tx, [org.id]);
    return row!;
  });
}

export async function deleteOfficialResult(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  org: { id: string; code: string },
  frameworkId: string,
  year: number,
) {
  if (!canManageOfficialResults(actor)) throw new AppError('FORBIDDEN');
  return db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(officialResults)
      .where(
        and(
          eq(officialResults.orgId, org.id),
          eq(officialResults.year, year),
          eq(officialResults.frameworkId, frameworkId),
        ),
      )
      .returning();
    if (!gone) throw new AppError('NOT_FOUND');
    await recordAudit(tx, ctx, {
      action: 'official_result.deleted',
      entityType: 'official_result',
      entityId: gone.id,
      orgId: org.id,
      summary: { org: org.code, year, framework: frameworkId, index: gone.index },
    });
    await refreshFollowupFacts(tx, [org.id]);
  });
}

export async function orgIdsByCode(db: DbOrTx): Promise<Map<string, string>> {
  const rows = await db.select({ id: orgs.id, code: orgs.code }).from(orgs);
  return new Map(rows.map((r) => [r.code, r.id]));
}

const CHUNK = 5000;

/** Writes validated import records in one transaction: all of them or none. */
export async function writeImport(
  db: Db,
  ctx: AuditContext,
  framework: Framework,
  records: ImportRecord[],
  meta: { fileName: string; userId: string },
) {
  return db.transaction(async (tx) => {
    let created = 0;
    for (let i = 0; i < records.length; i += CHUNK) {
      const part = records.slice(i, i + CHUNK);
      const col = <T>(f: (r: ImportRecord) => T) => sql.param(part.map(f));
      // unnest() sends the chunk as a handful of array parameters instead of one row of
      // parameters per record (drizzle's values() costs ~25 µs per row in JS).
      const result = await tx.execute(sql`
        insert into official_results
          (org_id, year, framework_id, index, predicate, domains, levels, source, entered_by, is_reference, is_sample, updated_at)
        select u.org_id, u.year, ${framework.id}, u.idx, u.predicate, u.domains::jsonb, u.levels::jsonb, u.source,
               ${meta.userId}::uuid, false, false, now()
        from unnest(
          ${col((r) => r.orgId)}::uuid[], ${col((r) => r.year)}::int[], ${col((r) => r.index)}::float8[],
          ${col((r) => r.predicate)}::text[], ${col((r) => (r.domains ? JSON.stringify(r.domains) : null))}::text[],
          ${col((r) => (r.levels ? JSON.stringify(r.levels) : null))}::text[], ${col((r) => r.source)}::text[]
        ) as u(org_id, year, idx, predicate, domains, levels, source)
        on conflict (org_id, year, framework_id) do update set
          index = excluded.index, predicate = excluded.predicate, domains = excluded.domains,
          levels = excluded.levels, source = excluded.source, entered_by = excluded.entered_by,
          is_reference = false, is_sample = false, updated_at = now()
        returning (xmax = 0) as inserted`);
      const rows = (result as unknown as { rows: { inserted: boolean }[] }).rows;
      created += rows.filter((r) => r.inserted).length;
    }
    await recordAudit(tx, ctx, {
      action: 'official_result.imported',
      entityType: 'official_result',
      summary: {
        file: meta.fileName,
        framework: framework.id,
        rows: records.length,
        created,
        updated: records.length - created,
      },
    });
    await refreshFollowupFacts(
      tx,
      records.map((r) => r.orgId).filter((id): id is string => !!id),
    );
    return { rows: records.length, created, updated: records.length - created };
  });
}
