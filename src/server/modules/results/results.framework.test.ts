import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartFile } from '../../../../tests/support/multipart';
import { apiFor, openTestApp, type Sessions, type TestApp } from '../../../../tests/support/test-app';

// Results of different frameworks are never compared: a body's history is per framework, a
// comparison reads one framework, an official result belongs to the framework of its year.

const people = {
  national: ['national_supervisor', 'KEMENDAGRI'],
  operator: ['operator', '32.05'],
} as const;
let t: TestApp;
let s: Sessions<typeof people>;
beforeAll(async () => {
  ({ t, s } = await openTestApp({ people }));
});
afterAll(() => t?.close());
const api = apiFor(() => t);

describe('results of two frameworks', () => {
  it('are entered on the framework of their year, listed apart, and compared one framework at a time', async () => {
    for (const [year, index] of [
      [2024, 2.4],
      [2025, 2.5],
      [2027, 3],
    ] as const) {
      const put = await api('PUT', `/orgs/32.05/official-results/${year}`, s.national, {
        index,
        source: 'Uji kerangka',
      });
      expect(put.statusCode, put.body).toBe(200);
      // No framework named: the one the year was evaluated with.
      expect(put.json().data.frameworkId).toBe(year < 2026 ? 'spbe-2020' : 'pemdi-2026');
    }
    const hist = (await api('GET', '/orgs/32.05/history', s.operator)).json().data;
    expect(hist.map((h: { year: number; frameworkId: string }) => `${h.year} ${h.frameworkId}`)).toEqual([
      '2024 spbe-2020',
      '2025 spbe-2020',
      '2027 pemdi-2026',
    ]);
    const only = (await api('GET', '/orgs/32.05/history?framework=spbe-2020', s.operator)).json().data;
    expect(only.map((h: { year: number }) => h.year)).toEqual([2024, 2025]);

    // By default the framework of the body's latest result; a year asked for brings its own.
    const latest = (await api('GET', '/orgs/32.05/comparison', s.operator)).json().data;
    expect(latest).toMatchObject({
      year: 2027,
      framework: { id: 'pemdi-2026' },
      body: { official: { index: 3 } },
    });
    const y2025 = (await api('GET', '/orgs/32.05/comparison?year=2025', s.operator)).json().data;
    expect(y2025).toMatchObject({
      framework: { id: 'spbe-2020' },
      body: { official: { year: 2025, index: 2.5 } },
    });
    const cal = (await api('GET', '/orgs/32.05/calibration?year=2027', s.operator)).json().data;
    expect(cal).toMatchObject({ framework: { id: 'pemdi-2026' }, official: { index: 3 } });

    // Deleting names the year; its framework follows from it.
    expect((await api('DELETE', '/orgs/32.05/official-results/2027', s.national)).statusCode).toBe(200);
    expect((await api('GET', '/orgs/32.05/history', s.operator)).json().data).toHaveLength(2);
  });

  it('imports a file on the framework it names, refusing years another framework evaluated', async () => {
    const importFile = (content: string, framework: string) => {
      const body = multipartFile(Buffer.from(content), 'hasil.csv');
      return t.app.inject({
        method: 'POST',
        url: `/api/v1/official-results/import${framework ? `?framework=${framework}` : ''}`,
        headers: { ...s.national.headers, ...body.headers },
        payload: body.payload,
      });
    };
    const otherYear = await importFile('kode_instansi,tahun,indeks\n32.01,2025,3\n', 'pemdi-2026');
    expect(otherYear.statusCode).toBe(400);
    expect(otherYear.json().error.details.problems).toEqual([
      expect.objectContaining({
        row: 2,
        field: 'tahun',
        message: 'Tahun 2025 tidak dievaluasi dengan kerangka pemdi-2026',
      }),
    ]);
    // A file holds one framework's columns: it is always named.
    expect((await importFile('kode_instansi,tahun,indeks\n32.01,2025,3\n', '')).statusCode).toBe(400);
    expect((await importFile('kode_instansi,tahun,indeks\n32.01,2027,3\n', 'pemdi-2026')).statusCode).toBe(
      200,
    );
  });
});
