import { sql } from 'drizzle-orm';
import type { Framework } from '../../../shared/framework/framework-schema';
import type { Db } from '../../db/client';
import { AppError } from '../../platform/app-error';
import { type AuditContext, recordAudit } from '../../platform/audit';
import type { Actor } from '../../platform/auth/actor';
import { refreshFollowupFacts } from '../followup/followup.facts';
import { findFramework } from '../frameworks/frameworks.registry';
import { type ImportRecord, validateImport } from './results.import-rows';
import { readImportTable } from './results.import-table';
import { officialResultPolicy } from './results.policy';
import { orgIdsByCode } from './results.queries';

// The bulk import of official results: every row is checked first (row numbers in the report),
// then all rows are written in one transaction, or none.
/** The report lists this many problems; the count says how many there are in all. */
const MAX_REPORTED = 500;

export async function importOfficialResults(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  frameworkId: string,
  /** Reads the upload: only once the actor may import and the framework exists. */
  upload: () => Promise<{ buf: Buffer; filename: string }>,
) {
  if (!officialResultPolicy.can(actor, 'manage', null)) throw new AppError('FORBIDDEN');
  const framework = await findFramework(db, frameworkId);
  const file = await upload();
  const table = await readImportTable(file.buf);
  const { records, problems } = validateImport(table, framework, await orgIdsByCode(db));
  if (problems.length) {
    throw new AppError('IMPORT_INVALID', {
      problems: problems.slice(0, MAX_REPORTED),
      problemCount: problems.length,
      rowCount: table.rows.length,
    });
  }
  return writeImport(db, ctx, framework, records, { fileName: file.filename, userId: actor.userId });
}

const CHUNK = 5000;

/** Writes validated import records in one transaction: all of them or none. */
async function writeImport(
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
