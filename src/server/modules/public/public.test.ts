import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  createUser,
  login,
  type Session,
  type TestApp,
} from '../../../../tests/support/test-app';
import { OPEN_DATA_LICENCE } from '../../../shared/contracts/public';
import { SAMPLE_PASSWORD } from '../../db/seed/sample-accounts';

// The public portal's open data, through the API as anyone would call it (no session): JSON and
// CSV, the licence, caching (headers, ETag, a server cache the database keeps coherent), 400/404,
// and that nothing private ever leaves: users, drafts, evidence, revoked or unpublished records.

let t: TestApp;
let national: Session;
const SECRET = 'RAHASIA-PORTAL';

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });

beforeAll(async () => {
  // A long cache life: a fresh answer after a write proves the invalidation, not the expiry.
  t = await createTestApp({ READ_CACHE_SECONDS: '60' }, { sample: true });
  national = await login(t.app, 'nasional@livinglab.test', SAMPLE_PASSWORD);
  const db = t.database.db;
  // Private records that must never reach the portal, each carrying the marker.
  await createUser(t.database, { role: 'operator', orgCode: '32.05', name: `${SECRET} Pengguna` });
  await db.execute(sql`insert into practices (host_org_id, title, summary, type, status)
    select id, ${`${SECRET} draf praktik`}, ${SECRET}, 'sop', 'draft' from orgs where code = '32.11'`);
  await db.execute(sql`insert into practices (host_org_id, title, summary, type, status)
    select id, ${`${SECRET} praktik diarsipkan`}, ${SECRET}, 'sop', 'archived' from orgs where code = '32.11'`);
  await db.execute(sql`update action_items set title = ${`${SECRET} butir`}, description = ${SECRET}`);
  await db.execute(sql`update evidence_files set name = ${`${SECRET}.pdf`}`);
  await db.execute(sql`update assessment_comments set body = ${SECRET}`);
  // Ciamis's signature is revoked: it no longer counts as signed, nor is it shown.
  await db.execute(sql`update commitment_signatures set revoked_at = now(), revoked_reason = ${SECRET},
    signer_position = ${`${SECRET} jabatan`} where org_code = '32.07'`);
  // Garut only says it is interested in a second practice: its own intention, not a replication.
  await db.execute(sql`insert into adoptions (practice_id, host_org_id, org_id, stage)
    select p.id, p.host_org_id, o.id, 'interested' from practices p, orgs o
    where o.code = '32.05' and p.status = 'published'
      and p.id not in (select practice_id from adoptions where org_id = o.id) limit 1`);
  // A name that a spreadsheet would run as a formula.
  await db.execute(
    sql`insert into orgs (code, name, type) values ('LSM-UJI', '=HYPERLINK("http://x.test")', 'ngo')`,
  );
  await t.app.cacheSync.barrier();
});
afterAll(() => t?.close());

describe('open data: national and province figures', () => {
  it('answers the national figures in JSON with the licence, cache headers and the funnel’s own numbers', async () => {
    const res = await get('/public/summary');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    expect(res.headers.etag).toMatch(/^"[\w-]+"$/);
    expect(res.headers.link).toBe(`<${OPEN_DATA_LICENCE.url}>; rel="license"`);
    const body = res.json();
    expect(body.licence).toEqual(OPEN_DATA_LICENCE);
    expect(body.sampleData).toBe(true);
    expect(body.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const s = body.data;
    expect(s.directory.provinces).toBe(38);
    // 514 kab/kota less DKI Jakarta's 5 administrative cities and 1 administrative regency.
    expect(s.directory.kabKota).toBe(508);
    expect(s.hosts).toBeGreaterThan(0);
    expect(s.definitions.followedUp.id).toContain('Menindaklanjuti');
    expect(s.definitions.selfReported).toBeUndefined();
    // The very figures a national supervisor sees on the follow-up page.
    const funnel = (await get('/funnel', national.headers)).json().data;
    expect(s.cohort).toBe(funnel.cohort.count);
    expect(s.cohort).toBeGreaterThan(0);
    expect(s.headline).toEqual(funnel.headline);
    expect(s.milestones).toEqual(funnel.milestones);
    expect(s.trend).toEqual(funnel.trend);
    // Nobody is answered differently: a signed-in caller gets the same bytes.
    expect((await get('/public/summary', national.headers)).headers.etag).toBe(res.headers.etag);
  });

  it('answers the same figures as CSV by ?format=csv or the .csv suffix, with the licence link', async () => {
    const a = await get('/public/summary?format=csv');
    const b = await get('/public/summary.csv');
    expect(a.statusCode).toBe(200);
    expect(a.body).toBe(b.body);
    expect(a.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(a.headers['content-disposition']).toContain('living-lab-ringkasan.csv');
    expect(a.headers.link).toBe(`<${OPEN_DATA_LICENCE.url}>; rel="license"`);
    expect(a.headers['cache-control']).toBe('public, max-age=300');
    const lines = a.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe('figure,month,count,percent');
    const s = (await get('/public/summary.json')).json().data;
    expect(lines).toContain(`cohort,,${s.cohort},`);
    expect(lines).toContain(
      `followed_up,,${s.headline.followedUp.count},${s.headline.followedUp.percent ?? ''}`,
    );
  });

  it('answers 304 without a body when the ETag still matches, and a new tag for another format', async () => {
    const first = await get('/public/provinces');
    const etag = first.headers.etag as string;
    const again = await get('/public/provinces', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);
    expect((await get('/public/provinces', { 'if-none-match': `"x", W/${etag}` })).statusCode).toBe(304);
    expect((await get('/public/provinces', { 'if-none-match': '"other"' })).statusCode).toBe(200);
    const csv = await get('/public/provinces.csv');
    expect(csv.headers.etag).not.toBe(etag);
    expect(
      (await get('/public/provinces.csv', { 'if-none-match': csv.headers.etag as string })).statusCode,
    ).toBe(304);
  });

  it('gives each province the figures of its own follow-up scope', async () => {
    const list = (await get('/public/provinces')).json().data;
    expect(list).toHaveLength(38);
    const jabar = list.find((p: { code: string }) => p.code === '32');
    expect(jabar).toMatchObject({ name: 'Jawa Barat', kabKota: 27 });
    // DKI Jakarta's six administrative areas are no kab/kota of their own.
    expect(list.find((p: { code: string }) => p.code === '31')).toMatchObject({ kabKota: 0 });
    const funnel = (await get('/funnel?scope=province&ref=32', national.headers)).json().data;
    expect(jabar.cohort).toBe(funnel.cohort.count);
    expect({
      followedUp: jabar.followedUp,
      followingPath: jabar.followingPath,
      improved: jabar.improved,
    }).toEqual(funnel.headline);
    const csv = await get('/public/provinces?format=csv');
    expect(csv.body).toContain('code,name,kab_kota,cohort,followed_up,followed_up_percent');
    expect(csv.body).toContain('32,Jawa Barat,27,');
  });
});

describe('open data: bodies', () => {
  it('lists bodies page by page, searched and filtered, and every match in one CSV', async () => {
    const page = (await get('/public/bodies?province=32&type=regency&pageSize=5&page=2')).json();
    expect(page.pagination).toMatchObject({ page: 2, pageSize: 5, total: 18, pageCount: 4 });
    expect(page.data).toHaveLength(5);
    expect(page.licence.id).toBe('CC-BY-4.0');
    const joined = (await get('/public/bodies?joined=true&pageSize=200')).json();
    expect(joined.data.length).toBeGreaterThan(0);
    expect(joined.data.every((b: { joined: boolean }) => b.joined)).toBe(true);
    const found = (await get('/public/bodies?q=sumedang')).json().data;
    expect(found.map((b: { code: string }) => b.code)).toEqual(['32.11']);
    expect(found[0]).toMatchObject({
      isHost: true,
      latestOfficial: { year: 2024, index: 4.51, predicate: 'Memuaskan', predicateEn: 'Excellent' },
    });
    const csv = await get('/public/bodies.csv?province=32&type=regency');
    const rows = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(rows[0]).toMatch(/^code,name,type,province_code,province_name,is_host,is_sample,joined,/);
    expect(rows).toHaveLength(1 + 18);
    expect(csv.headers['content-disposition']).toContain('living-lab-instansi.csv');
  });

  it('writes a name that looks like a formula so that no spreadsheet runs it', async () => {
    const csv = (await get('/public/bodies.csv?type=ngo')).body;
    expect(csv).toContain(`LSM-UJI,"'=HYPERLINK(""http://x.test"")",ngo`);
    expect(csv).not.toMatch(/,=HYPERLINK/);
  });

  it('shows a body’s public page: official results, valid signatures with their verification, practices', async () => {
    const tasik = (await get('/public/bodies/32.06')).json().data;
    expect(tasik.body).toMatchObject({ code: '32.06', joined: true, signed: true });
    expect(tasik.commitments.length).toBeGreaterThan(0);
    const c = tasik.commitments[0];
    expect(c.verifyUrl).toBe(`http://localhost:3000/verify/${c.id}`);
    expect((await get(`/commitments/signatures/${c.id}/verify`)).json().status).toBe('valid');
    expect(tasik.officialResults[0]).toMatchObject({
      year: 2025,
      index: 2.84,
      predicate: 'Baik',
      predicateEn: 'Good',
    });

    const garut = (await get('/public/bodies/32.05')).json().data;
    expect(garut.practicesReplicated).toEqual([
      expect.objectContaining({ stage: 'agreed', host: { code: '32.11', name: 'Kabupaten Sumedang' } }),
    ]);
    const sumedang = (await get('/public/bodies/32.11')).json().data;
    expect(sumedang.practicesHosted.length).toBe(5);
    expect(sumedang.officialResults.map((r: { year: number }) => r.year)).toEqual([2024, 2022, 2021, 2020]);

    const ciamis = (await get('/public/bodies/32.07')).json().data;
    expect(ciamis.body.signed).toBe(false);
    expect(ciamis.commitments).toEqual([]);

    const csv = await get('/public/bodies/32.05.csv');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body).toContain('section,key,value,detail,date,link');
    expect(csv.body).toContain('body,name,Kabupaten Garut');
    expect(csv.body).toContain('practice_replicated,');
    expect((await get('/public/bodies/32.05?format=csv')).body).toBe(csv.body);
  });

  it('answers 404 for a body the directory lacks and 400 for malformed parameters', async () => {
    for (const url of ['/public/bodies/99.99', '/public/bodies/ZZZ-TIDAK-ADA', '/public/bodies/99.99.csv']) {
      const r = await get(url);
      expect(r.statusCode, url).toBe(404);
      expect(r.json().error.code).toBe('NOT_FOUND');
    }
    for (const url of [
      '/public/bodies/x',
      '/public/bodies/32.11.xml',
      '/public/bodies/32.11?format=xml',
      '/public/summary?format=pdf',
      '/public/summary.xml',
      '/public/provinces.',
      '/public/bodies?page=0',
      '/public/bodies?pageSize=1000',
      '/public/bodies?type=planet',
      '/public/bodies?province=Jawa',
      '/public/bodies?joined=maybe',
      `/public/bodies?q=${'x'.repeat(101)}`,
    ]) {
      const r = await get(url);
      expect([400, 404], `${url}: ${r.body}`).toContain(r.statusCode);
      // A path that cannot name anything is not found (404); a bad query is invalid (400).
      expect(r.json().error.code, url).toMatch(/VALIDATION_FAILED|ROUTE_NOT_FOUND|NOT_FOUND/);
    }
  });
});

describe('open data: coherence and privacy', () => {
  it('serves a write at once on this instance (the database clears the cache), with a new ETag', async () => {
    const before = await get('/public/bodies/32.05');
    expect(before.json().data.officialResults).toEqual([]);
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/orgs/32.05/official-results/2025',
      headers: national.headers,
      payload: { index: 2.5, source: 'KepMenPANRB (uji)' },
    });
    expect(put.statusCode, put.body).toBe(200);
    await t.app.cacheSync.barrier();
    const after = await get('/public/bodies/32.05', { 'if-none-match': before.headers.etag as string });
    expect(after.statusCode).toBe(200);
    expect(after.json().data.officialResults).toEqual([expect.objectContaining({ year: 2025, index: 2.5 })]);
    expect(after.json().data.body.latestOfficial).toMatchObject({ year: 2025, index: 2.5 });
    const listed = (await get('/public/bodies?q=garut')).json().data[0];
    expect(listed.latestOfficial).toMatchObject({ year: 2025 });
  });

  it('never lets out users, drafts, evidence, comments, items, revoked signatures or intentions', async () => {
    const bodies = ['32', '32.05', '32.06', '32.07', '32.11', '36.71'];
    const urls = [
      '/public/summary',
      '/public/summary.csv',
      '/public/provinces',
      '/public/provinces.csv',
      '/public/bodies?pageSize=200',
      '/public/bodies?pageSize=200&page=2',
      '/public/bodies?pageSize=200&page=3',
      '/public/bodies?pageSize=200&page=4',
      '/public/bodies.csv',
      ...bodies.flatMap((c) => [`/public/bodies/${c}`, `/public/bodies/${c}.csv`]),
    ];
    const signerNames = (
      (await t.database.db.execute(sql`select signer_name from commitment_signatures`)) as unknown as {
        rows: { signer_name: string }[];
      }
    ).rows.map((r) => r.signer_name);
    expect(signerNames.length).toBeGreaterThan(0);
    const garutInterested = (
      (await t.database.db.execute(sql`select practice_id from adoptions a join orgs o on o.id = a.org_id
        where o.code = '32.05' and a.stage = 'interested'`)) as unknown as { rows: { practice_id: string }[] }
    ).rows[0]!.practice_id;
    for (const url of urls) {
      const r = await get(url);
      expect(r.statusCode, url).toBe(200);
      expect(r.body, url).not.toContain(SECRET);
      expect(r.body, url).not.toMatch(/@livinglab\.test|@example\.test|passwordHash|password_hash/);
      for (const name of signerNames) expect(r.body, `${url}: ${name}`).not.toContain(name);
    }
    const garut = (await get('/public/bodies/32.05')).json().data;
    expect(garut.practicesReplicated.map((p: { practiceId: string }) => p.practiceId)).not.toContain(
      garutInterested,
    );
  });
});
