import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { getProvinces, getRegencies } from 'idn-area-data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../../tests/support/test-db';
import type { DbHandle } from '../client';
import { officialResults, orgs } from '../schema';
import { centralSources, evaluatedCentralBodies } from './central-bodies';
import { loadReferenceData } from './reference';
import { loadReferenceResults } from './reference-results';
import { referenceResults, sourceText } from './reference-results-data';

// The directory and the published results as the loaders leave them, on PGlite and (with
// TEST_DATABASE_URL) PostgreSQL: the run's template database was loaded by these very loaders.

let h: DbHandle;
beforeAll(async () => {
  h = await openTestDatabase();
});
afterAll(() => h?.close());

const dkiAdministrative = ['31.01', '31.71', '31.72', '31.73', '31.74', '31.75'];

async function n(where: ReturnType<typeof and>) {
  const [row] = await h.db.select({ n: count() }).from(orgs).where(where);
  return row?.n ?? 0;
}

describe('directory reference data', () => {
  it('matches the Kemendagri reference files: 38 provinces and 514 kab/kota', async () => {
    const [provinces, regencies] = await Promise.all([getProvinces(), getRegencies()]);
    expect(provinces).toHaveLength(38);
    expect(regencies).toHaveLength(514);
    expect(await n(and(eq(orgs.type, 'province'), eq(orgs.isReference, true)))).toBe(38);
    expect(await n(and(inArray(orgs.type, ['regency', 'city']), eq(orgs.isReference, true)))).toBe(514);
  });

  it('flags DKI Jakarta’s 6 administrative units as not evaluated, and keeps them listed', async () => {
    const flagged = await h.db
      .select({ code: orgs.code, name: orgs.name })
      .from(orgs)
      .where(and(inArray(orgs.type, ['regency', 'city']), eq(orgs.evaluated, false)))
      .orderBy(orgs.code);
    expect(flagged.map((o) => o.code)).toEqual(dkiAdministrative);
    expect(flagged[1]?.name).toBe('Kota Administrasi Jakarta Pusat');
    expect(await n(and(inArray(orgs.type, ['regency', 'city']), eq(orgs.evaluated, true)))).toBe(508);
    expect(await n(and(eq(orgs.type, 'province'), eq(orgs.evaluated, false)))).toBe(0);
  });

  it('holds every evaluated central body with a unique stable code and a named source', async () => {
    const codes = evaluatedCentralBodies.map((b) => b.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.length).toBeGreaterThanOrEqual(80);
    expect(evaluatedCentralBodies.filter((b) => b.type === 'ministry')).toHaveLength(48);
    for (const b of evaluatedCentralBodies) {
      expect(b.code, b.name).toMatch(/^(K-|L-)[A-Z0-9-]+$|^KEMENDAGRI$|^KEMENPANRB$/);
      expect(centralSources[b.source].citation.length).toBeGreaterThan(20);
      expect(centralSources[b.source].listing).not.toBe('not-evaluated');
    }
    const stored = await h.db
      .select({ code: orgs.code, name: orgs.name, type: orgs.type, evaluated: orgs.evaluated })
      .from(orgs)
      .where(inArray(orgs.code, codes));
    expect(stored).toHaveLength(codes.length);
    expect(stored.every((o) => o.evaluated)).toBe(true);
    // The two national supervisors keep the codes their accounts point at.
    expect(stored.find((o) => o.code === 'KEMENDAGRI')).toMatchObject({ type: 'ministry' });
    expect(stored.find((o) => o.code === 'KEMENPANRB')).toMatchObject({ type: 'ministry' });
    const [secretariat] = await h.db.select().from(orgs).where(eq(orgs.code, 'LL-SEKRETARIAT'));
    expect(secretariat).toMatchObject({ type: 'agency', evaluated: false, isReference: true });
  });

  it('repairs an existing database (flags lost, a body missing) and then writes nothing', async () => {
    await h.db.update(orgs).set({ evaluated: true }).where(inArray(orgs.code, dkiAdministrative));
    await h.db.delete(orgs).where(eq(orgs.code, 'L-BPS'));
    expect((await loadReferenceData(h.db)).inserted).toBeGreaterThan(0);
    expect(await n(and(inArray(orgs.code, dkiAdministrative), eq(orgs.evaluated, false)))).toBe(6);
    expect(await n(eq(orgs.code, 'L-BPS'))).toBe(1);
    expect(await loadReferenceData(h.db)).toEqual({ inserted: 0 });
  });
});

async function resultsOf(code: string) {
  return h.db
    .select({
      id: officialResults.id,
      year: officialResults.year,
      frameworkId: officialResults.frameworkId,
      index: officialResults.index,
      predicate: officialResults.predicate,
      domains: officialResults.domains,
      source: officialResults.source,
      isReference: officialResults.isReference,
    })
    .from(officialResults)
    .innerJoin(orgs, eq(orgs.id, officialResults.orgId))
    .where(eq(orgs.code, code))
    .orderBy(officialResults.year);
}

describe('reference results', () => {
  it('stores each published result under its own framework, with its decree', async () => {
    const sumedang = await resultsOf('32.11');
    expect(sumedang.map((r) => [r.year, r.frameworkId])).toEqual([
      [2020, 'spbe-2018'],
      [2021, 'spbe-2020'],
      [2022, 'spbe-2020'],
      [2024, 'spbe-2020'],
    ]);
    expect(sumedang[2]?.source).toContain(
      'Keputusan Menteri PANRB Nomor 108 Tahun 2023 tanggal 31 Januari 2023',
    );
    expect((await resultsOf('35.10'))[0]).toMatchObject({
      year: 2019,
      frameworkId: 'spbe-2018',
      index: 3.41,
    });
    const [acehTengah] = await resultsOf('11.04');
    expect(acehTengah).toMatchObject({
      year: 2025,
      frameworkId: 'spbe-2020',
      index: 2.59,
      predicate: 'Cukup',
      domains: { D1: 2.3, D2: 1.7, D3: 1, D4: 3.75 },
      isReference: true,
    });
    const [national] = await h.db
      .select()
      .from(officialResults)
      .where(and(sql`${officialResults.orgId} is null`, eq(officialResults.year, 2023)));
    expect(national?.source).toContain('Nomor 13 Tahun 2024');
    expect(national?.bodyCount).toBe(621);
    expect(await loadReferenceResults(h.db)).toBe(0);
  });

  it('moves a 2020 result stored under spbe-2020 (an older database) and refreshes its source, once', async () => {
    const [before] = (await resultsOf('32.11')).filter((r) => r.year === 2020);
    await h.db
      .update(officialResults)
      .set({ frameworkId: 'spbe-2020', source: 'KemenPAN-RB, pengumuman hasil evaluasi SPBE 2020' })
      .where(eq(officialResults.id, before!.id));
    expect(await loadReferenceResults(h.db)).toBe(1);
    const [after] = (await resultsOf('32.11')).filter((r) => r.year === 2020);
    const wanted = referenceResults.find((r) => r.org === '32.11' && r.year === 2020)!;
    expect(after).toMatchObject({ id: before!.id, frameworkId: 'spbe-2018', source: sourceText(wanted) });
    expect(await loadReferenceResults(h.db)).toBe(0);
  });

  it('never touches a result a supervisor entered', async () => {
    const [row] = (await resultsOf('35.10')).filter((r) => r.year === 2021);
    await h.db
      .update(officialResults)
      .set({ isReference: false, index: 3.6, source: 'Diperbaiki oleh pembina' })
      .where(eq(officialResults.id, row!.id));
    expect(await loadReferenceResults(h.db)).toBe(0);
    const [kept] = (await resultsOf('35.10')).filter((r) => r.year === 2021);
    expect(kept).toMatchObject({ index: 3.6, source: 'Diperbaiki oleh pembina', isReference: false });
  });
});
