import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiFor,
  createTestApp,
  loginAs,
  type Session,
  setHost,
  type TestApp,
} from '../../../../tests/support/test-app';
import type { Role } from '../../../shared/schemas/common';

let t: TestApp;
const s = {} as Record<
  'national' | 'jabar' | 'mentor' | 'garutOp' | 'garutAdmin' | 'garutLeader' | 'bandungLeader',
  Session
>;

beforeAll(async () => {
  t = await createTestApp();
  await setHost(t.database, '32.11');
  const make = (role: Role, orgCode: string) => loginAs(t, role, orgCode);
  s.national = await make('national_supervisor', 'KEMENDAGRI');
  s.jabar = await make('province_supervisor', '32');
  s.mentor = await make('mentor', '32.11');
  s.garutOp = await make('operator', '32.05');
  s.garutAdmin = await make('body_admin', '32.05');
  s.garutLeader = await make('leader', '32.05');
  s.bandungLeader = await make('leader', '32.04');
});
afterAll(() => t?.close());

const api = apiFor(() => t);

describe('the follow-up funnel', () => {
  it('follows bodies from the visit to acting', async () => {
    for (const visitor of ['32.05', '32.04', '33.74']) {
      const v = await api('POST', '/visits', s.national, {
        hostCode: '32.11',
        visitorCode: visitor,
        startDate: '2026-09-01',
        endDate: '2026-09-02',
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
    ] as const) {
      const r = await api('POST', `/orgs/${code}/commitment-signatures`, who, {
        signerName: 'Bupati',
        signerPosition: 'Bupati',
        textVersion: 1,
      });
      expect(r.statusCode, r.body).toBe(201);
    }
    // Garut: baseline submitted, plan approved, one item done.
    const a = (await api('POST', '/orgs/32.05/assessments', s.garutOp, { year: 2026 })).json().data.id;
    const detail = (await api('GET', `/assessments/${a}`, s.garutOp)).json().data;
    for (const i of detail.items) {
      await api('PUT', `/assessments/${a}/items/${i.indicator}`, s.garutOp, {
        level: 2,
        version: i.version,
        serviceName: i.indicator >= 45 ? 'Layanan' : undefined,
      });
    }
    expect((await api('POST', `/assessments/${a}/transitions/submit`, s.garutAdmin)).statusCode).toBe(200);
    const plan = (await api('POST', '/orgs/32.05/plans', s.garutOp, { period: '2026' })).json().data.id;
    await api('POST', `/plans/${plan}/items/from-steps`, s.garutOp, { steps: [{ indicator: 1, to: 3 }] });
    await api('POST', `/plans/${plan}/transitions/submit`, s.garutAdmin);
    await api('POST', `/plans/${plan}/transitions/approve`, s.garutLeader);
    const item = (await api('GET', `/plans/${plan}`, s.garutOp)).json().data.items[0];
    expect(
      (
        await api('PATCH', `/plans/${plan}/items/${item.id}`, s.garutOp, {
          status: 'done',
          version: item.version,
        })
      ).statusCode,
    ).toBe(200);

    const f = (await api('GET', '/funnel', s.national)).json().data;
    expect(f.stages.map((x: { stage: string; count: number }) => [x.stage, x.count])).toEqual([
      ['visited', 3],
      ['committed', 2],
      ['assessed', 1],
      ['planned', 1],
      ['acting', 1],
      ['improved', 0],
    ]);
    expect(f.stages[1].percent).toBe(66.7);
    const bodies = (await api('GET', '/funnel/bodies', s.national)).json();
    expect(bodies.pagination.total).toBe(3);
    expect(bodies.data.find((b: { code: string }) => b.code === '32.05')).toMatchObject({
      stage: 'acting',
      reached: { visited: '2026-09-01' },
    });
    expect(bodies.data.find((b: { code: string }) => b.code === '32.04').stage).toBe('committed');
    const acting = (await api('GET', '/funnel/bodies?stage=acting', s.national)).json().data;
    expect(acting.map((b: { code: string }) => b.code)).toEqual(['32.05']);
  });

  it('shows each supervisor only their part, and each body its own journey', async () => {
    expect((await api('GET', '/funnel?scope=province&ref=32', s.jabar)).json().data.visited).toBe(2);
    expect((await api('GET', '/funnel?scope=province&ref=33', s.jabar)).statusCode).toBe(403);
    expect((await api('GET', '/funnel', s.jabar)).statusCode).toBe(403);
    expect((await api('GET', '/funnel?scope=host&ref=32.11', s.mentor)).json().data.visited).toBe(3);
    expect((await api('GET', '/funnel?scope=host&ref=32.05', s.national)).statusCode).toBe(404);
    expect((await api('GET', '/funnel', s.garutOp)).statusCode).toBe(403);
    const journey = (await api('GET', '/orgs/32.05/journey', s.garutOp)).json().data;
    expect(journey.stage).toBe('acting');
    expect(journey.events.map((e: { kind: string }) => e.kind)).toEqual(
      expect.arrayContaining(['visit', 'commitment', 'assessment_submitted', 'plan_approved', 'item_done']),
    );
    expect((await api('GET', '/orgs/32.04/journey', s.garutOp)).statusCode).toBe(404);
  });

  it('lists stalled bodies and exports every table', async () => {
    await t.database.db.execute(sql`update visits set created_at = now() - interval '90 days', updated_at = now() - interval '90 days'
      where visitor_org_id = (select id from orgs where code = '33.74')`);
    await t.database.db.execute(
      sql`update visits set start_date = start_date - 60 where visitor_org_id = (select id from orgs where code = '33.74')`,
    );
    // Changed behind the app's back: drop what this instance cached.
    t.app.caches.funnel.clear();
    const f = (await api('GET', '/funnel', s.national)).json().data;
    expect(f.stalled.map((x: { code: string; next: string }) => [x.code, x.next])).toEqual([
      ['33.74', 'committed'],
    ]);
    expect(f.stalledCount).toBe(1);
    const stalled = (await api('GET', '/funnel/bodies?stalled=true', s.national)).json().data;
    expect(stalled.map((b: { code: string }) => b.code)).toEqual(['33.74']);
    const csv = await api('GET', '/funnel/export?scope=province&ref=32', s.jabar);
    expect(csv.body.split('\n')[0]).toContain('kode,instansi,tahap,tgl_visited');
    expect(csv.body).toContain('32.05');
    expect(csv.body).not.toContain('33.74');
    const xlsx = await api('GET', '/funnel/export?format=xlsx', s.national);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
