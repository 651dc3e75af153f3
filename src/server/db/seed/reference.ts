import { count, eq, sql } from 'drizzle-orm';
import { getProvinces, getRegencies } from 'idn-area-data';
import { recordAudit } from '../../platform/audit';
import type { Db } from '../client';
import { orgs } from '../schema';
import { regencyType, titleCaseAreaName } from './area-names';
import { loadReferenceResults } from './reference-results';

// Real central bodies that the platform itself depends on (national supervisors, secretariat).
export const centralBodies = [
  { code: 'KEMENDAGRI', name: 'Kementerian Dalam Negeri', type: 'ministry' as const },
  {
    code: 'KEMENPANRB',
    name: 'Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi',
    type: 'ministry' as const,
  },
  { code: 'LL-SEKRETARIAT', name: 'Sekretariat Living Lab SPBE', type: 'agency' as const },
];

/**
 * Loads the Kemendagri provinces and kabupaten/kota (idn-area-data) and the central bodies.
 * Idempotent: inserts what is missing and refreshes reference names; leaves membership facts alone.
 */
export async function loadReferenceData(db: Db): Promise<{ inserted: number }> {
  const result = await loadReferenceOrgs(db);
  await loadReferenceResults(db);
  return result;
}

async function loadReferenceOrgs(db: Db): Promise<{ inserted: number }> {
  const [provinces, regencies] = await Promise.all([getProvinces(), getRegencies()]);
  const rows = [
    ...provinces.map((p) => ({
      code: p.code,
      name: titleCaseAreaName(p.name),
      type: 'province' as const,
      provinceCode: null,
    })),
    ...regencies.map((r) => ({
      code: r.code,
      name: titleCaseAreaName(r.name),
      type: regencyType(r.name),
      provinceCode: r.province_code,
    })),
    ...centralBodies.map((c) => ({ ...c, provinceCode: null })),
  ].map((r) => ({ ...r, isReference: true }));

  const [existing] = await db.select({ n: count() }).from(orgs).where(eq(orgs.isReference, true));
  if ((existing?.n ?? 0) === rows.length) return { inserted: 0 };

  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(orgs)
      .values(rows)
      .onConflictDoUpdate({ target: orgs.code, set: { name: sql`excluded.name`, isReference: true } })
      .returning({ id: orgs.id });
    // Kabupaten Sumedang is the first host of the Living Lab (a fact, not sample data).
    await tx.update(orgs).set({ isHost: true }).where(eq(orgs.code, '32.11'));
    await recordAudit(
      tx,
      { actorId: null, actorEmail: null, requestId: null, ip: null },
      {
        action: 'system.reference_loaded',
        entityType: 'org',
        summary: { provinces: provinces.length, regencies: regencies.length, central: centralBodies.length },
      },
    );
    return { inserted: inserted.length };
  });
}
