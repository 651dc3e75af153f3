import { and, eq, isNull, sql } from 'drizzle-orm';
import { spbe2020Framework } from '../../../shared/framework/frameworks';
import { predicateFor } from '../../../shared/framework/score';
import { recordAudit } from '../../platform/audit';
import type { Db } from '../client';
import { officialResults, orgs } from '../schema';

// Published SPBE index results (public announcements; only totals are public for these).
// Loaded as reference records with their source on every start, on both database engines.
// The 2019 and 2020 evaluations used PermenPANRB 5/2018, whose predicate bands are the same as
// spbe-2020's; they are recorded against spbe-2020 because the platform compares totals only.
type ReferenceResult = {
  org: string | null;
  year: number;
  index: number;
  bodyCount?: number;
  source: string;
};

const kemenpan = 'KemenPAN-RB, pengumuman hasil evaluasi SPBE';
export const referenceResults: ReferenceResult[] = [
  { org: null, year: 2022, index: 2.34, source: `${kemenpan} 2022 — rata-rata nasional` },
  {
    org: null,
    year: 2023,
    index: 2.79,
    bodyCount: 621,
    source: `${kemenpan} 2023 — rata-rata nasional, 621 instansi`,
  },
  {
    org: null,
    year: 2024,
    index: 3.12,
    bodyCount: 615,
    source: `${kemenpan} 2024 — rata-rata nasional, 615 instansi`,
  },
  {
    org: '32.11',
    year: 2020,
    index: 3.81,
    source: `${kemenpan} 2020 (PermenPANRB 5/2018) — terbaik di antara pemerintah daerah`,
  },
  { org: '32.11', year: 2021, index: 3.52, source: `${kemenpan} 2021` },
  { org: '32.11', year: 2022, index: 3.84, source: `${kemenpan} 2022 — terbaik di antara kabupaten/kota` },
  {
    org: '32.11',
    year: 2024,
    index: 4.51,
    source: 'Diumumkan Februari 2025; kemungkinan besar hasil evaluasi SPBE 2024',
  },
  { org: '35.10', year: 2019, index: 3.41, source: `${kemenpan} 2019 (PermenPANRB 5/2018)` },
  { org: '35.10', year: 2021, index: 3.53, source: `${kemenpan} 2021` },
  { org: '35.10', year: 2023, index: 4.5, source: `${kemenpan} 2023` },
];

export async function loadReferenceResults(db: Db): Promise<number> {
  const f = spbe2020Framework;
  const existing = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(officialResults)
    .where(eq(officialResults.isReference, true));
  if ((existing[0]?.n ?? 0) >= referenceResults.length) return 0;
  return db.transaction(async (tx) => {
    let written = 0;
    for (const r of referenceResults) {
      const [org] = r.org ? await tx.select({ id: orgs.id }).from(orgs).where(eq(orgs.code, r.org)) : [null];
      if (r.org && !org) continue;
      const orgId = org?.id ?? null;
      const [present] = await tx
        .select({ id: officialResults.id })
        .from(officialResults)
        .where(
          and(
            orgId ? eq(officialResults.orgId, orgId) : isNull(officialResults.orgId),
            eq(officialResults.year, r.year),
            eq(officialResults.frameworkId, f.id),
          ),
        );
      if (present) continue; // never overwrite what a supervisor entered
      await tx.insert(officialResults).values({
        orgId,
        year: r.year,
        frameworkId: f.id,
        index: r.index,
        predicate: predicateFor(f, Math.round(r.index * 100)).id,
        bodyCount: r.bodyCount ?? null,
        source: r.source,
        isReference: true,
      });
      written += 1;
    }
    if (written) {
      await recordAudit(
        tx,
        { actorId: null, actorEmail: null, requestId: null, ip: null },
        { action: 'system.reference_results_loaded', entityType: 'official_result', summary: { written } },
      );
    }
    return written;
  });
}
