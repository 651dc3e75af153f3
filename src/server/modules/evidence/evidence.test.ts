import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartFile, samples } from '../../../../tests/support/multipart';
import { openTestApp, type Session, type TestApp } from '../../../../tests/support/test-app';

let t: TestApp;
let operator: Session;
let viewer: Session;
let otherOp: Session;
let mentor: Session;
let assessmentId: string;

beforeAll(async () => {
  ({
    t,
    s: { operator, viewer, otherOp, mentor },
  } = await openTestApp({
    host: '32.11',
    mentees: ['32.05'],
    people: {
      operator: ['operator', '32.05'],
      viewer: ['viewer', '32.05'],
      otherOp: ['operator', '32.04'],
      mentor: ['mentor', '32.11'],
    },
  }));
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/orgs/32.05/assessments',
    headers: operator.headers,
    payload: { year: 2024 },
  });
  assessmentId = res.json().data.id;
});
afterAll(() => t?.close());

async function upload(file: Buffer, name: string, who = operator, org = '32.05') {
  const body = multipartFile(file, name);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/orgs/${org}/evidence`,
    headers: { ...who.headers, ...body.headers },
    payload: body.payload,
  });
}

describe('evidence locker', () => {
  it('stores a PDF once, links it to indicators, and serves it only to those in scope', async () => {
    const pdf = samples.pdf();
    const first = await upload(pdf, 'SK Tim SPBE.pdf');
    expect(first.statusCode, first.body).toBe(201);
    const file = first.json().data;
    expect(file).toMatchObject({ name: 'SK Tim SPBE.pdf', mime: 'application/pdf', size: pdf.length });
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);

    const again = await upload(pdf, 'salinan.pdf');
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ duplicate: true, data: { id: file.id } });

    for (const indicator of [1, 2]) {
      const link = await t.app.inject({
        method: 'POST',
        url: `/api/v1/assessments/${assessmentId}/items/${indicator}/evidence`,
        headers: operator.headers,
        payload: { fileId: file.id },
      });
      expect(link.statusCode, link.body).toBe(200);
    }
    const detail = (
      await t.app.inject({ url: `/api/v1/assessments/${assessmentId}`, headers: viewer.headers })
    ).json();
    expect(detail.data.items[0].evidence[0].id).toBe(file.id);
    expect(detail.data.items[1].evidence[0].id).toBe(file.id);
    const list = (
      await t.app.inject({ url: '/api/v1/orgs/32.05/evidence?q=SK', headers: viewer.headers })
    ).json();
    expect(list.data).toHaveLength(1);
    expect(list.data[0].links).toBe(2);

    const dl = await t.app.inject({ url: `/api/v1/evidence/${file.id}/download`, headers: mentor.headers });
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.headers['content-disposition']).toContain('attachment');
    expect(dl.rawPayload.equals(pdf)).toBe(true);
    expect(
      (await t.app.inject({ url: `/api/v1/evidence/${file.id}/download`, headers: otherOp.headers }))
        .statusCode,
    ).toBe(404);

    const unlink = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/assessments/${assessmentId}/items/2/evidence/${file.id}`,
      headers: operator.headers,
    });
    expect(unlink.statusCode).toBe(200);
  });

  it('accepts images and office documents, judged by their content', async () => {
    expect((await upload(samples.png(), 'foto-rapat.png')).json().data.mime).toBe('image/png');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Data').addRow(['Indikator', 'Tingkat']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await upload(xlsx, 'rekap.xlsx');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().data.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });

  it('refuses wrong types (whatever the name says), empty and oversized files', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]);
    const wrong = await upload(exe, 'laporan.pdf');
    expect(wrong.statusCode).toBe(415);
    expect(wrong.json().error.code).toBe('FILE_TYPE_NOT_ALLOWED');
    const text = await upload(Buffer.from('just some text that pretends to be a PDF'), 'x.pdf');
    expect(text.json().error.code).toBe('FILE_TYPE_NOT_ALLOWED');
    const empty = await upload(Buffer.alloc(0), 'kosong.pdf');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe('FILE_EMPTY');
    const big = Buffer.concat([samples.pdf(), Buffer.alloc(25 * 1024 * 1024 + 10, 32)]);
    const tooBig = await upload(big, 'besar.pdf');
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    const notMultipart = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orgs/32.05/evidence',
      headers: operator.headers,
      payload: { file: 'x' },
    });
    expect(notMultipart.statusCode).toBe(415);
    // Nothing of the refused uploads was kept.
    const list = (
      await t.app.inject({ url: '/api/v1/orgs/32.05/evidence', headers: operator.headers })
    ).json();
    expect(list.data.map((f: { name: string }) => f.name).sort()).toEqual([
      'SK Tim SPBE.pdf',
      'foto-rapat.png',
      'rekap.xlsx',
    ]);
  });

  it('lets only editors of the body upload and link', async () => {
    expect((await upload(samples.pdf(), 'a.pdf', viewer)).statusCode).toBe(403);
    expect((await upload(samples.pdf(), 'a.pdf', otherOp)).statusCode).toBe(404);
    expect((await upload(samples.pdf(), 'a.pdf', mentor)).statusCode).toBe(403);
  });
});
