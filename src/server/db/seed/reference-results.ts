import { eq, inArray, isNull, or } from 'drizzle-orm';
import type { Framework } from '../../../shared/framework/framework-schema';
import { spbe2018Framework, spbe2020Framework } from '../../../shared/framework/frameworks';
import { validateOfficialResult } from '../../../shared/framework/official-result';
import { refreshFollowupFacts } from '../../modules/followup/followup.facts';
import { recordAudit } from '../../platform/audit';
import type { Db } from '../client';
import { officialResults, orgs } from '../schema';
import { type ReferenceResult, referenceResults, sourceText } from './reference-results-data';

// Loads the published results (reference-results-data.ts) on every start, on both database
// engines, each under the framework that produced it. Idempotent: a second run writes nothing.
// Reference rows are the loader's own: it refreshes their source and values, and moves a row whose
// framework was corrected (Sumedang 2020 and Banyuwangi 2019 were first stored under spbe-2020).
// A row a supervisor entered or edited (is_reference false) is never touched.

const frameworks: Record<ReferenceResult['frameworkId'], Framework> = {
  'spbe-2018': spbe2018Framework,
  'spbe-2020': spbe2020Framework,
};

type Wanted = {
  orgId: string | null;
  year: number;
  frameworkId: string;
  index: number;
  predicate: string;
  domains: Record<string, number> | null;
  bodyCount: number | null;
  source: string;
};

/** The row each published result should be: validated by the same rule as an entered result. */
function wanted(r: ReferenceResult, orgId: string | null): Wanted {
  const framework = frameworks[r.frameworkId];
  const checked = validateOfficialResult(framework, { index: r.index, domains: r.domains });
  if (!checked.value) {
    throw new Error(`reference result ${r.org ?? 'national'} ${r.year}: ${JSON.stringify(checked.problems)}`);
  }
  return {
    orgId,
    year: r.year,
    frameworkId: framework.id,
    index: checked.value.index,
    predicate: checked.value.predicate,
    domains: checked.value.domains,
    bodyCount: r.bodyCount ?? null,
    source: sourceText(r),
  };
}

type Row = typeof officialResults.$inferSelect;
const same = (row: Row, w: Wanted) =>
  row.frameworkId === w.frameworkId &&
  row.index === w.index &&
  row.predicate === w.predicate &&
  JSON.stringify(row.domains ?? null) === JSON.stringify(w.domains) &&
  row.bodyCount === w.bodyCount &&
  row.source === w.source;

export async function loadReferenceResults(db: Db): Promise<number> {
  const codes = [...new Set(referenceResults.flatMap((r) => (r.org ? [r.org] : [])))];
  const orgRows = await db
    .select({ id: orgs.id, code: orgs.code })
    .from(orgs)
    .where(inArray(orgs.code, codes));
  const orgIds = new Map(orgRows.map((o) => [o.code, o.id]));
  const present = await db
    .select()
    .from(officialResults)
    .where(
      or(
        isNull(officialResults.orgId),
        inArray(
          officialResults.orgId,
          orgRows.map((o) => o.id),
        ),
      ),
    );
  const plan: { row: Row | null; want: Wanted }[] = [];
  for (const r of referenceResults) {
    const orgId = r.org ? orgIds.get(r.org) : null;
    if (orgId === undefined) continue;
    const want = wanted(r, orgId);
    const ofYear = present.filter((p) => p.orgId === orgId && p.year === r.year);
    const exact = ofYear.find((p) => p.frameworkId === want.frameworkId);
    if (exact) {
      // Never overwrite what a supervisor entered; refresh the loader's own row.
      if (exact.isReference && !same(exact, want)) plan.push({ row: exact, want });
      continue;
    }
    // A reference row of the same body and year under another framework (the data holds one
    // result per body and year): the framework was corrected, so the row moves and keeps its id.
    const moved = ofYear.find((p) => p.isReference && p.frameworkId !== want.frameworkId);
    plan.push({ row: moved ?? null, want });
  }
  if (!plan.length) return 0;

  return db.transaction(async (tx) => {
    for (const { row, want } of plan) {
      if (row) {
        await tx
          .update(officialResults)
          .set({ ...want, updatedAt: new Date() })
          .where(eq(officialResults.id, row.id));
      } else {
        await tx.insert(officialResults).values({ ...want, isReference: true });
      }
    }
    const touched = [...new Set(plan.flatMap((p) => (p.want.orgId ? [p.want.orgId] : [])))];
    if (touched.length) await refreshFollowupFacts(tx, touched);
    await recordAudit(
      tx,
      { actorId: null, actorEmail: null, requestId: null, ip: null },
      {
        action: 'system.reference_results_loaded',
        entityType: 'official_result',
        // Rows inserted, refreshed or moved to their framework.
        summary: { written: plan.length },
      },
    );
    return plan.length;
  });
}
