import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartFile, samples } from '../../../../tests/support/multipart';
import {
  apiFor,
  openTestApp,
  type People,
  type Sessions,
  type TestApp,
} from '../../../../tests/support/test-app';
import { gatherFacts, readAllFacts, refreshFollowupFacts } from '../followup/followup.facts';

let t: TestApp;
// Who signs in, with which role in which body.
const people = {
  national: ['national_supervisor', 'KEMENDAGRI'],
  jabar: ['province_supervisor', '32'],
  mentor: ['mentor', '32.11'],
  garutOp: ['operator', '32.05'],
  garutAdmin: ['body_admin', '32.05'],
  garutLeader: ['leader', '32.05'],
  bandungLeader: ['leader', '32.04'],
  cimahiLeader: ['leader', '32.77'],
} as const satisfies People;
let s: Sessions<typeof people>;

beforeAll(async () => {
  ({ t, s } = await openTestApp({ host: '32.11', people }));
});
afterAll(() => t?.close());

const api = apiFor(() => t);
type Row = { code: string; reason: string | null; stage: string | null };
const codes = (rows: Row[]) => rows.map((b) => b.code);
const figures = async (url = '/funnel') => (await api('GET', url, s.national)).json().data;
const bodies = async (query: string, who = s.national) =>
  (await api('GET', `/funnel/bodies?${query}`, who)).json() as { data: Row[]; pagination: { total: number } };

describe('the follow-up measure', () => {
  it('counts milestones independently, of a cohort that includes signatories who never visited', async () => {
    for (const visitor of ['32.05', '32.04', '33.74']) {
      const v = await api('POST', '/visits', s.national, {
        hostCode: '32.11',
        visitorCode: visitor,
        startDate: '2025-03-01',
        endDate: '2025-03-02',
        indicators: [1, 11],
      });
      expect(v.statusCode, v.body).toBe(201);
    }
    await api('POST', '/commitments', s.national, {
      title: 'Komitmen',
      textId: 'Kami berkomitmen menindaklanjuti studi tiru.',
      textEn: 'We commit to follow up the study visit.',
    });
    for (const [who, code] of [
      [s.garutLeader, '32.05'],
      [s.bandungLeader, '32.04'],
      [s.cimahiLeader, '32.77'],
    ] as const) {
      const r = await api('POST', `/orgs/${code}/commitment-signatures`, who, {
        signerName: 'Kepala Daerah',
        signerPosition: 'Bupati',
        textVersion: 1,
      });
      expect(r.statusCode, r.body).toBe(201);
    }
    // Garut: baseline submitted (meets the visit's obligation), plan approved, one item done.
    const a = (await api('POST', '/orgs/32.05/assessments', s.garutOp, { year: 2025 })).json().data.id;
    const detail = (await api('GET', `/assessments/${a}`, s.garutOp)).json().data;
    for (const i of detail.items) {
      await api('PUT', `/assessments/${a}/items/${i.indicator}`, s.garutOp, {
        level: 2,
        version: i.version,
        serviceName: i.indicator >= 45 ? `Layanan ${i.indicator}` : undefined,
      });
    }
    expect((await api('POST', `/assessments/${a}/transitions/submit`, s.garutAdmin)).statusCode).toBe(200);
    const visit = (await api('GET', '/visits?org=32.05', s.garutAdmin)).json().data[0];
    expect((await api('GET', `/visits/${visit.id}`, s.garutAdmin)).json().data.obligation.status).toBe('met');
    const plan = (await api('POST', '/orgs/32.05/plans', s.garutOp, { period: '2025' })).json().data.id;
    await api('POST', `/plans/${plan}/items/from-steps`, s.garutOp, { steps: [{ indicator: 1, to: 3 }] });
    await api('POST', `/plans/${plan}/transitions/submit`, s.garutAdmin);
    await api('POST', `/plans/${plan}/transitions/approve`, s.garutLeader, { acknowledgeIncomplete: true });
    const item = (await api('GET', `/plans/${plan}`, s.garutOp)).json().data.items[0];
    const done = await api('PATCH', `/plans/${plan}/items/${item.id}`, s.garutOp, {
      status: 'done',
      version: item.version,
    });
    expect(done.statusCode, done.body).toBe(200);

    let f = await figures();
    expect(f.cohort.count).toBe(4);
    expect(f.visited).toBe(3);
    const count = (x: typeof f) =>
      Object.fromEntries(
        x.milestones.map((m: { milestone: string; count: number }) => [m.milestone, m.count]),
      );
    // Done without evidence is not "acting" yet.
    expect(count(f)).toMatchObject({ committed: 3, assessed: 1, planned: 1, acting: 0, improved: 0 });
    expect(f.headline.followedUp).toEqual({ count: 1, percent: 25 });
    expect(f.definitions.followedUp.en).toContain('after the reference date');
    expect(f.trend).toHaveLength(12);
    expect(f.trend.at(-1).followedUp.count).toBe(1);

    const upload = multipartFile(samples.pdf(), 'laporan.pdf', { contentType: 'application/pdf' });
    const file = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orgs/32.05/evidence',
      payload: upload.payload,
      headers: { ...s.garutOp.headers, ...upload.headers },
    });
    expect(file.statusCode, file.body).toBe(201);
    const linked = await api('POST', `/plans/${plan}/items/${item.id}/evidence`, s.garutOp, {
      fileId: file.json().data.id,
    });
    expect(linked.statusCode, linked.body).toBe(200);
    f = await figures();
    expect(count(f).acting).toBe(1);

    // A stage's drill-down lists exactly the bodies its figure counts, with the reason.
    const committed = await bodies('milestone=committed');
    expect(committed.pagination.total).toBe(3);
    expect(codes(committed.data).sort()).toEqual(['32.04', '32.05', '32.77']);
    expect(committed.data[0]!.reason).toMatch(/^komitmen v1 ditandatangani \d{2}-\d{2}-\d{4}$/);
    const cohort = await bodies('milestone=cohort');
    expect(cohort.data.find((b) => b.code === '32.77')!.reason).toMatch(/^menandatangani komitmen v1/);
    // The former `stage=` filter still answers, now with the independent milestone.
    expect(codes((await bodies('stage=acting')).data)).toEqual(['32.05']);
  });

  it('counts as improved only an official rise after the reference year, never one from before', async () => {
    for (const [year, index] of [
      [2023, 2.1],
      [2024, 2.6],
    ] as const) {
      const r = await api('PUT', `/orgs/33.74/official-results/${year}`, s.national, {
        frameworkId: 'spbe-2020',
        index,
      });
      expect(r.statusCode, r.body).toBe(200);
    }
    expect((await bodies('milestone=improved')).pagination.total).toBe(0);
    await api('PUT', '/orgs/33.74/official-results/2026', s.national, {
      frameworkId: 'spbe-2020',
      index: 2.9,
    });
    const improved = await bodies('milestone=improved');
    expect(improved.data.map((b) => [b.code, b.reason])).toEqual([
      ['33.74', 'resmi 2024 2.60 → 2026 2.90; kunjungan ke Kabupaten Sumedang 01-03-2025'],
    ]);
    const en = await api('GET', '/funnel/bodies?milestone=improved', {
      ...s.national,
      headers: { ...s.national.headers, 'accept-language': 'en' },
    });
    expect(en.json().data[0].reason).toBe(
      'official 2024 2.60 → 2026 2.90; visit to Kabupaten Sumedang 01-03-2025',
    );
    const f = await figures();
    expect(f.headline.improved).toEqual({ count: 1, percent: 25 });
    // Improved without committing or planning still counts: milestones are independent.
    expect((await bodies('milestone=planned')).data.map((b) => b.code)).toEqual(['32.05']);
  });

  it('shows each supervisor their scope: a province with the kab/kota not joined, hosts, texts', async () => {
    const jabar = (await api('GET', '/funnel?scope=province&ref=32', s.jabar)).json().data;
    expect(jabar.cohort.count).toBe(3);
    // 27 kab/kota, 3 joined, and the host Sumedang is not counted as "not joined".
    expect(jabar.cohort.notJoined).toBe(27 - 3 - 1);
    const notJoined = await bodies('scope=province&ref=32&milestone=notJoined&pageSize=100', s.jabar);
    expect(notJoined.pagination.total).toBe(23);
    expect(codes(notJoined.data)).not.toContain('32.11');
    expect(codes(notJoined.data)).not.toContain('32.05');
    expect((await api('GET', '/funnel?scope=province&ref=33', s.jabar)).statusCode).toBe(403);
    expect((await api('GET', '/funnel', s.jabar)).statusCode).toBe(403);
    expect((await api('GET', '/funnel?scope=host&ref=32.11', s.mentor)).json().data.cohort.count).toBe(3);
    // National supervisors get Kabupaten Sumedang when no host is named.
    const host = (await api('GET', '/funnel?scope=host', s.national)).json().data;
    expect(host.scope).toMatchObject({ kind: 'host', ref: '32.11' });
    expect((await api('GET', '/funnel?scope=host&ref=32.05', s.national)).statusCode).toBe(404);
    const signatories = (await api('GET', '/funnel?scope=commitment&ref=1', s.national)).json().data;
    expect(signatories.cohort.count).toBe(3);
    expect((await api('GET', '/funnel?scope=commitment&ref=9', s.national)).statusCode).toBe(404);
    expect((await api('GET', '/funnel', s.garutOp)).statusCode).toBe(403);
    const scopes = (await api('GET', '/funnel/scopes', s.jabar)).json();
    expect(scopes.data).toEqual([
      { scope: 'province', ref: '32', name: 'Jawa Barat', abilities: { view: true, export: true } },
    ]);
    const journey = (await api('GET', '/orgs/32.05/journey', s.garutOp)).json().data;
    expect(journey.stage).toBe('acting');
    expect(
      journey.milestones.find((m: { milestone: string }) => m.milestone === 'assessed').reason,
    ).toContain('penilaian mandiri 2025 dikirim');
    expect((await api('GET', '/orgs/32.04/journey', s.garutOp)).statusCode).toBe(404);
  });

  it('measures the path to the host on the body page', async () => {
    // An official result with every indicator at level n.
    const official = (code: string, year: number, n: number) =>
      api('PUT', `/orgs/${code}/official-results/${year}`, s.national, {
        frameworkId: 'spbe-2020',
        levels: Object.fromEntries(Array.from({ length: 47 }, (_, i) => [String(i + 1), n])),
      });
    await official('32.11', 2024, 4);
    await official('32.05', 2024, 2);
    let p = (await api('GET', '/orgs/32.05/path', s.garutOp)).json().data;
    expect(p.host).toEqual({ code: '32.11', name: 'Kabupaten Sumedang' });
    expect(p.indicators).toHaveLength(47);
    expect(p.progressPercent).toBe(0);
    expect(p.following).toBe(false);
    await official('32.05', 2026, 3);
    p = (await api('GET', '/orgs/32.05/path', s.garutOp)).json().data;
    expect(p.progressPercent).toBe(50);
    expect(p.basis.current).toMatchObject({ source: 'official', year: 2026 });
    expect(p.following).toBe(true);
    // One series per framework: the host's 2020 reference result is on spbe-2018 (PermenPANRB 5/2018).
    expect(
      p.series
        .map(
          (x: { who: string; source: string; frameworkId: string }) =>
            `${x.who}:${x.source}:${x.frameworkId}`,
        )
        .sort(),
    ).toEqual(['body:official:spbe-2020', 'host:official:spbe-2018', 'host:official:spbe-2020']);
    expect((await figures()).headline.followingPath.count).toBe(1);
    // The host's levels change: its followers' stored paths are measured again in that transaction.
    await official('32.11', 2024, 2);
    expect((await figures()).headline.followingPath.count).toBe(0);
    await official('32.11', 2024, 4);
    expect((await figures()).headline.followingPath.count).toBe(1);
    expect((await api('GET', '/orgs/32.05/path?host=32.05', s.garutOp)).statusCode).toBe(404);
  });

  it('lists stalled bodies and exports every table', async () => {
    const v = await api('POST', '/visits', s.national, {
      hostCode: '32.11',
      visitorCode: '35.10',
      startDate: '2025-06-01',
      endDate: '2025-06-02',
    });
    expect(v.statusCode, v.body).toBe(201);
    await t.database.db.execute(sql`update visits set created_at = now() - interval '90 days', updated_at = now() - interval '90 days'
      where visitor_org_id = (select id from orgs where code = '35.10')`);
    // Changed behind the app's back: rewrite its facts and drop what this instance cached.
    const [body] = (
      (await t.database.db.execute(sql`select id from orgs where code = '35.10'`)) as unknown as {
        rows: { id: string }[];
      }
    ).rows;
    await t.database.db.transaction((tx) => refreshFollowupFacts(tx, [body!.id]));
    t.app.caches.funnel.clear();
    const f = await figures();
    expect(f.stalled.map((x: { code: string; next: string }) => [x.code, x.next])).toContainEqual([
      '35.10',
      'committed',
    ]);
    const stalled = await bodies('stalled=true');
    expect(stalled.pagination.total).toBe(f.stalledCount);
    const csv = await api('GET', '/funnel/export?scope=province&ref=32', s.jabar);
    expect(csv.body.split('\n')[0]).toContain(
      'kode,instansi,bergabung,tanggal_acuan,bergabung_karena,berkunjung,berkomitmen',
    );
    expect(csv.body).toContain('32.05');
    expect(csv.body).toContain('32.01');
    expect(csv.body).not.toContain('35.10');
    expect(csv.headers['content-disposition']).toContain("filename*=UTF-8''tindak-lanjut-province-32.csv");
    const xlsx = await api('GET', '/funnel/export?format=xlsx', s.national);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('keeps the stored facts equal to a rebuild from the events after every change above', async () => {
    const stored = await readAllFacts(t.database.db);
    expect(stored.length).toBeGreaterThan(0);
    const fresh = await gatherFacts(
      t.database.db,
      stored.map((f) => f.orgId),
    );
    const byId = new Map(fresh.map((f) => [f.orgId, f]));
    for (const f of stored) expect(f, f.orgId).toEqual(byId.get(f.orgId));
  });

  it('answers bad scope references with a clear 400 or 404, never 500', async () => {
    for (const url of [
      '/funnel?scope=province',
      '/funnel?scope=province&ref=%E2%9C%93',
      '/funnel?scope=nowhere',
      '/funnel/bodies?milestone=everything',
      '/funnel/export?ref=a%22%3B%20filename%3D%22evil.html',
    ]) {
      const r = await api('GET', url, s.national);
      expect([400, 404], `${url}: ${r.body}`).toContain(r.statusCode);
      expect(r.json().error.code).toBeTruthy();
    }
    expect((await api('GET', '/funnel?scope=programme&ref=not-a-uuid', s.national)).statusCode).toBe(404);
  });
});
