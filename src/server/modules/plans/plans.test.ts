import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartFile } from '../../../../tests/support/multipart';
import {
  createTestApp,
  createUser,
  login,
  type Session,
  setHost,
  type TestApp,
} from '../../../../tests/support/test-app';
import type { Role } from '../../../shared/contracts/common';

let t: TestApp;
type Who = 'operator' | 'bodyAdmin' | 'leader' | 'viewer' | 'mentor' | 'otherAdmin' | 'jabar';
const s = {} as Record<Who, Session>;
let operatorId: string;
let planId: string;

beforeAll(async () => {
  t = await createTestApp();
  await setHost(t.database, '32.11', ['32.05']);
  const make = async (role: Role, orgCode: string) => {
    const u = await createUser(t.database, { role, orgCode });
    return { u, session: await login(t.app, u.email) };
  };
  const op = await make('operator', '32.05');
  operatorId = op.u.id;
  s.operator = op.session;
  s.bodyAdmin = (await make('body_admin', '32.05')).session;
  s.leader = (await make('leader', '32.05')).session;
  s.viewer = (await make('viewer', '32.05')).session;
  s.mentor = (await make('mentor', '32.11')).session;
  s.otherAdmin = (await make('body_admin', '32.04')).session;
  s.jabar = (await make('province_supervisor', '32')).session;
});
afterAll(() => t?.close());

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const headers = (who: Session, lang: string) => ({ ...who.headers, 'accept-language': lang });
const api = (method: Method, url: string, who: Session, payload?: unknown, lang = 'id') =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: headers(who, lang), payload: payload as object });
const items = () => `/plans/${planId}/items`;
const plan = async (who = s.operator) => (await api('GET', `/plans/${planId}`, who)).json();
const item = async (title: string) =>
  (await plan()).data.items.find((i: { title: string }) => i.title.startsWith(title));

describe('action plans', () => {
  it('are created per body and period by its editors, and hidden from other bodies', async () => {
    expect((await api('POST', '/orgs/32.05/plans', s.viewer, { period: '2025' })).statusCode).toBe(403);
    expect((await api('POST', '/orgs/32.05/plans', s.otherAdmin, { period: '2025' })).statusCode).toBe(404);
    expect((await api('POST', '/orgs/32.05/plans', s.operator, { period: '26' })).statusCode).toBe(400);
    const res = await api('POST', '/orgs/32.05/plans', s.operator, { period: '2025' });
    expect(res.statusCode, res.body).toBe(201);
    planId = res.json().data.id;
    expect((await api('POST', '/orgs/32.05/plans', s.bodyAdmin, { period: '2025' })).statusCode).toBe(409);
    expect((await api('GET', `/plans/${planId}`, s.otherAdmin)).statusCode).toBe(404);
    expect((await api('GET', `/plans/${planId}`, s.jabar)).statusCode).toBe(200);
  });

  it('take items by hand and straight from the optimiser’s steps', async () => {
    const manual = await api('POST', items(), s.operator, {
      title: 'Susun Perbup Arsitektur SPBE',
      targets: [{ indicator: 11, level: 3 }],
      ownerUnit: 'Diskominfo',
      assigneeId: operatorId,
      startDate: '2026-01-05',
      dueDate: '2026-03-31',
    });
    expect(manual.statusCode, manual.body).toBe(201);
    // An unknown indicator is a field issue, in the request's language.
    const unknown = { title: 'Indikator yang tidak ada', targets: [{ indicator: 99, level: 3 }] };
    const bad = await api('POST', items(), s.operator, unknown);
    expect(bad.json().error.details.issues).toEqual([
      { field: 'body.targets', message: 'Indikator 99 tidak ada' },
    ]);
    const badEn = await api('POST', items(), s.operator, unknown, 'en');
    expect(badEn.json().error.details.issues[0].message).toBe('No indicator 99');
    const blocked = await api('POST', items(), s.operator, { title: 'Terhambat', status: 'blocked' });
    expect(JSON.stringify(blocked.json())).toContain('blockedReason');
    const steps = await api('POST', `/plans/${planId}/items/from-steps`, s.operator, {
      steps: [
        { indicator: 12, from: 1, to: 2 },
        { indicator: 12, from: 2, to: 3 },
        { indicator: 35, from: 2, to: 3 },
      ],
      dueDate: '2026-06-30',
    });
    expect(steps.statusCode, steps.body).toBe(201);
    expect(steps.json().data.created).toBe(2);
    const p = await plan();
    expect(p.data.items.map((i: { title: string }) => i.title)).toEqual([
      'Susun Perbup Arsitektur SPBE',
      expect.stringMatching(/^Indikator 12 ke tingkat 3: /),
      expect.stringMatching(/^Indikator 35 ke tingkat 3: /),
    ]);
    expect(p.data.items[1]).toMatchObject({
      source: 'optimiser',
      targets: [{ indicator: 12, level: 3 }],
      dueDate: '2026-06-30',
    });
    expect(p.abilities).toMatchObject({ editItems: true, submit: false });
    expect(p.data.items[0].abilities).toMatchObject({
      edit: true,
      update: true,
      verify: false,
      comment: true,
    });
    const asMentor = (await api('GET', `/plans/${planId}`, s.mentor)).json();
    expect(asMentor.abilities).toMatchObject({ editItems: false, verify: true });
    expect(asMentor.data.items[0].abilities).toMatchObject({
      edit: false,
      verify: true,
      linkEvidence: false,
    });
  });

  it('detect concurrent edits and keep every change in the history', async () => {
    const it1 = await item('Susun Perbup');
    const first = await api('PATCH', `/plans/${planId}/items/${it1.id}`, s.operator, {
      progress: 20,
      status: 'in_progress',
      version: it1.version,
    });
    expect(first.statusCode, first.body).toBe(200);
    const stale = await api('PATCH', `/plans/${planId}/items/${it1.id}`, s.bodyAdmin, {
      progress: 50,
      version: it1.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current).toMatchObject({ progress: 20, version: it1.version + 1 });
    const h = (await api('GET', `/plans/${planId}/items/${it1.id}/history`, s.viewer)).json().data;
    expect(h.changes[0].changes).toMatchObject({
      progress: { from: 0, to: 20 },
      status: { from: 'planned', to: 'in_progress' },
    });
    expect(
      (
        await api('POST', `/plans/${planId}/items/${it1.id}/comments`, s.viewer, {
          body: 'Sudah dibahas di rapat',
        })
      ).statusCode,
    ).toBe(201);
  });

  it('update many items at once, all or none', async () => {
    const p = await plan();
    const ids = p.data.items.slice(1).map((i: { id: string }) => i.id);
    const none = await api('POST', `/plans/${planId}/items/bulk`, s.operator, {
      itemIds: ids,
      patch: { status: 'blocked' },
    });
    expect(none.statusCode).toBe(400);
    expect((await plan()).data.items.slice(1).every((i: { status: string }) => i.status === 'planned')).toBe(
      true,
    );
    const ok = await api('POST', `/plans/${planId}/items/bulk`, s.operator, {
      itemIds: ids,
      patch: { ownerUnit: 'Bappeda', status: 'in_progress' },
    });
    expect(ok.json().data.updated).toBe(2);
    expect(
      (await plan()).data.items.slice(1).every((i: { ownerUnit: string }) => i.ownerUnit === 'Bappeda'),
    ).toBe(true);
  });

  it('round-trip through XLSX: offline edits come back, stale or bad rows stop the whole import', async () => {
    const exported = await api('GET', `/plans/${planId}/export`, s.operator);
    expect(exported.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toContain('judul');
    ws.getRow(2).getCell(13).value = 60; // progres of the first item
    ws.addRow([
      '',
      '',
      'Kegiatan baru dari Excel',
      '',
      '13:2',
      'manual',
      'Diskominfo',
      '',
      '',
      '2026-09-30',
      'planned',
      '',
      0,
    ]);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const upload = (b: Buffer) => {
      const body = multipartFile(b, 'rencana.xlsx');
      return t.app.inject({
        method: 'POST',
        url: `/api/v1/plans/${planId}/import`,
        headers: { ...s.operator.headers, ...body.headers },
        payload: body.payload,
      });
    };
    // Someone changes the first item after the export: the import must refuse that row, and all.
    const first = await item('Susun Perbup');
    await api('PATCH', `/plans/${planId}/items/${first.id}`, s.bodyAdmin, {
      progress: 30,
      version: first.version,
    });
    const stale = await upload(buf);
    expect(stale.statusCode).toBe(400);
    expect(stale.json().error.details.problems[0]).toMatchObject({ row: 2, field: 'versi' });
    expect((await plan()).data.items).toHaveLength(3);

    ws.getRow(2).getCell(2).value = first.version + 1;
    ws.addRow(['', '', 'x', '', '99:9', 'manual', '', 'bukan@pengguna.test', '', '', 'selesai', '', 'abc']);
    const bad = await upload(Buffer.from(await wb.xlsx.writeBuffer()));
    const fields = bad
      .json()
      .error.details.problems.map((p: { row: number; field: string }) => `${p.row}:${p.field}`);
    expect(fields).toEqual(expect.arrayContaining(['6:indikator', '6:penanggung_jawab', '6:status']));
    ws.spliceRows(6, 1);
    const ok = await upload(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().data).toEqual({ updated: 1, created: 1 });
    expect((await item('Susun Perbup')).progress).toBe(60);
    expect((await item('Kegiatan baru')).targets).toEqual([{ indicator: 13, level: 2 }]);
  });

  it('go through submission and the leader’s approval; approved plans change only in execution', async () => {
    expect((await api('POST', `/plans/${planId}/transitions/submit`, s.operator)).statusCode).toBe(403);
    expect((await api('POST', `/plans/${planId}/transitions/submit`, s.bodyAdmin)).json().data.status).toBe(
      'submitted',
    );
    expect((await api('POST', `/plans/${planId}/transitions/approve`, s.bodyAdmin)).statusCode).toBe(403);
    const approved = await api('POST', `/plans/${planId}/transitions/approve`, s.leader);
    expect(approved.json().data).toEqual({ status: 'approved', approvedVersion: 1 });
    const it1 = await item('Susun Perbup');
    const structural = await api('PATCH', `/plans/${planId}/items/${it1.id}`, s.operator, {
      title: 'Judul baru',
      version: it1.version,
    });
    expect(structural.json().error.code).toBe('INVALID_STATE');
    const added = await api('POST', items(), s.operator, { title: 'Tambahan' });
    expect(added.json().error.code).toBe('INVALID_STATE');
    const done = await api('PATCH', `/plans/${planId}/items/${it1.id}`, s.operator, {
      status: 'done',
      version: it1.version,
    });
    expect(done.json().data).toMatchObject({ status: 'done', progress: 100 });
    expect(
      (
        await api('PATCH', `/plans/${planId}/items/${it1.id}`, s.operator, {
          status: 'verified',
          version: it1.version + 1,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await api('PATCH', `/plans/${planId}/items/${it1.id}`, s.mentor, {
          status: 'verified',
          version: it1.version + 1,
        })
      ).statusCode,
    ).toBe(200);
    // Revising keeps version 1 and approving again makes version 2.
    expect((await api('POST', `/plans/${planId}/transitions/revise`, s.bodyAdmin)).json().data.status).toBe(
      'draft',
    );
    await api('POST', items(), s.operator, { title: 'Tambahan setelah revisi' });
    await api('POST', `/plans/${planId}/transitions/submit`, s.bodyAdmin);
    const ack = { acknowledgeIncomplete: true }; // the item added after revising has no owner or due date
    const again = await api('POST', `/plans/${planId}/transitions/approve`, s.leader, ack);
    expect(again.json().data.approvedVersion).toBe(2);
    const p = await plan();
    expect(p.data.versions.map((v: { version: number }) => v.version).sort()).toEqual([1, 2]);
    const v1 = (await api('GET', `/plans/${planId}/versions/1`, s.viewer)).json().data;
    expect(v1.items).toHaveLength(4);
  });

  it('meet a visit’s follow-up obligation once the baseline is submitted and a plan approved', async () => {
    const visit = await api('POST', '/visits', s.mentor, {
      hostCode: '32.11',
      visitorCode: '32.05',
      startDate: '2026-11-01',
      endDate: '2026-11-01',
    });
    expect(visit.json().data.obligation.status).toBe('open');
    const a = (await api('POST', '/orgs/32.05/assessments', s.operator, { year: 2026 })).json().data.id;
    const detail = (await api('GET', `/assessments/${a}`, s.operator)).json().data;
    for (const i of detail.items) {
      await t.app.inject({
        method: 'PUT',
        url: `/api/v1/assessments/${a}/items/${i.indicator}`,
        headers: s.operator.headers,
        payload: {
          level: 2,
          version: i.version,
          serviceName: i.indicator >= 45 ? `Layanan ${i.indicator}` : undefined,
        },
      });
    }
    expect((await api('POST', `/assessments/${a}/transitions/submit`, s.bodyAdmin)).statusCode).toBe(200);
    const after = (await api('GET', `/visits/${visit.json().data.id}`, s.viewer)).json().data;
    expect(after.obligation.status).toBe('met');
  });
});
