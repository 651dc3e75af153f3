import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartFile } from '../../../../tests/support/multipart';
import { openTestApp, type Session, type Sessions, type TestApp } from '../../../../tests/support/test-app';
import { spbe2020Framework as f } from '../../../shared/framework/frameworks';

const people = {
  national: ['national_supervisor', 'KEMENDAGRI'],
  operator: ['operator', '32.05'],
  bodyAdmin: ['body_admin', '32.05'],
  sumedangAdmin: ['body_admin', '32.11'],
  otherAdmin: ['body_admin', '32.04'],
} as const;
let t: TestApp;
let s: Sessions<typeof people>;

beforeAll(async () => {
  ({ t, s } = await openTestApp({ people }));
});
afterAll(() => t?.close());

const api = (
  method: 'GET' | 'PUT' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  who: Session,
  payload?: unknown,
) => t.app.inject({ method, url: `/api/v1${url}`, headers: who.headers, payload: payload as object });

/** A file of SPBE 2020 results: an import names the framework its columns and years belong to. */
function importFile(content: Buffer | string, name = 'hasil.csv', who = s.national, framework = 'spbe-2020') {
  const body = multipartFile(Buffer.from(content), name);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/official-results/import?framework=${framework}`,
    headers: { ...who.headers, ...body.headers },
    payload: body.payload,
  });
}

const count = async () =>
  Number(
    (
      (await t.database.db.execute(sql`select count(*)::int as n from official_results`)) as unknown as {
        rows: { n: number }[];
      }
    ).rows[0]!.n,
  );

const levels = (level: number, overrides: Record<number, number> = {}) =>
  Object.fromEntries(f.indicators.map((i) => [String(i.number), overrides[i.number] ?? level]));

describe('official results', () => {
  it('ship the published figures as reference records with their sources', async () => {
    const sumedang = (await api('GET', '/orgs/32.11/official-results', s.operator)).json().data;
    expect(sumedang.map((r: { year: number; index: number }) => [r.year, r.index])).toEqual([
      [2020, 3.81],
      [2021, 3.52],
      [2022, 3.84],
      [2024, 4.51],
    ]);
    expect(sumedang.every((r: { isReference: boolean; source: string }) => r.isReference && r.source)).toBe(
      true,
    );
    expect(sumedang[3].predicate).toBe('Memuaskan');
    const banyuwangi = (await api('GET', '/orgs/35.10/official-results', s.operator)).json().data;
    expect(banyuwangi.map((r: { year: number; index: number }) => [r.year, r.index])).toEqual([
      [2019, 3.41],
      [2021, 3.53],
      [2023, 4.5],
    ]);
    const national = (await api('GET', '/official-results/national', s.operator)).json().data;
    expect(
      national.map((r: { year: number; index: number; bodyCount: number | null }) => [
        r.year,
        r.index,
        r.bodyCount,
      ]),
    ).toEqual([
      [2022, 2.34, null],
      [2023, 2.79, 621],
      [2024, 3.12, 615],
    ]);
  });

  it('are entered by national supervisors as a total, with domains, or with all levels', async () => {
    expect(
      (await api('PUT', '/orgs/32.05/official-results/2023', s.bodyAdmin, { index: 3 })).statusCode,
    ).toBe(403);
    const total = await api('PUT', '/orgs/32.05/official-results/2022', s.national, {
      index: '2,61',
      source: 'KepMenPANRB',
    });
    expect(total.statusCode, total.body).toBe(200);
    expect(total.json().data).toMatchObject({ index: 2.61, predicate: 'Baik', domains: null, levels: null });
    const domains = await api('PUT', '/orgs/32.05/official-results/2023', s.national, {
      index: 2.59,
      domains: { D1: 2.3, D2: 1.7, D3: 1, D4: 3.75 },
    });
    expect(domains.json().data.predicate).toBe('Cukup');
    const all = await api('PUT', '/orgs/32.05/official-results/2024', s.national, {
      levels: levels(3, { 1: 4 }),
    });
    expect(all.statusCode, all.body).toBe(200);
    expect(all.json().data.levels['1']).toBe(4);
    const bad = await api('PUT', '/orgs/32.05/official-results/2025', s.national, { domains: { D1: 6 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues.map((i: { field: string }) => i.field)).toContain('body.D1');
    const removed = await api('DELETE', '/orgs/32.05/official-results/2022', s.national);
    expect(removed.statusCode).toBe(200);
    expect((await api('DELETE', '/orgs/32.05/official-results/2022', s.national)).statusCode).toBe(404);
  });

  it('import from CSV (Indonesian or English layout) and XLSX, replacing earlier results', async () => {
    const csv = 'kode_instansi;tahun;indeks;sumber\n32.01;2023;3,05;KepMenPANRB 2023\n32.02;2023;2,75;\n';
    const first = await importFile(csv);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().data).toEqual({ rows: 2, created: 2, updated: 0 });
    const again = await importFile('org_code,year,index\n32.01,2023,3.10\n');
    expect(again.json().data).toEqual({ rows: 1, created: 0, updated: 1 });

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Hasil');
    ws.addRow(['kode_instansi', 'tahun', ...f.indicators.map((i) => `i${i.number}`)]);
    ws.addRow(['32.03', 2023, ...f.indicators.map(() => 2)]);
    const xlsx = await importFile(Buffer.from(await wb.xlsx.writeBuffer()), 'hasil.xlsx');
    expect(xlsx.statusCode, xlsx.body).toBe(200);
    const cianjur = (await api('GET', '/orgs/32.03/official-results', s.operator)).json().data[0];
    expect(cianjur).toMatchObject({ year: 2023, index: 2, predicate: 'Cukup' });
    expect(cianjur.domains).toEqual({ D1: 2, D2: 2, D3: 2, D4: 2 });
  });

  it('import nothing when any row is wrong, and report every problem by row number', async () => {
    const before = await count();
    const csv = [
      'kode_instansi,tahun,indeks,i1',
      '32.01,2024,3.00,',
      '99.99,2024,3.00,',
      '32.04,1990,3.00,',
      '32.01,2024,3.20,',
      '32.06,2024,7,',
      '32.07,2024,,',
      '32.08,2024,,4',
    ].join('\n');
    const res = await importFile(csv);
    expect(res.statusCode).toBe(400);
    const err = res.json().error;
    expect(err.code).toBe('IMPORT_INVALID');
    const byRow = err.details.problems.map((p: { row: number; field: string }) => `${p.row}:${p.field}`);
    expect(byRow).toEqual(
      expect.arrayContaining(['3:kode_instansi', '4:tahun', '5:kode_instansi', '6:index', '7:index', '8:i2']),
    );
    expect(byRow.some((r: string) => r.startsWith('2:'))).toBe(false);
    expect(err.details.problems.find((p: { row: number }) => p.row === 5).message).toContain('baris 2');
    expect(await count()).toBe(before);

    expect((await importFile('', 'kosong.csv')).json().error.code).toBe('FILE_EMPTY');
    const headerOnly = await importFile('kode_instansi,tahun,indeks\n');
    expect(headerOnly.json().error.details.problems[0].message).toContain('tidak berisi data');
    const wrongColumns = await importFile('nama,nilai\nSumedang,3\n');
    expect(wrongColumns.json().error.details.problems.map((p: { field: string }) => p.field)).toEqual(
      expect.arrayContaining(['nama', 'kode_instansi', 'tahun']),
    );
    expect((await importFile('PK\u0003\u0004broken', 'rusak.xlsx')).json().error.code).toBe('IMPORT_INVALID');
    expect(
      (await importFile('kode_instansi,tahun,indeks\n32.01,2024,3\n', 'a.csv', s.bodyAdmin)).statusCode,
    ).toBe(403);
  });

  it('import 30,000 rows in one go', { timeout: 120_000 }, async () => {
    await t.database.db.execute(
      sql`insert into orgs (code, name, type) select 'UJI-' || g, 'Badan Uji ' || g, 'agency' from generate_series(1, 3000) g`,
    );
    const lines = ['kode_instansi,tahun,indeks,sumber'];
    for (let g = 1; g <= 3000; g++) {
      for (let year = 2018; year <= 2027; year++)
        lines.push(`UJI-${g},${year},${(1 + ((g + year) % 400) / 100).toFixed(2)},uji`);
    }
    const before = await count();
    const res = await importFile(lines.join('\n'));
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.json().data).toEqual({ rows: 30_000, created: 30_000, updated: 0 });
    expect(await count()).toBe(before + 30_000);
  });

  it('offer an import template in CSV and XLSX', async () => {
    const csv = await api('GET', '/official-results/template?framework=spbe-2020', s.national);
    expect(csv.body.split('\n')[0]).toMatch(
      /^\ufeff?kode_instansi,tahun,indeks,D1,D2,D3,D4,i1,.*,i47,sumber$/,
    );
    const xlsx = await api('GET', '/official-results/template?format=xlsx&framework=spbe-2020', s.national);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });
});

describe('comparison, calibration and scenarios', () => {
  it('compares a body with its host, province, nation and similar bodies, and shows shared peer levels', async () => {
    // Sumedang shares its levels (official, all 47); Cianjur shares none; Bandung Barat shares.
    expect((await api('PATCH', '/orgs/32.11/sharing', s.bodyAdmin, { shareLevels: true })).statusCode).toBe(
      404,
    );
    expect((await api('PATCH', '/orgs/32.05/sharing', s.operator, { shareLevels: true })).statusCode).toBe(
      403,
    );
    expect(
      (await api('PATCH', '/orgs/32.11/sharing', s.sumedangAdmin, { shareLevels: true })).statusCode,
    ).toBe(200);
    await api('PUT', '/orgs/32.11/official-results/2025', s.national, { levels: levels(4, { 11: 5 }) });
    await api('PUT', '/orgs/32.17/official-results/2025', s.national, { levels: levels(3, { 11: 5 }) });
    await api('PUT', '/orgs/32.03/official-results/2025', s.national, { levels: levels(5) });
    await t.database.db.execute(sql`update orgs set share_levels = true where code = '32.17'`);
    // Garut's own self-assessment for 2025.
    const created = await api('POST', '/orgs/32.05/assessments', s.operator, { year: 2025 });
    const id = created.json().data.id;
    for (const [n, level] of [
      [1, 4],
      [11, 2],
    ]) {
      await api('PUT', `/assessments/${id}/items/${n}`, s.operator, { level, version: 0 });
    }
    const res = await api('GET', '/orgs/32.05/comparison?year=2025', s.operator);
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json().data;
    expect(c.host).toMatchObject({
      code: '32.11',
      levelsShared: true,
      official: { index: expect.any(Number) },
    });
    expect(c.body.self).toMatchObject({ status: 'draft', complete: false, answered: 2 });
    expect(c.province.count).toBe(3);
    // Kab. Aceh Tengah's published 2025 result (reference data, 2.59) is a similar regency too.
    expect(c.similar.map((x: { code: string }) => x.code)).toEqual(['32.03', '32.11', '32.17', '11.04']);
    const gap11 = c.gaps.find((g: { indicator: number }) => g.indicator === 11);
    expect(gap11).toMatchObject({ mine: 2, target: 5, peerCount: 2 });
    // Cianjur reached level 5 but does not share its levels: only the host and Bandung Barat are named.
    expect(gap11.peers.map((p: { code: string }) => p.code)).toEqual(['32.11', '32.17']);
    expect(c.gaps.some((g: { indicator: number }) => g.indicator === 1)).toBe(false);
    // The national average comes from the published record when there is one.
    const y2024 = (await api('GET', '/orgs/32.05/comparison?year=2024', s.operator)).json().data;
    expect(y2024.national).toMatchObject({ average: 3.12, count: 615 });
    expect((await api('GET', '/orgs/32.05/comparison', s.otherAdmin)).statusCode).toBe(404);
  });

  it('calibrates the self-assessment against the official result, and lists the history', async () => {
    const created = await api('POST', '/orgs/32.05/assessments', s.operator, { year: 2024 });
    const id = created.json().data.id;
    await api('PUT', `/assessments/${id}/items/1`, s.operator, { level: 5, version: 0 });
    const cal = (await api('GET', '/orgs/32.05/calibration?year=2024', s.operator)).json().data;
    expect(cal.official).toMatchObject({ detail: 'levels' });
    expect(cal.indicators[0]).toMatchObject({ indicator: 1, self: 5, official: 4, difference: 1 });
    expect(cal.indicators[1]).toMatchObject({ self: null, official: 3, difference: null });
    const hist = (await api('GET', '/orgs/32.05/history', s.operator)).json().data;
    expect(hist.map((h: { year: number }) => h.year)).toEqual([2023, 2024, 2025]);
    expect(hist[0]).toMatchObject({ self: null, official: { index: 2.59 } });
    expect(hist[1].self.assessmentId).toBe(id);
    expect(cal.framework.id).toBe('spbe-2020');
  });

  it('saves named simulator scenarios for the body', async () => {
    const saved = await api('POST', '/orgs/32.05/scenarios', s.operator, {
      name: 'Target Baik 2026',
      levels: { 1: 3, 2: 4 },
      target: '3.0',
    });
    expect(saved.statusCode, saved.body).toBe(201);
    expect(
      (await api('POST', '/orgs/32.05/scenarios', s.operator, { name: 'x', levels: { 99: 3 } })).statusCode,
    ).toBe(400);
    expect(
      (await api('POST', '/orgs/32.05/scenarios', s.national, { name: 'x', levels: {} })).statusCode,
    ).toBe(403);
    const list = (await api('GET', '/orgs/32.05/scenarios', s.bodyAdmin)).json();
    expect(list.data[0]).toMatchObject({ name: 'Target Baik 2026', levels: { 1: 3, 2: 4 }, canDelete: true });
    const del = await api('DELETE', `/orgs/32.05/scenarios/${saved.json().data.id}`, s.bodyAdmin);
    expect(del.statusCode).toBe(200);
  });
});
