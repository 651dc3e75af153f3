import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfPageCount, pdfText } from '../../../../tests/support/pdf';
import {
  apiFor,
  createTestApp,
  login,
  loginAs,
  type Session,
  type TestApp,
} from '../../../../tests/support/test-app';
import { actionItems, actionPlans, orgs } from '../../db/schema';
import { SAMPLE_PASSWORD } from '../../db/seed/sample-accounts';
import { today } from '../../platform/calendar';

let t: TestApp;
const api = apiFor(() => t);
const s = {} as Record<
  'leader' | 'admin' | 'operator' | 'mentor' | 'jabar' | 'national' | 'platform' | 'other',
  Session
>;
const report = (who: Session | undefined, query = '', headers: Record<string, string> = {}) =>
  t.app.inject({
    url: `/api/v1/orgs/32.05/report.pdf${query}`,
    headers: { ...(who?.headers ?? {}), ...headers },
  });

beforeAll(async () => {
  t = await createTestApp({}, { sample: true });
  const sample = async (email: string) => login(t.app, email, SAMPLE_PASSWORD);
  s.leader = await sample('bupati.garut@livinglab.test');
  s.admin = await sample('admin.garut@livinglab.test');
  s.operator = await sample('operator.garut@livinglab.test');
  s.mentor = await sample('mentor.sumedang@livinglab.test');
  s.jabar = await sample('jabar@livinglab.test');
  s.national = await sample('nasional@livinglab.test');
  s.platform = await sample('admin@livinglab.test');
  s.other = await loginAs(t, 'leader', '32.04');
  // A plan of Garut's with 40 overdue items, one of them with a very long title.
  const [garut] = await t.database.db.select().from(orgs).where(eq(orgs.code, '32.05'));
  const [plan] = await t.database.db
    .insert(actionPlans)
    .values({
      orgId: garut!.id,
      period: String(Number(today().slice(0, 4)) - 1),
      status: 'approved',
      approvedVersion: 1,
    })
    .returning();
  await t.database.db.insert(actionItems).values(
    Array.from({ length: 40 }, (_, i) => ({
      planId: plan!.id,
      orgId: garut!.id,
      title:
        i === 0
          ? `Susun Perbup Arsitektur SPBE ${'dan peta rencananya '.repeat(15)}`
          : `Kegiatan terlambat ${i}`,
      ownerUnit: 'Diskominfo',
      // The long one is the longest overdue, so it is listed first.
      dueDate: i === 0 ? '2019-06-01' : '2020-01-01',
    })),
  );
});
afterAll(() => t?.close());

describe('the leader report (rapor)', () => {
  it('is one A4 page of PDF with the body’s name and today’s date, as an attachment', async () => {
    const res = await report(s.leader, '?lang=id');
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="rapor-spbe-32.05-${today()}.pdf"; filename*=UTF-8''rapor-spbe-32.05-${today()}.pdf`,
    );
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfPageCount(pdf)).toBe(1);
    const text = pdfText(pdf);
    expect(text).toContain('Kabupaten Garut');
    expect(text).toContain('Dibuat ');
    expect(text).toContain('Kegiatan terlambat');
    expect(text).toContain('Susun Perbup Arsitektur SPBE');
    // 40 overdue items: the page shows some and counts the rest.
    expect(text).toContain('dan 29 lainnya');
    // The sample records it shows are labelled as such.
    expect(text).toContain('Memuat data contoh');
  });

  it('speaks English when asked, by the query or by the request’s language', async () => {
    const en = pdfText((await report(s.leader, '?lang=en')).rawPayload);
    expect(en).toContain('Generated ');
    expect(en).toContain('Overdue items');
    expect(en).toMatch(/and \d+ more/);
    const byHeader = pdfText((await report(s.leader, '', { 'accept-language': 'en' })).rawPayload);
    expect(byHeader).toContain('Leader report');
    const forced = pdfText((await report(s.leader, '?lang=id', { 'accept-language': 'en' })).rawPayload);
    expect(forced).toContain('Rapor pimpinan');
  });

  it('is for the leader, the body admin and the supervisors over it; 404 outside scope', async () => {
    for (const who of ['leader', 'admin', 'jabar', 'national', 'platform'] as const)
      expect((await report(s[who])).statusCode, who).toBe(200);
    for (const who of ['operator', 'mentor'] as const) {
      const res = await report(s[who]);
      expect(res.statusCode, who).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    expect((await report(s.other)).statusCode).toBe(404);
    expect((await report(undefined)).statusCode).toBe(401);
  });

  it('answers 404 for an unknown body and 400 for a language it does not speak', async () => {
    expect((await api('GET', '/orgs/99.99/report.pdf', s.national)).statusCode).toBe(404);
    const bad = await report(s.leader, '?lang=fr');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0].field).toBe('querystring.lang');
    expect((await api('GET', '/orgs/bukan%20kode/report.pdf', s.national)).statusCode).toBe(404);
  });

  it('is offered on the body page exactly to those who may download it', async () => {
    const may = async (who: Session) =>
      (await api('GET', '/orgs/32.05', who)).json().abilities.downloadReport;
    expect(await may(s.leader)).toBe(true);
    expect(await may(s.jabar)).toBe(true);
    expect(await may(s.operator)).toBe(false);
    expect(await may(s.mentor)).toBe(false);
    expect(await may(s.other)).toBe(false);
  });

  it('is documented in OpenAPI as a PDF', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    const op = doc.paths['/api/v1/orgs/{code}/report.pdf'].get;
    expect(op.responses['200'].content['application/pdf'].schema).toMatchObject({
      type: 'string',
      format: 'binary',
    });
    expect(op.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['code', 'lang']),
    );
  });

  // Last: it gives Garut a self-assessment on the next framework.
  it('reads domains on the framework of the body’s latest self-assessment', async () => {
    const before = pdfText((await report(s.leader, '?lang=id')).rawPayload);
    expect(before).toContain('Kebijakan Internal SPBE');
    const created = await api('POST', '/orgs/32.05/assessments', s.admin, { year: 2027 });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().data.id;
    const item = (await api('GET', `/assessments/${id}`, s.operator)).json().data.items[0];
    const saved = await api('PUT', `/assessments/${id}/items/${item.indicator}`, s.operator, {
      level: 3,
      version: item.version,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const after = pdfText((await report(s.leader, '?lang=id')).rawPayload);
    // The domains (aspects) of Pemdi 2026, the framework the 2027 self-assessment opened on.
    expect(after).toContain('A1 Tata Kelola');
    expect(after).not.toContain('Kebijakan Internal SPBE');
  });
});
