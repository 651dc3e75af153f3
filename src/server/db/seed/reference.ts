import { and, count, eq, sql } from 'drizzle-orm';
import { getProvinces, getRegencies } from 'idn-area-data';
import { recordAudit } from '../../platform/audit';
import type { Db } from '../client';
import { orgs } from '../schema';
import { isAdministrativeArea, regencyType, titleCaseAreaName } from './area-names';
import { evaluatedCentralBodies, secretariat } from './central-bodies';
import { loadReferenceResults } from './reference-results';

/** The central bodies of the directory: the evaluated ones (central-bodies.ts) and the secretariat. */
export const centralBodies = [
  ...evaluatedCentralBodies.map(({ code, name, type }) => ({ code, name, type, evaluated: true })),
  { code: secretariat.code, name: secretariat.name, type: secretariat.type, evaluated: false },
];

/**
 * Loads the Kemendagri provinces and kabupaten/kota (idn-area-data) and the central bodies.
 * Idempotent: inserts what is missing and refreshes reference names and the evaluated flag;
 * leaves membership facts alone.
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
      evaluated: !isAdministrativeArea(r.name),
    })),
    ...centralBodies.map((c) => ({ ...c, provinceCode: null })),
  ].map((r) => ({ evaluated: true, ...r, isReference: true }));
  const notEvaluated = rows.filter((r) => !r.evaluated).length;

  // Nothing to do when every reference body is there and the same ones are flagged.
  const [present] = await db.select({ n: count() }).from(orgs).where(eq(orgs.isReference, true));
  const [flagged] = await db
    .select({ n: count() })
    .from(orgs)
    .where(and(eq(orgs.isReference, true), eq(orgs.evaluated, false)));
  if ((present?.n ?? 0) === rows.length && (flagged?.n ?? 0) === notEvaluated) return { inserted: 0 };

  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(orgs)
      .values(rows)
      .onConflictDoUpdate({
        target: orgs.code,
        set: { name: sql`excluded.name`, evaluated: sql`excluded.evaluated`, isReference: true },
      })
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
