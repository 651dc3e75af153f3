import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartFile, samples } from '../../../../tests/support/multipart';
import { apiFor, openTestApp, type Sessions, type TestApp } from '../../../../tests/support/test-app';

const people = {
  mentor: ['mentor', '32.11'],
  bandungAdmin: ['body_admin', '32.04'],
  bandungViewer: ['viewer', '32.04'],
  otherOp: ['operator', '32.06'],
  jabar: ['province_supervisor', '32'],
  jateng: ['province_supervisor', '33'],
  national: ['national_supervisor', 'KEMENDAGRI'],
} as const;
let t: TestApp;
let s: Sessions<typeof people>;

beforeAll(async () => {
  ({ t, s } = await openTestApp({ host: '32.11', people }));
});
afterAll(() => t?.close());

const api = apiFor(() => t);

const visit = (over: Record<string, unknown> = {}) => ({
  hostCode: '32.11',
  visitorCode: '32.04',
  startDate: '2026-10-01',
  endDate: '2026-10-02',
  delegates: [
    { name: 'Drs. Asep', position: 'Sekda', role: 'Ketua rombongan' },
    { name: 'Rina', position: 'Kabid Aptika', role: 'Anggota' },
  ],
  indicators: [11, 12],
  notes: 'Belajar arsitektur SPBE dan peta rencana.',
  ...over,
});

describe('study visits', () => {
  it('records a visit: obligation due after 60 days, and the host’s mentors now mentor the visitor', async () => {
    expect((await api('GET', '/orgs/32.04/assessments', s.mentor)).statusCode).toBe(404);
    const res = await api('POST', '/visits', s.bandungAdmin, visit());
    expect(res.statusCode, res.body).toBe(201);
    const v = res.json().data;
    expect(v).toMatchObject({
      host: { code: '32.11' },
      visitor: { code: '32.04' },
      indicators: [11, 12],
      // The studied indicators are numbered in the framework the visit's year uses.
      frameworkId: 'pemdi-2026',
      obligation: { dueDate: '2026-12-01', status: 'open' },
    });
    const earlier = await api(
      'POST',
      '/visits',
      s.bandungAdmin,
      visit({ startDate: '2025-05-05', endDate: '2025-05-06', indicators: [35] }),
    );
    expect(earlier.statusCode, earlier.body).toBe(201);
    expect(earlier.json().data).toMatchObject({ frameworkId: 'spbe-2020', indicators: [35] });
    // Only here to show the framework: the tests below count the visits.
    expect((await api('DELETE', `/visits/${earlier.json().data.id}`, s.bandungAdmin)).statusCode).toBe(200);
    expect(v.delegates.map((d: { name: string }) => d.name)).toEqual(['Drs. Asep', 'Rina']);
    expect((await api('GET', '/orgs/32.04/assessments', s.mentor)).statusCode).toBe(200);
    const org = (await api('GET', '/orgs/32.04', s.bandungViewer)).json().data;
    expect(org.mentoredBy.map((m: { code: string }) => m.code)).toEqual(['32.11']);
  });

  it('uses the programme’s follow-up days and enrols the visitor in the programme', async () => {
    expect((await api('POST', '/programmes', s.bandungAdmin, { name: 'Living Lab 2026' })).statusCode).toBe(
      403,
    );
    const p = await api('POST', '/programmes', s.national, {
      name: 'Living Lab 2026 — Jawa Barat',
      year: 2026,
      followUpDays: 30,
    });
    expect(p.statusCode, p.body).toBe(201);
    const programmeId = p.json().data.id;
    const res = await api(
      'POST',
      '/visits',
      s.mentor,
      visit({ visitorCode: '32.05', programmeId, startDate: '2026-11-01', endDate: '2026-11-01' }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().data.obligation.dueDate).toBe('2026-12-01');
    const detail = (await api('GET', `/programmes/${programmeId}`, s.bandungViewer)).json().data;
    expect(detail).toMatchObject({ memberCount: 1, visitCount: 1, followUpDays: 30 });
    expect(detail.members[0].code).toBe('32.05');
    expect(
      (await api('POST', `/programmes/${programmeId}/members`, s.national, { orgCode: '32.06' })).statusCode,
    ).toBe(200);
    expect((await api('DELETE', `/programmes/${programmeId}/members/32.06`, s.national)).statusCode).toBe(
      200,
    );
    const list = (await api('GET', '/programmes', s.otherOp)).json();
    expect(list.data[0].name).toBe('Living Lab 2026 — Jawa Barat');
    expect(list.abilities.create).toBe(false);
  });

  it('refuses bad input with the field named, and non-hosts', async () => {
    const bad = async (over: Record<string, unknown>, field: string) => {
      const res = await api('POST', '/visits', s.bandungAdmin, visit(over));
      expect(res.statusCode, res.body).toBe(400);
      expect(JSON.stringify(res.json().error)).toContain(field);
    };
    await bad({ endDate: '2026-09-30' }, 'endDate');
    await bad({ visitorCode: '32.11' }, 'visitorCode');
    await bad({ indicators: [48] }, 'indicators');
    // Indicator 35 is one of SPBE 2020's 47, not of the 2026 index a 2026 visit studies.
    await bad({ indicators: [35] }, 'indicators');
    await bad({ delegates: [{ name: '' }] }, 'delegates');
    const notHost = await api('POST', '/visits', s.bandungAdmin, visit({ hostCode: '32.05' }));
    expect(notHost.json().error.code).toBe('NOT_A_HOST');
  });

  it('lets only the right people record, and shows visits only to those in scope', async () => {
    expect((await api('POST', '/visits', s.bandungViewer, visit())).statusCode).toBe(403);
    expect((await api('POST', '/visits', s.otherOp, visit())).statusCode).toBe(404);
    expect((await api('POST', '/visits', s.jateng, visit())).statusCode).toBe(404);
    const mine = (await api('GET', '/visits', s.bandungViewer)).json();
    expect(mine.data.every((v: { visitor: { code: string } }) => v.visitor.code === '32.04')).toBe(true);
    expect(mine.pagination.total).toBe(1);
    // The list says who may record at all (the page's button): not a viewer, an operator yes.
    expect(mine.abilities.record).toBe(false);
    expect((await api('GET', '/visits', s.otherOp)).json().abilities.record).toBe(true);
    expect((await api('GET', '/visits', s.otherOp)).json().pagination.total).toBe(0);
    expect((await api('GET', '/visits', s.jabar)).json().pagination.total).toBe(2);
    expect((await api('GET', '/visits', s.mentor)).json().pagination.total).toBe(2);
    expect((await api('GET', '/visits?org=32.05', s.national)).json().pagination.total).toBe(1);
    const id = mine.data[0].id;
    expect((await api('GET', `/visits/${id}`, s.otherOp)).statusCode).toBe(404);
    expect((await api('GET', `/visits/${id}`, s.bandungViewer)).json().abilities.update).toBe(false);
  });

  it('updates dates (moving the open obligation), takes photos, and deletion ends the mentorship', async () => {
    const created = (
      await api(
        'POST',
        '/visits',
        s.bandungAdmin,
        visit({ visitorCode: '32.04', startDate: '2026-06-01', endDate: '2026-06-01' }),
      )
    ).json().data;
    const moved = await api(
      'PUT',
      `/visits/${created.id}`,
      s.bandungAdmin,
      visit({ startDate: '2026-06-10', endDate: '2026-06-11', delegates: [] }),
    );
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().data).toMatchObject({
      endDate: '2026-06-11',
      delegates: [],
      obligation: { dueDate: '2026-08-10' },
    });
    const body = multipartFile(samples.png(), 'foto-bersama.png');
    const photo = await t.app.inject({
      method: 'POST',
      url: `/api/v1/visits/${created.id}/files`,
      headers: { ...s.mentor.headers, ...body.headers },
      payload: body.payload,
    });
    expect(photo.statusCode, photo.body).toBe(201);
    const locker = (await api('GET', '/orgs/32.04/evidence', s.bandungAdmin)).json().data;
    expect(locker.map((f: { name: string }) => f.name)).toContain('foto-bersama.png');
    expect((await api('GET', `/visits/${created.id}`, s.bandungViewer)).json().data.files[0].name).toBe(
      'foto-bersama.png',
    );

    // Two visits from Bandung: deleting one keeps the mentorship, deleting both ends it.
    const all = (await api('GET', '/visits?org=32.04', s.bandungAdmin)).json().data;
    expect((await api('DELETE', `/visits/${all[0].id}`, s.bandungViewer)).statusCode).toBe(403);
    for (const v of all)
      expect((await api('DELETE', `/visits/${v.id}`, s.bandungAdmin)).statusCode).toBe(200);
    expect((await api('GET', '/orgs/32.04/assessments', s.mentor)).statusCode).toBe(404);
  });
});
