import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartFile, samples } from '../../../tests/support/multipart';
import { openTestApp, type Session, type Sessions, type TestApp } from '../../../tests/support/test-app';
import { makeZip, sheetXml } from '../../../tests/support/zip';

// Issue 9 items 2 and 10–12 through the real routes: spreadsheet bombs on both imports, broken
// multipart on the upload routes and broken Unicode are 4xx with the usual error body; names and
// downloads cannot smuggle markup or headers.
const people = {
  national: ['national_supervisor', 'KEMENDAGRI'],
  operator: ['operator', '32.05'],
} as const;
let t: TestApp;
let s: Sessions<typeof people>;
let planId: string;

beforeAll(async () => {
  ({ t, s } = await openTestApp({ people }));
  planId = (await api('POST', '/orgs/32.05/plans', s.operator, { period: '2026' })).json().data.id;
});
afterAll(() => t?.close());

const api = (method: 'GET' | 'POST', url: string, who: Session, payload?: unknown) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: who.headers, payload: payload as object });

function upload(url: string, file: Buffer, name: string, who: Session, lang = 'id') {
  const body = multipartFile(file, name);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1${url}`,
    headers: { ...who.headers, ...body.headers, 'accept-language': lang },
    payload: body.payload,
  });
}

const imports = [
  ['plans', () => `/plans/${planId}/import`, () => s.operator],
  ['official results', () => '/official-results/import?framework=spbe-2020', () => s.national],
] as const;

// 20 MiB of sheet XML in ~20 KiB: small enough for a test, over the 16 MiB entry limit.
const bomb = makeZip([
  { name: '[Content_Types].xml', data: '<Types/>' },
  { name: 'xl/worksheets/sheet1.xml', data: `<worksheet>${' '.repeat(20 * 1024 * 1024)}</worksheet>` },
]);

describe.each(imports)('%s import', (_name, url, who) => {
  it('refuses a zip bomb with 413, naming the limit in the reader’s language', async () => {
    expect(bomb.length).toBeLessThan(64 * 1024);
    const res = await upload(url(), bomb, 'bom.xlsx', who(), 'en');
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json().error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      details: {
        limit: 'entryBytes',
        entry: 'xl/worksheets/sheet1.xml',
        message: 'One part of the XLSX file is over 16 MiB once uncompressed',
      },
    });
  });

  it('refuses a sheet or a CSV with too many rows, before reading them', async () => {
    const wide = makeZip([{ name: 'xl/worksheets/sheet1.xml', data: sheetXml(50_001, 1) }]);
    const res = await upload(url(), wide, 'panjang.xlsx', who());
    expect(res.statusCode).toBe(413);
    expect(res.json().error.details).toMatchObject({
      limit: 'rows',
      message: 'Lembar kerja lebih dari 50000 baris',
    });
    const csv = Buffer.from(`kode\n${'32.05\n'.repeat(50_002)}`);
    expect((await upload(url(), csv, 'panjang.csv', who())).json().error.details).toMatchObject({
      limit: 'rows',
    });
  });

  it('answers a broken archive or a broken multipart body with 400', async () => {
    const broken = await upload(url(), Buffer.from('PK\u0003\u0004 bukan zip'), 'x.xlsx', who());
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe('IMPORT_INVALID');
    const cut = await t.app.inject({
      method: 'POST',
      url: `/api/v1${url()}`,
      headers: { ...who().headers, 'content-type': 'multipart/form-data; boundary=XX' },
      payload: '--XX\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nabc',
    });
    expect(cut.statusCode, cut.body).toBe(400);
    expect(cut.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { issues: [{ field: 'body' }] },
    });
  });
});

describe('upload routes', () => {
  it('answer multipart without a boundary, or cut short, with 400', async () => {
    for (const [contentType, payload] of [
      ['multipart/form-data', 'garbage'],
      ['multipart/form-data; boundary=XX', 'no boundary here'],
      [
        'multipart/form-data; boundary=XX',
        '--XX\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF',
      ],
    ]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/orgs/32.05/evidence',
        headers: { ...s.operator.headers, 'content-type': contentType },
        payload,
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('keep a name with the detected type’s extension and without bidi marks', async () => {
    const html = await upload('/orgs/32.05/evidence', samples.pdf(), 'polyglot.html', s.operator);
    expect(html.statusCode, html.body).toBe(201);
    expect(html.json().data.name).toBe('polyglot.pdf');
    const rlo = await upload('/orgs/32.05/evidence', samples.pdf(), 'faktur\u202Egnp.exe', s.operator);
    expect(rlo.json().data.name).toBe('fakturgnp.pdf');
    const download = await api('GET', `/evidence/${rlo.json().data.id}/download`, s.operator);
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="fakturgnp.pdf"; filename*=UTF-8''fakturgnp.pdf`,
    );
  });
});

describe('text and exports', () => {
  it('answers an address that is not UTF-8, or a path segment over the router’s limit, with the usual 400', async () => {
    for (const url of ['/orgs/%FF/path', '/orgs/%ED%A0%80', `/plans/${'a'.repeat(300)}`]) {
      const res = await api('GET', url, s.operator);
      expect(res.statusCode, `${url}: ${res.body}`).toBe(400);
      expect(res.json().error).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { issues: [{ field: 'params' }] },
      });
    }
  });

  it('refuses lone surrogates anywhere in a JSON body with 400, naming the field', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orgs/32.05/scenarios',
      headers: { ...s.operator.headers, 'content-type': 'application/json' },
      payload: '{"frameworkId":"spbe-2020","name":"x","levels":{"1":2},"target":"a\\ud800b"}',
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.details.issues[0]).toMatchObject({ field: 'body.target' });
    const key = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orgs/32.05/scenarios',
      headers: { ...s.operator.headers, 'content-type': 'application/json' },
      payload: '{"frameworkId":"spbe-2020","name":"x","levels":{"\\udc00":2}}',
    });
    expect(key.statusCode, key.body).toBe(400);
  });

  it('exports a formula-like title neutralised and quoted, and reads it back unchanged', async () => {
    const title = 'Rapat koordinasi;=1+1;';
    const made = await api('POST', `/plans/${planId}/items`, s.operator, { title, targets: [] });
    expect(made.statusCode, made.body).toBe(201);
    const csv = await api('GET', `/plans/${planId}/export?format=csv`, s.operator);
    expect(csv.body).toContain(`"Rapat koordinasi;'=1+1;"`);
    expect(csv.headers['content-disposition']).toMatch(
      /^attachment; filename="[^"]+\.csv"; filename\*=UTF-8''/,
    );
    const back = await upload(`/plans/${planId}/import`, csv.rawPayload, 'rencana.csv', s.operator);
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json().data).toMatchObject({ updated: 0, created: 0 });
  });
});
