import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../../../tests/support/pdf';
import { apiFor, createTestApp, login, type Session, type TestApp } from '../../../../tests/support/test-app';
import type { HomeReply, IndexBlock } from '../../../shared/contracts/home';
import type { ProvinceOverview } from '../../../shared/contracts/supervision';
import { SAMPLE_PASSWORD } from '../../db/seed/sample-accounts';

// One body, three pages: the leader's home page, the leader's rapor and the province cockpit must
// show the same index for Kabupaten Garut, the same for its host (Sumedang) and the same Jawa Barat
// average, on the labelled sample data and after an official result changes them.
let t: TestApp;
const api = apiFor(() => t);
const s = {} as Record<'leader' | 'jabar' | 'platform', Session>;

beforeAll(async () => {
  t = await createTestApp({}, { sample: true });
  s.leader = await login(t.app, 'bupati.garut@livinglab.test', SAMPLE_PASSWORD);
  s.jabar = await login(t.app, 'jabar@livinglab.test', SAMPLE_PASSWORD);
  s.platform = await login(t.app, 'admin@livinglab.test', SAMPLE_PASSWORD);
});
afterAll(() => t?.close());

const idNumber = (n: number) => n.toFixed(2).replace('.', ',');

async function threePages() {
  const home = (await api('GET', '/home', s.leader)).json() as HomeReply;
  const section = home.data.sections.find((x) => x.role === 'leader' && x.org.code === '32.05');
  const index = (section as { index: IndexBlock }).index;
  const cockpit = (await api('GET', '/supervision/provinces/32', s.jabar)).json().data as ProvinceOverview;
  const pdf = await api('GET', '/orgs/32.05/report.pdf?lang=id', s.leader);
  expect(pdf.statusCode).toBe(200);
  return { index, cockpit, rapor: pdfText(pdf.rawPayload) };
}

describe('a body’s index and its province’s average', () => {
  it('read the same on the home page, the rapor and the province cockpit', async () => {
    const { index, cockpit, rapor } = await threePages();
    const garut = cockpit.bodies.find((b) => b.code === '32.05')!;
    const sumedang = cockpit.bodies.find((b) => b.code === '32.11')!;
    // Garut has only a draft self-assessment on the sample data: no index anywhere, and the
    // rapor shows the draft as such beside "no index", never as the body's index.
    expect(garut.latest).toBeNull();
    expect(index.latest).toBeNull();
    expect(rapor).toContain('Belum ada hasil resmi atau penilaian mandiri yang dikirim.');
    // The host's index.
    expect(sumedang.latest).not.toBeNull();
    expect(index.host?.latest).toMatchObject(sumedang.latest!);
    expect(rapor).toContain(
      `Tuan rumah Kabupaten Sumedang (${sumedang.latest!.year}): ${idNumber(sumedang.latest!.index)}`,
    );
    // The province's average.
    expect(cockpit.headline.averageIndex).not.toBeNull();
    expect(index.province).toMatchObject({
      average: cockpit.headline.averageIndex,
      count: cockpit.headline.indexed,
    });
    expect(rapor).toContain(
      `Rata-rata provinsi: ${idNumber(cockpit.headline.averageIndex!)} (${cockpit.headline.indexed} instansi)`,
    );
  });

  it('still agree once the body has an official result', async () => {
    const res = await api('PUT', '/orgs/32.05/official-results/2025', s.platform, {
      frameworkId: 'spbe-2020',
      index: '2.71',
      source: 'Uji kesesuaian',
    });
    expect(res.statusCode, res.body).toBe(200);
    const { index, cockpit, rapor } = await threePages();
    const garut = cockpit.bodies.find((b) => b.code === '32.05')!;
    expect(garut.latest).toEqual({ index: 2.71, year: 2025, source: 'official', frameworkId: 'spbe-2020' });
    expect(index.latest).toMatchObject(garut.latest!);
    expect(rapor).toContain('2,71');
    expect(rapor).toContain('Hasil resmi 2025');
    expect(index.province).toMatchObject({
      average: cockpit.headline.averageIndex,
      count: cockpit.headline.indexed,
    });
    expect(rapor).toContain(
      `Rata-rata provinsi: ${idNumber(cockpit.headline.averageIndex!)} (${cockpit.headline.indexed} instansi)`,
    );
  });
});
