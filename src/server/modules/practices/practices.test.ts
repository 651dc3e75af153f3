import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFor, type Session, type TestApp } from '../../../../tests/support/test-app';
import { officialResults, orgs } from '../../db/schema';
import { appWithPeople, practicePayload as payload, uploadTo } from './practices.test-helpers';

let t: TestApp;
type Who = 'mentor' | 'hostAdmin' | 'otherMentor' | 'garutAdmin' | 'garutViewer' | 'bandungAdmin';
const s = {} as Record<Who, Session>;
const id = {} as Record<Who, string>;

beforeAll(async () => {
  t = await appWithPeople<Who>(
    [
      ['mentor', 'mentor', '32.11'],
      ['hostAdmin', 'body_admin', '32.11'],
      ['otherMentor', 'mentor', '33.74'],
      ['garutAdmin', 'body_admin', '32.05'],
      ['garutViewer', 'viewer', '32.05'],
      ['bandungAdmin', 'body_admin', '32.04'],
    ],
    s,
    id,
  );
});
afterAll(() => t?.close());

const api = apiFor(() => t);
let draftId: string;

describe('practice catalogue: writing', () => {
  it('lets a host’s mentors create a practice with contacts, artefacts and source code', async () => {
    const fileId = await uploadTo(t, s.hostAdmin, '32.11', 'panduan.pdf');
    const res = await api(
      'POST',
      '/practices',
      s.mentor,
      payload({
        contactUserIds: [id.mentor],
        fileIds: [fileId],
        sourceCode: { repoUrl: 'https://example.org/repo', license: 'GPL-3.0-or-later', stack: 'Laravel' },
        durationWeeks: 20,
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json().data;
    expect(p).toMatchObject({
      status: 'draft',
      version: 1,
      host: { code: '32.11', provinceCode: '32' },
      contacts: [{ id: id.mentor }],
      files: [{ id: fileId, name: 'panduan.pdf' }],
      sourceCode: { license: 'GPL-3.0-or-later' },
      abilities: { update: true, adopt: false },
      publishedAt: null,
    });
    draftId = p.id;
    // Named no framework: the one the current evaluation year uses.
    const thisYear = (await api('GET', `/frameworks/for-year/${new Date().getFullYear()}`)).json().data;
    expect(p.frameworkId).toBe(thisYear.framework.id);
  });

  it('refuses non-hosts, other hosts’ mentors and bad input with the field named', async () => {
    expect(
      (await api('POST', '/practices', s.garutAdmin, payload({ hostCode: '32.05' }))).json().error.code,
    ).toBe('HOST_ONLY');
    expect((await api('POST', '/practices', s.garutAdmin, payload())).statusCode).toBe(403);
    expect((await api('POST', '/practices', s.otherMentor, payload())).statusCode).toBe(403);
    expect((await api('POST', '/practices', s.mentor, payload({ hostCode: 'NOPE' }))).statusCode).toBe(404);
    const bad = async (over: Record<string, unknown>, field: string) => {
      const res = await api('POST', '/practices', s.mentor, payload(over));
      expect(res.statusCode, res.body).toBe(400);
      expect(JSON.stringify(res.json().error.details)).toContain(field);
    };
    await bad({ indicators: [{ indicator: 48, level: 3 }] }, 'body.indicators');
    await bad({ indicators: [{ indicator: 15, level: 6 }] }, 'indicators');
    await bad(
      {
        indicators: [
          { indicator: 15, level: 3 },
          { indicator: 15, level: 4 },
        ],
      },
      'indicators',
    );
    await bad({ frameworkId: 'no-such-framework' }, 'body.frameworkId');
    await bad({ contactUserIds: [id.garutAdmin] }, 'body.contactUserIds');
    await bad({ fileIds: [await uploadTo(t, s.garutAdmin, '32.05')] }, 'body.fileIds');
    await bad({ sourceCode: { repoUrl: 'ftp://x', license: 'MIT' } }, 'repoUrl');
    await bad({ sourceCode: { repoUrl: 'https://x.org', license: 'NOT-A-LICENCE' } }, 'license');
    await bad({ title: '' }, 'title');
  });

  it('keeps drafts from the public and from other bodies', async () => {
    expect((await api('GET', `/practices/${draftId}`)).statusCode).toBe(404);
    expect((await api('GET', `/practices/${draftId}`, s.garutAdmin)).statusCode).toBe(404);
    expect((await api('GET', `/practices/${draftId}`, s.otherMentor)).statusCode).toBe(404);
    expect((await api('GET', `/practices/${draftId}`, s.hostAdmin)).statusCode).toBe(200);
    expect((await api('GET', '/practices')).json().pagination.total).toBe(0);
    expect((await api('GET', '/practices?status=draft')).json().pagination.total).toBe(0);
    expect((await api('GET', '/practices?status=draft', s.otherMentor)).json().pagination.total).toBe(0);
    const mine = (await api('GET', '/practices?status=draft', s.mentor)).json();
    expect(mine.data.map((p: { id: string }) => p.id)).toEqual([draftId]);
    expect(mine.data[0].abilities).toEqual({ view: true, update: true, adopt: false });
    // A malformed id names no practice: reading it is "not found"; writing to it a clean 400.
    expect((await api('GET', '/practices/not-a-uuid')).statusCode).toBe(404);
    expect((await api('PUT', '/practices/not-a-uuid', s.mentor, payload())).statusCode).toBe(400);
  });

  it('edits with optimistic concurrency, recording each change; publishes and archives', async () => {
    const { hostCode: _, ...body } = payload();
    const before = (await api('GET', `/practices/${draftId}`, s.mentor)).json().data.frameworkId;
    const edit = await api('PUT', `/practices/${draftId}`, s.mentor, {
      ...body,
      title: 'Aplikasi layanan terpadu (versi 2)',
      version: 1,
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json().data.version).toBe(2);
    // An edit that names no framework keeps the practice's own.
    expect(edit.json().data.frameworkId).toBe(before);
    const history = edit.json().data.history;
    expect(history[0].changes.title).toEqual({
      from: 'Aplikasi layanan terpadu',
      to: 'Aplikasi layanan terpadu (versi 2)',
    });
    expect(Object.keys(history[0].changes)).toEqual(
      expect.arrayContaining(['title', 'contactUserIds', 'fileIds']),
    );
    const stale = await api('PUT', `/practices/${draftId}`, s.hostAdmin, { ...body, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: 'VERSION_CONFLICT',
      details: { current: { version: 2 } },
    });
    expect((await api('PUT', `/practices/${draftId}`, s.mentor, body)).statusCode).toBe(400);
    expect(
      (await api('PUT', `/practices/${draftId}`, s.otherMentor, { ...body, version: 2 })).statusCode,
    ).toBe(404);

    const pub = await api('PUT', `/practices/${draftId}`, s.hostAdmin, {
      ...body,
      status: 'published',
      version: 2,
    });
    expect(pub.statusCode, pub.body).toBe(200);
    expect(pub.json().data.publishedAt).not.toBeNull();
    expect(pub.json().data.history[0].changes.status).toEqual({ from: 'draft', to: 'published' });
    const anon = await api('GET', `/practices/${draftId}`);
    expect(anon.statusCode).toBe(200);
    expect(anon.json().data.abilities).toEqual({ view: true, update: false, adopt: false });
    expect((await api('GET', `/practices/${draftId}`, s.garutAdmin)).json().data.abilities).toEqual({
      view: true,
      update: false,
      adopt: true,
    });
    // Published, so other hosts see it, but they still may not change it.
    expect(
      (await api('PUT', `/practices/${draftId}`, s.otherMentor, { ...body, version: 3 })).statusCode,
    ).toBe(403);
    // Saving the same content again changes nothing (no new version, no history row).
    const same = await api('PUT', `/practices/${draftId}`, s.mentor, {
      ...body,
      status: 'published',
      version: 3,
    });
    expect(same.json().data.version).toBe(3);

    const archived = await api('PUT', `/practices/${draftId}`, s.mentor, {
      ...body,
      status: 'archived',
      version: 3,
    });
    expect(archived.json().data.status).toBe('archived');
    expect((await api('GET', `/practices/${draftId}`)).statusCode).toBe(404);
    expect((await api('GET', '/practices?status=archived', s.mentor)).json().pagination.total).toBe(1);
  });

  it('tells the caller where it may publish and adopt (the web shows its buttons from this)', async () => {
    const of = async (who: Who) => (await api('GET', '/practices/abilities', s[who])).json().data;
    expect(await of('mentor')).toEqual({
      publishIn: [{ code: '32.11', name: expect.any(String) }],
      adoptFor: [],
    });
    expect(await of('hostAdmin')).toMatchObject({
      publishIn: [{ code: '32.11' }],
      adoptFor: [{ code: '32.11' }],
    });
    expect(await of('garutAdmin')).toMatchObject({ publishIn: [], adoptFor: [{ code: '32.05' }] });
    expect(await of('garutViewer')).toEqual({ publishIn: [], adoptFor: [] });
    expect((await api('GET', '/practices/abilities')).statusCode).toBe(401);
  });
});

describe('practice catalogue: public search', () => {
  beforeAll(async () => {
    const publish = async (who: Session, over: Record<string, unknown>) => {
      // These describe SPBE 2020 indicators (23: Manajemen Data): the framework is named.
      const body = payload({ status: 'published', frameworkId: 'spbe-2020', ...over });
      const res = await api('POST', '/practices', who, body);
      expect(res.statusCode, res.body).toBe(201);
    };
    await publish(s.mentor, {
      title: 'Peraturan Bupati Arsitektur SPBE',
      summary: 'Templat peraturan tentang arsitektur.',
      type: 'regulation',
      indicators: [
        { indicator: 1, level: 4 },
        { indicator: 11, level: 4 },
      ],
    });
    await publish(s.mentor, {
      title: 'SOP Manajemen Data',
      summary: 'Prosedur walidata 100% terdokumentasi.',
      problem: 'Data GANDA antar dinas.',
      type: 'sop',
      indicators: [{ indicator: 23, level: 3 }],
    });
    await publish(s.otherMentor, {
      hostCode: '33.74',
      title: 'Pusat data kota',
      summary: 'Layanan pusat data bersama.',
      type: 'infrastructure',
      indicators: [{ indicator: 16, level: 5 }],
    });
  });

  it('finds published practices without login by text, indicator, type, host and province', async () => {
    const titles = async (query: string) =>
      ((await api('GET', `/practices${query}`)).json().data as { title: string }[])
        .map((p) => p.title)
        .sort();
    expect(await titles('')).toEqual([
      'Peraturan Bupati Arsitektur SPBE',
      'Pusat data kota',
      'SOP Manajemen Data',
    ]);
    expect(await titles('?q=ganda')).toEqual(['SOP Manajemen Data']);
    expect(await titles('?q=ARSITEKTUR')).toEqual(['Peraturan Bupati Arsitektur SPBE']);
    // LIKE wildcards in the search are taken literally.
    expect(await titles('?q=%25')).toEqual(['SOP Manajemen Data']);
    expect(await titles('?q=_')).toEqual([]);
    expect(await titles('?indicator=11')).toEqual(['Peraturan Bupati Arsitektur SPBE']);
    expect(await titles('?type=infrastructure')).toEqual(['Pusat data kota']);
    expect(await titles('?host=32.11')).toEqual(['Peraturan Bupati Arsitektur SPBE', 'SOP Manajemen Data']);
    expect(await titles('?province=33')).toEqual(['Pusat data kota']);
    const page = (await api('GET', '/practices?pageSize=1&page=2&sort=title')).json();
    expect(page.pagination).toEqual({ page: 2, pageSize: 1, total: 3, pageCount: 3 });
    expect(page.data[0].title).toBe('Pusat data kota');
    for (const bad of ['?indicator=abc', '?type=nope', '?sort=random', '?page=0'])
      expect((await api('GET', `/practices${bad}`)).statusCode, bad).toBe(400);
  });

  it('suggests practices for a body’s gaps, from its best levels', async () => {
    expect((await api('GET', '/orgs/32.05/practice-suggestions', s.bandungAdmin)).statusCode).toBe(404);
    expect((await api('GET', '/orgs/32.05/practice-suggestions')).statusCode).toBe(401);
    // Without levels the body is suggested practices of the current evaluation year's framework.
    const thisYear = (await api('GET', `/frameworks/for-year/${new Date().getFullYear()}`)).json().data;
    const fresh = (await api('GET', '/orgs/32.05/practice-suggestions', s.garutViewer)).json();
    expect(fresh.frameworkId).toBe(thisYear.framework.id);
    const none = (
      await api('GET', '/orgs/32.05/practice-suggestions?frameworkId=spbe-2020', s.garutViewer)
    ).json();
    expect(none.basis.source).toBe('none');
    // All at level 1: Pusat data (16: 2.5 × 4) = 0.1; Perbup (1: 1.3 × 3 + 11: 2.5 × 3) = 0.114; SOP (23: 1.5 × 2) = 0.03.
    expect(
      none.data.map((d: { practice: { title: string }; gain: number }) => [d.practice.title, d.gain]),
    ).toEqual([
      ['Peraturan Bupati Arsitektur SPBE', 0.114],
      ['Pusat data kota', 0.1],
      ['SOP Manajemen Data', 0.03],
    ]);
    const [garut] = await t.database.db.select().from(orgs).where(eq(orgs.code, '32.05'));
    await t.database.db.insert(officialResults).values({
      orgId: garut!.id,
      year: 2024,
      frameworkId: 'spbe-2020',
      index: 2.5,
      predicate: 'Cukup',
      levels: { 1: 4, 11: 4, 16: 2, 23: 1 },
    });
    // From now on the body's latest levels (SPBE 2020) decide the framework.
    const official = (await api('GET', '/orgs/32.05/practice-suggestions', s.garutViewer)).json();
    expect(official.frameworkId).toBe('spbe-2020');
    expect(official.basis).toMatchObject({ source: 'official', year: 2024 });
    expect(official.data.map((d: { practice: { title: string } }) => d.practice.title)).toEqual([
      'Pusat data kota',
      'SOP Manajemen Data',
    ]);
    expect(official.data[0].indicators).toEqual([
      { indicator: 16, weight: 2.5, bodyLevel: 2, practiceLevel: 5, gain: 0.075 },
    ]);
    // A host is not offered its own practices.
    const sumedang = (
      await api('GET', '/orgs/32.11/practice-suggestions?frameworkId=spbe-2020', s.mentor)
    ).json();
    expect(sumedang.data.map((d: { practice: { host: { code: string } } }) => d.practice.host.code)).toEqual([
      '33.74',
    ]);
  });
});
