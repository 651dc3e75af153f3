import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiFor,
  createTestApp,
  login,
  loginAs,
  type Session,
  type TestApp,
} from '../../../../tests/support/test-app';
import type {
  NationalOverview,
  ProvinceOverview,
  Regions,
  Simulation,
} from '../../../shared/contracts/supervision';
import { SAMPLE_PASSWORD } from '../../db/seed/sample-accounts';

// The supervisors' cockpits on the labelled sample data (a cohort around Kabupaten Sumedang in
// West Java and one Banten body), through the API.
let t: TestApp;
const s = {} as Record<'national' | 'admin' | 'jabar' | 'banten' | 'garutAdmin' | 'mentor', Session>;
const api = apiFor(() => t);

beforeAll(async () => {
  t = await createTestApp({}, { sample: true });
  const sample = (email: string) => login(t.app, email, SAMPLE_PASSWORD);
  s.national = await sample('nasional@livinglab.test');
  s.admin = await sample('admin@livinglab.test');
  s.jabar = await sample('jabar@livinglab.test');
  s.garutAdmin = await sample('admin.garut@livinglab.test');
  s.mentor = await sample('mentor.sumedang@livinglab.test');
  s.banten = await loginAs(t, 'province_supervisor', '36');
});
afterAll(() => t?.close());

type FunnelHeadline = Pick<NationalOverview['headline'], 'followedUp' | 'followingPath' | 'improved'>;
const get = async <T>(url: string, who: Session) => {
  const res = await api('GET', url, who);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return res.json().data as T;
};

describe('the national cockpit', () => {
  it('gives the follow-up measure’s own figures, nationally and per province', async () => {
    const n = await get<NationalOverview>('/supervision/national', s.national);
    const funnel = await get<{ cohort: { count: number }; headline: FunnelHeadline }>('/funnel', s.national);
    expect(n.headline).toMatchObject({ cohort: funnel.cohort.count, ...funnel.headline });
    expect(n.provinces).toHaveLength(38);
    const jabar = n.provinces.find((p) => p.code === '32')!;
    const jabarFunnel = await get<{
      cohort: { count: number; notJoined: number };
      headline: FunnelHeadline;
    }>('/funnel?scope=province&ref=32', s.national);
    expect(jabar).toMatchObject({
      name: 'Jawa Barat',
      // The province government and its 27 kab/kota.
      bodies: 28,
      cohort: jabarFunnel.cohort.count,
      notJoined: jabarFunnel.cohort.notJoined,
      ...jabarFunnel.headline,
    });
    // Latest indices: Tasikmalaya official 2025 2.84, Ciamis self-assessed 2025 1.68, Sumedang
    // official 2024 4.51.
    expect(jabar).toMatchObject({ averageIndex: 3.01, indexed: 3 });
    expect(n.provinces.find((p) => p.code === '94')).toMatchObject({ cohort: 0, averageIndex: null });
    // DKI Jakarta's administrative cities and regency are listed but not evaluated separately:
    // neither bodies of the province's count nor "not joined".
    expect(n.provinces.find((p) => p.code === '31')).toMatchObject({ bodies: 1, notJoined: 0 });
    expect(n.trend.months).toHaveLength(12);
    expect(n.trend.years.at(-1)).toMatchObject({ year: 2025 });
    expect(n.definitions.averageIndex?.id).toContain('Rata-rata');
  });

  it('moves with a new official result (the cached answer is cleared)', async () => {
    const before = await get<NationalOverview>('/supervision/national', s.admin);
    expect(before.provinces.find((p) => p.code === '36')).toMatchObject({ averageIndex: 2.68, indexed: 1 });
    const put = await api('PUT', '/orgs/36.01/official-results/2024', s.national, {
      frameworkId: 'spbe-2020',
      index: 2.2,
      source: 'uji',
    });
    expect(put.statusCode, put.body).toBe(200);
    await expect
      .poll(async () =>
        (await get<NationalOverview>('/supervision/national', s.admin)).provinces.find(
          (p) => p.code === '36',
        ),
      )
      .toMatchObject({ averageIndex: 2.44, indexed: 2 });
  });

  it('gives every kab/kota its map values', async () => {
    const all = await get<Regions>('/supervision/regions', s.national);
    expect(all.province).toBeNull();
    expect(all.regions).toHaveLength(514);
    const jabar = await get<Regions>('/supervision/regions?province=32', s.national);
    expect(jabar.province).toEqual({ code: '32', name: 'Jawa Barat' });
    expect(jabar.regions).toHaveLength(27);
    const by = new Map(jabar.regions.map((r) => [r.code, r]));
    expect(by.get('32.11')).toMatchObject({ milestone: 'host', latest: { index: 4.51, year: 2024 } });
    expect(by.get('32.06')).toMatchObject({
      milestone: 'followingPath',
      latest: { index: 2.84, year: 2025, source: 'official' },
    });
    expect(by.get('32.07')).toMatchObject({
      milestone: 'assessed',
      latest: { index: 1.68, year: 2025, source: 'self' },
    });
    expect(by.get('32.08')?.milestone).toBe('joined');
    expect(by.get('32.01')).toMatchObject({ milestone: 'notJoined', latest: null });
    // The same values as the national list.
    expect(all.regions.find((r) => r.code === '32.06')).toEqual(by.get('32.06'));
  });
});

describe('the province cockpit', () => {
  it('lists the province’s bodies with the stalled ones and the province’s own figures', async () => {
    const p = await get<ProvinceOverview>('/supervision/provinces/32', s.jabar);
    expect(p.province).toEqual({ code: '32', name: 'Jawa Barat' });
    expect(p.bodies).toHaveLength(28);
    expect(p.bodies[0]).toMatchObject({ code: '32', type: 'province' });
    const funnel = await get<{ cohort: { count: number; notJoined: number } }>(
      '/funnel?scope=province&ref=32',
      s.jabar,
    );
    expect(p.headline).toMatchObject({
      cohort: funnel.cohort.count,
      notJoined: funnel.cohort.notJoined,
      averageIndex: 3.01,
    });
    const by = new Map(p.bodies.map((b) => [b.code, b]));
    // Kuningan missed its visit's follow-up obligation; Tasikmalaya's sample item is past due.
    expect(by.get('32.08')).toMatchObject({ stalled: true, missedObligations: 1 });
    expect(by.get('32.06')).toMatchObject({ stalled: true, pathProgressPercent: expect.any(Number) });
    expect(by.get('32.06')!.overdueItems).toBeGreaterThan(0);
    expect(by.get('32.01')).toMatchObject({ joined: false, stalled: false, milestone: 'notJoined' });
    expect(p.abilities).toEqual({ view: true, simulate: true });
  });

  it('simulates the province’s average with a body’s approved plan reached', async () => {
    // Ciamis: self-assessed 2025 at 1.68, no plan yet.
    const ciamisLevels = async () => {
      const list = (await api('GET', '/orgs/32.07/assessments', s.national)).json().data;
      const detail = (await api('GET', `/assessments/${list[0].id}`, s.national)).json().data;
      return detail.items.find((i: { indicator: number }) => i.indicator === 42).level as number;
    };
    const before = await get<Simulation>('/supervision/provinces/32/simulation', s.jabar);
    expect(before.bodies.find((b) => b.code === '32.07')).toMatchObject({
      current: { index: 1.68 },
      planned: null,
      problem: 'no_plan',
    });
    const level42 = await ciamisLevels();
    expect(level42).toBeLessThan(5);
    const admin = await loginAs(t, 'body_admin', '32.07');
    const leader = await loginAs(t, 'leader', '32.07');
    // A plan on the framework of the levels it raises (Ciamis's 2025 self-assessment: SPBE 2020).
    const plan = (await api('POST', '/orgs/32.07/plans', admin, { period: '2025' })).json().data;
    const item = await api('POST', `/plans/${plan.id}/items`, admin, {
      title: 'Integrasi layanan publik',
      targets: [{ indicator: 42, level: 5 }],
      ownerUnit: 'Diskominfo',
      dueDate: '2026-12-15',
    });
    expect(item.statusCode, item.body).toBe(201);
    // Not approved yet: a draft does not count.
    expect(
      (await get<Simulation>('/supervision/provinces/32/simulation', s.jabar)).bodies.find(
        (b) => b.code === '32.07',
      )?.planned,
    ).toBeNull();
    expect((await api('POST', `/plans/${plan.id}/transitions/submit`, admin)).statusCode).toBe(200);
    expect((await api('POST', `/plans/${plan.id}/transitions/approve`, leader)).statusCode).toBe(200);
    const after = await get<Simulation>('/supervision/provinces/32/simulation', s.jabar);
    // Indicator 42 weighs 3 of 100: each level it rises adds 0.03 to the index.
    expect(after.bodies.find((b) => b.code === '32.07')).toMatchObject({
      current: { index: 1.68 },
      planned: Math.round((1.68 + 0.03 * (5 - level42)) * 100) / 100,
      raised: 1,
      basis: { source: 'self', year: 2025 },
      problem: null,
    });
    // A plan without levels to start from (Kota Bandung's sample plan) says so.
    expect(after.bodies.find((b) => b.code === '32.73')).toMatchObject({
      planned: null,
      problem: 'no_levels',
    });
  });
});

describe('who may look', () => {
  it('keeps a province supervisor to its own province, and away from the nation', async () => {
    for (const url of [
      '/supervision/provinces/32',
      '/supervision/provinces/32/simulation',
      '/supervision/regions?province=32',
    ])
      expect((await api('GET', url, s.banten)).statusCode, url).toBe(403);
    expect((await api('GET', '/supervision/provinces/36', s.banten)).statusCode).toBe(200);
    for (const url of ['/supervision/national', '/supervision/regions'])
      expect((await api('GET', url, s.jabar)).statusCode, url).toBe(403);
  });

  it('gives body roles and mentors nothing, and sign-in is required', async () => {
    for (const who of [s.garutAdmin, s.mentor])
      for (const url of [
        '/supervision/national',
        '/supervision/provinces/32',
        '/supervision/regions?province=32',
      ])
        expect((await api('GET', url, who)).statusCode, url).toBe(403);
    for (const url of ['/supervision/national', '/supervision/provinces/32/simulation'])
      expect((await api('GET', url)).statusCode).toBe(401);
  });

  it('answers 404 for a code that is not a province, in the path or the query, and 400 for a malformed query', async () => {
    expect((await api('GET', '/supervision/provinces/99', s.national)).statusCode).toBe(404);
    expect((await api('GET', '/supervision/regions?province=99', s.national)).statusCode).toBe(404);
    // A path that cannot name a province names nothing: not found, like an unknown one.
    expect((await api('GET', '/supervision/provinces/32.11', s.national)).statusCode).toBe(404);
    for (const url of ['/supervision/regions?province=abc', '/supervision/regions?province=32&province=33'])
      expect((await api('GET', url, s.national)).statusCode, url).toBe(400);
    expect([400, 404]).toContain((await api('GET', '/supervision/provinces/%00', s.national)).statusCode);
  });
});

describe('the API description', () => {
  it('documents every cockpit route with its reply’s schema', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    for (const path of [
      '/api/v1/supervision/national',
      '/api/v1/supervision/regions',
      '/api/v1/supervision/provinces/{code}',
      '/api/v1/supervision/provinces/{code}/simulation',
    ]) {
      const op = doc.paths[path]?.get;
      expect(op?.tags, path).toEqual(['supervision']);
      expect(op.responses['200'].content['application/json'].schema.properties.data, path).toBeTruthy();
    }
  });
});
