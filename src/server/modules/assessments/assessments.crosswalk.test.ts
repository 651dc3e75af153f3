import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartFile, samples } from '../../../../tests/support/multipart';
import { openTestApp, type Session, type Sessions, type TestApp } from '../../../../tests/support/test-app';
import { assessmentItems, assessments, auditEvents, officialResults, orgs } from '../../db/schema';
import { verifyAuditChain } from '../../platform/audit';

// The SPBE 2020 → Pemdi 2026 crosswalk inside a Pemdi self-assessment: what the body recorded on
// the related SPBE indicators, and the one-click reuse of its evidence (runs on PGlite, and on
// PostgreSQL when TEST_DATABASE_URL is set).

const people = {
  operator: ['operator', '32.05'],
  viewer: ['viewer', '32.05'],
  mentor: ['mentor', '32.11'],
  provinceSup: ['province_supervisor', '32'],
  otherOp: ['operator', '32.04'],
} as const;
let t: TestApp;
let s: Sessions<typeof people>;
let spbe2024: string;
let spbe2025: string;
let pemdi: string;
/** A: linked to SPBE 15 in 2024 and 2025; B: to SPBE 4 in 2025; C: to SPBE 1 only; D: Garut's other body. */
const file = { a: '', b: '', c: '', d: '' };

type Method = 'GET' | 'POST' | 'PUT';
const req = (method: Method, url: string, who: Session, payload?: unknown, lang = 'id') =>
  t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { ...who.headers, 'accept-language': lang },
    payload: payload as object,
  });

async function create(year: number, frameworkId: string, who = s.operator, org = '32.05') {
  const res = await req('POST', `/orgs/${org}/assessments`, who, { year, frameworkId });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().data.id as string;
}

async function upload(bytes: Buffer, name: string, who = s.operator, org = '32.05') {
  const body = multipartFile(bytes, name);
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/orgs/${org}/evidence`,
    headers: { ...who.headers, ...body.headers },
    payload: body.payload,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().data.id as string;
}

async function link(assessment: string, indicator: number, fileId: string, who = s.operator) {
  const res = await req('POST', `/assessments/${assessment}/items/${indicator}/evidence`, who, { fileId });
  expect(res.statusCode, res.body).toBe(200);
}

async function save(assessment: string, indicator: number, level: number, justification: string) {
  const res = await req('PUT', `/assessments/${assessment}/items/${indicator}`, s.operator, {
    level,
    justification,
    version: 0,
  });
  expect(res.statusCode, res.body).toBe(200);
}

const crosswalkOf = (id: string, n: number, who: Session, lang?: string) =>
  req('GET', `/assessments/${id}/items/${n}/crosswalk`, who, undefined, lang);
const reuse = (id: string, n: number, evidenceIds: unknown, who = s.operator, lang?: string) =>
  req('POST', `/assessments/${id}/items/${n}/crosswalk/reuse`, who, { evidenceIds }, lang);

async function setStatus(id: string, status: 'submitted' | 'returned', reopen?: number) {
  await t.database.db.update(assessments).set({ status }).where(eq(assessments.id, id));
  if (reopen !== undefined) {
    await t.database.db
      .update(assessmentItems)
      .set({ reopened: true })
      .where(and(eq(assessmentItems.assessmentId, id), eq(assessmentItems.indicator, reopen)));
  }
}

beforeAll(async () => {
  ({ t, s } = await openTestApp({ host: '32.11', mentees: ['32.05'], people }));
  spbe2024 = await create(2024, 'spbe-2020');
  spbe2025 = await create(2025, 'spbe-2020');
  pemdi = await create(2026, 'pemdi-2026');
  // Pemdi 13 (Aplikasi Pemdi) relates to SPBE 4, 15 and 30.
  await save(spbe2024, 15, 2, 'Aplikasi dibangun sebagian.');
  await save(spbe2025, 4, 3, 'Perbup pembangunan aplikasi telah ditetapkan.');
  await save(spbe2025, 15, 4, 'Aplikasi dibangun sesuai arsitektur.');
  file.a = await upload(samples.pdf(), 'Perbup Aplikasi.pdf');
  file.b = await upload(samples.png(), 'Tangkapan layar.png');
  file.c = await upload(Buffer.concat([samples.pdf(), Buffer.from('\n% other')]), 'SK Arsitektur.pdf');
  file.d = await upload(samples.pdf(), 'Bukti instansi lain.pdf', s.otherOp, '32.04');
  await link(spbe2024, 15, file.a);
  await link(spbe2025, 15, file.a);
  await link(spbe2025, 4, file.b);
  await link(spbe2025, 1, file.c);
  const [garut] = await t.database.db.select().from(orgs).where(eq(orgs.code, '32.05'));
  const levels = Object.fromEntries(Array.from({ length: 47 }, (_, i) => [String(i + 1), 2]));
  await t.database.db.insert(officialResults).values([
    // Detailed (every level) in 2023; a later total-only result does not hide it.
    {
      orgId: garut!.id,
      year: 2023,
      frameworkId: 'spbe-2020',
      index: 2,
      predicate: 'Cukup',
      levels: { ...levels, 15: 3 },
      source: 'KepMenPANRB uji',
    },
    { orgId: garut!.id, year: 2024, frameworkId: 'spbe-2020', index: 2.5, predicate: 'Cukup', source: 'uji' },
  ]);
});
afterAll(() => t?.close());

describe('the SPBE 2020 crosswalk of a Pemdi indicator', () => {
  it('tells the assessment which framework its crosswalk comes from (none for SPBE 2020 itself)', async () => {
    expect((await req('GET', `/assessments/${pemdi}`, s.viewer)).json().data.crosswalkFrom).toEqual({
      id: 'spbe-2020',
      version: '2020',
    });
    expect((await req('GET', `/assessments/${spbe2025}`, s.viewer)).json().data.crosswalkFrom).toBeNull();
  });

  it('shows the related SPBE indicators with the latest levels, justifications and evidence', async () => {
    const res = await crosswalkOf(pemdi, 13, s.viewer);
    expect(res.statusCode, res.body).toBe(200);
    const { data, abilities } = res.json();
    expect(abilities).toEqual({ reuse: false });
    expect(data).toMatchObject({
      indicator: 13,
      from: { id: 'spbe-2020', version: '2020' },
      status: 'provisional',
      selfAssessment: { id: spbe2025, year: 2025, status: 'draft', isSample: false },
      officialResult: { year: 2023, source: 'KepMenPANRB uji', isSample: false },
    });
    expect(data.reason.id).not.toBe(data.reason.en);
    expect(data.related.map((r: { number: number }) => r.number)).toEqual([4, 15, 30]);
    const [i4, i15, i30] = data.related;
    expect(i4.name.id).toContain('Pembangunan Aplikasi');
    expect(i4.selfAssessed).toEqual({
      level: 3,
      justification: 'Perbup pembangunan aplikasi telah ditetapkan.',
      serviceName: null,
    });
    expect(i4.evidence).toEqual([
      expect.objectContaining({ id: file.b, name: 'Tangkapan layar.png', years: [2025], linkedHere: false }),
    ]);
    // The 2025 answer, not 2024's; the official level of the detailed 2023 result.
    expect(i15.selfAssessed.level).toBe(4);
    expect(i15.officialLevel).toBe(3);
    expect(i15.evidence).toEqual([expect.objectContaining({ id: file.a, years: [2025, 2024] })]);
    // Unanswered in 2025, no evidence: explicit.
    expect(i30).toMatchObject({
      selfAssessed: { level: null, justification: '' },
      officialLevel: 2,
      evidence: [],
    });
    expect(JSON.stringify(data)).not.toContain(file.c);
    expect((await crosswalkOf(pemdi, 13, s.operator)).json().abilities).toEqual({ reuse: true });
  });

  it('reads like the assessment: in scope only, known indicators, frameworks with a crosswalk', async () => {
    expect((await crosswalkOf(pemdi, 13, s.mentor)).statusCode).toBe(200);
    expect((await crosswalkOf(pemdi, 13, s.provinceSup)).statusCode).toBe(200);
    expect((await crosswalkOf(pemdi, 13, s.otherOp)).statusCode).toBe(404);
    expect((await crosswalkOf(pemdi, 21, s.operator)).statusCode).toBe(404);
    expect((await crosswalkOf(spbe2025, 13, s.operator)).statusCode).toBe(404);
    // A malformed id in a path read is a page that does not exist (the error handler's rule).
    expect((await req('GET', '/assessments/not-a-uuid/items/13/crosswalk', s.operator)).statusCode).toBe(404);
    expect((await req('GET', `/assessments/${pemdi}/items/x/crosswalk`, s.operator)).statusCode).toBe(404);
    const write = await req('POST', '/assessments/not-a-uuid/items/13/crosswalk/reuse', s.operator, {
      evidenceIds: [file.a],
    });
    expect(write.statusCode).toBe(400);
  });

  it('is described in the API documentation with its schemas', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    const base = '/api/v1/assessments/{id}/items/{indicator}/crosswalk';
    const get = doc.paths[base].get;
    expect(get.description).toContain('crosswalk');
    const reply = JSON.stringify(get.responses['200']);
    for (const field of ['selfAssessment', 'officialResult', 'linkedHere', 'reuse'])
      expect(reply).toContain(field);
    const post = doc.paths[`${base}/reuse`].post;
    expect(JSON.stringify(post.requestBody)).toContain('evidenceIds');
    expect(JSON.stringify(post.responses['200'])).toContain('alreadyLinked');
  });

  it('says plainly when the body has no SPBE 2020 data at all', async () => {
    const other = await create(2026, 'pemdi-2026', s.otherOp, '32.04');
    const { data } = (await crosswalkOf(other, 13, s.otherOp)).json();
    expect(data.selfAssessment).toBeNull();
    expect(data.officialResult).toBeNull();
    for (const r of data.related)
      expect(r).toMatchObject({ selfAssessed: null, officialLevel: null, evidence: [] });
  });
});

describe('reusing SPBE 2020 evidence on a Pemdi indicator', () => {
  it('links the file without copying it, once, audited as a link with where it came from', async () => {
    const first = await reuse(pemdi, 13, [file.a]);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().data).toEqual({ linked: [file.a], alreadyLinked: [] });
    const again = await reuse(pemdi, 13, [file.a, file.b, file.a]);
    expect(again.json().data).toEqual({ linked: [file.b], alreadyLinked: [file.a] });
    expect((await reuse(pemdi, 13, [file.a, file.b])).json().data).toEqual({
      linked: [],
      alreadyLinked: [file.a, file.b],
    });
    const item = (await req('GET', `/assessments/${pemdi}`, s.viewer))
      .json()
      .data.items.find((i: { indicator: number }) => i.indicator === 13);
    expect(item.evidence.map((e: { id: string }) => e.id).sort()).toEqual([file.a, file.b].sort());
    const related = (await crosswalkOf(pemdi, 13, s.viewer)).json().data.related;
    expect(related[1].evidence[0].linkedHere).toBe(true);
    // Still one file in the locker per content: nothing was copied.
    const locker = (await req('GET', '/orgs/32.05/evidence', s.operator)).json();
    expect(locker.data.filter((f: { id: string }) => f.id === file.a)).toHaveLength(1);
    const events = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'evidence.linked'), eq(auditEvents.entityId, pemdi)));
    expect(events.map((e) => e.summary)).toEqual(
      expect.arrayContaining([
        {
          indicator: 13,
          fileId: file.a,
          name: 'Perbup Aplikasi.pdf',
          reusedFrom: { framework: 'spbe-2020@2020', indicators: [15] },
        },
        {
          indicator: 13,
          fileId: file.b,
          name: 'Tangkapan layar.png',
          reusedFrom: { framework: 'spbe-2020@2020', indicators: [4] },
        },
      ]),
    );
    expect(events).toHaveLength(2);
    await t.app.auditChain.flush();
    expect((await verifyAuditChain(t.database.db, { key: t.app.auditChain.key })).ok).toBe(true);
  });

  it('refuses a file of another body, an unrelated or unknown one, and links nothing then', async () => {
    for (const [ids, lang] of [
      [[file.d], 'id'],
      [[file.c], 'en'],
      [['6f1c1d3e-8a43-4c55-9a57-4c7d2b1f0e11'], 'en'],
      [[file.b, file.c], 'id'],
    ] as const) {
      const res = await reuse(pemdi, 4, ids, s.operator, lang);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.code).toBe('EVIDENCE_NOT_REUSABLE');
      expect(res.json().error.message).toMatch(
        lang === 'id' ? /tidak dapat digunakan kembali/ : /cannot be reused/,
      );
    }
    // Pemdi 4 relates to SPBE 10, 19, 20: B (SPBE 4) was refused there too, even beside nothing else.
    const item = (await req('GET', `/assessments/${pemdi}`, s.viewer))
      .json()
      .data.items.find((i: { indicator: number }) => i.indicator === 4);
    expect(item.evidence).toEqual([]);
    for (const payload of [[], ['x'], 'abc', null]) {
      const res = await reuse(pemdi, 13, payload);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('is for those who fill the assessment, in scope, while the indicator may change', async () => {
    expect((await reuse(pemdi, 13, [file.a], s.viewer)).statusCode).toBe(403);
    expect((await reuse(pemdi, 13, [file.a], s.mentor)).statusCode).toBe(403);
    expect((await reuse(pemdi, 13, [file.a], s.otherOp)).statusCode).toBe(404);
    expect((await reuse(pemdi, 21, [file.a])).statusCode).toBe(404);
    expect((await reuse(spbe2025, 13, [file.a])).statusCode).toBe(404);
    const submitted = await create(2027, 'pemdi-2026');
    await setStatus(submitted, 'submitted');
    const closed = await reuse(submitted, 13, [file.a]);
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe('INVALID_STATE');
    expect((await crosswalkOf(submitted, 13, s.operator)).json().abilities.reuse).toBe(false);
    // Returned: only the indicators the reviewer reopened.
    await setStatus(submitted, 'returned', 13);
    expect((await reuse(submitted, 14, [file.a])).statusCode).toBe(409);
    expect((await reuse(submitted, 13, [file.a])).json().data.linked).toEqual([file.a]);
  });
});
