import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createUser,
  login,
  openTestApp,
  type Session,
  type Sessions,
  type TestApp,
} from '../../../../tests/support/test-app';
import { addDays } from '../../../shared/calendar';
import type { HomeReply, HomeSection, SectionOf } from '../../../shared/contracts/home';
import { followUpObligations, memberships, officialResults, orgs, visits } from '../../db/schema';
import { today } from '../../platform/calendar';
import { refreshFollowupFacts } from '../followup/followup.facts';

// GET /home as each role sees it: the to-dos of the user's own bodies, with the ids to link to,
// and nothing of any other body.

const people = {
  operator: ['operator', '32.05'],
  bodyAdmin: ['body_admin', '32.05'],
  leader: ['leader', '32.05'],
  viewer: ['viewer', '32.05'],
  mentor: ['mentor', '32.11'],
  otherOperator: ['operator', '32.04'],
  otherAdmin: ['body_admin', '32.04'],
  otherLeader: ['leader', '32.04'],
  otherMentor: ['mentor', '32.73'],
  national: ['national_supervisor', 'KEMENDAGRI'],
  admin: ['platform_admin', 'LL-SEKRETARIAT'],
} as const;
let t: TestApp;
let s: Sessions<typeof people>;
let ids: Record<keyof typeof people, string>;
const garut = { assessment: '', plan: '', overdue: '', soon: '', bare: '', request: '' };

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';
const api = async (method: Method, url: string, who: Session, payload?: unknown) => {
  const res = await t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: who.headers,
    payload: payload as object,
  });
  expect(res.statusCode, `${method} ${url}: ${res.body.slice(0, 300)}`).toBeLessThan(300);
  return res.json();
};
const home = async (who: Session) => (await api('GET', '/home', who)).data as HomeReply['data'];
const section = <R extends HomeSection['role']>(h: HomeReply['data'], role: R, code = '32.05') =>
  h.sections.find((x) => x.role === role && x.org.code === code) as SectionOf<R>;
const orgId = async (code: string) =>
  (await t.database.db.select().from(orgs).where(eq(orgs.code, code)))[0]!.id;

beforeAll(async () => {
  ({ t, s, ids } = await openTestApp({ host: '32.11', mentees: ['32.05'], hosts: ['32.73'], people }));
  const db = t.database.db;
  const day = today();
  // A 2025 assessment, every level set, submitted by the admin and returned by the mentor on two indicators.
  garut.assessment = (await api('POST', '/orgs/32.05/assessments', s.operator, { year: 2025 })).data.id;
  await db.execute(sql`update assessment_items set level = 2,
    service_name = case when indicator >= 45 then 'Layanan ' || indicator else null end where assessment_id = ${garut.assessment}`);
  await api('POST', `/assessments/${garut.assessment}/transitions/submit`, s.bodyAdmin);
  await api('POST', `/assessments/${garut.assessment}/transitions/start-review`, s.mentor);
  await api('POST', `/assessments/${garut.assessment}/transitions/return`, s.mentor, {
    comments: [
      { indicator: 5, body: 'Lengkapi SK tim SPBE' },
      { indicator: 12, body: 'Bukti arsitektur belum ada' },
    ],
  });
  // A 2026 draft: still to finish.
  await api('POST', '/orgs/32.05/assessments', s.operator, { year: 2026 });
  // A plan with an overdue item and one due soon for the operator, and one with no owner or date.
  garut.plan = (await api('POST', '/orgs/32.05/plans', s.operator, { period: '2026' })).data.id;
  const item = async (body: object) =>
    (await api('POST', `/plans/${garut.plan}/items`, s.operator, body)).data.id;
  garut.overdue = await item({
    title: 'Tetapkan SK tim SPBE',
    assigneeId: ids.operator,
    dueDate: addDays(day, -3),
  });
  garut.soon = await item({
    title: 'Susun peta rencana',
    assigneeId: ids.operator,
    dueDate: addDays(day, 5),
  });
  garut.bare = await item({ title: 'Butir tanpa pemilik' });
  await api('POST', `/plans/${garut.plan}/transitions/submit`, s.bodyAdmin);
  await api('POST', '/orgs/32.05/invitations', s.bodyAdmin, {
    email: 'calon.operator@example.test',
    role: 'operator',
  });
  await api('POST', '/commitments', s.national, {
    title: 'Komitmen Bersama',
    textId: 'Kami berkomitmen menindaklanjuti studi tiru dengan rencana aksi.',
    textEn: 'We commit to follow up our study visits with an action plan.',
  });
  garut.request = (
    await api('POST', '/orgs/32.05/assistance-requests', s.bodyAdmin, {
      hostCode: '32.11',
      topic: 'Arsitektur SPBE',
    })
  ).data.id;
  const [g, sumedang, jabar] = [await orgId('32.05'), await orgId('32.11'), await orgId('32')];
  const [visit] = await db
    .insert(visits)
    .values({
      hostOrgId: sumedang,
      visitorOrgId: g,
      startDate: addDays(day, -20),
      endDate: addDays(day, -19),
    })
    .returning();
  await db.insert(followUpObligations).values({ visitId: visit!.id, orgId: g, dueDate: addDays(day, 10) });
  await refreshFollowupFacts(db, [g]);
  const result = (org: string, year: number, index: number) => ({
    orgId: org,
    year,
    frameworkId: 'spbe-2020',
    index,
    predicate: index >= 3.5 ? 'Sangat Baik' : 'Baik',
  });
  // Sumedang's published 2024 result (4.51) is reference data already.
  await db
    .insert(officialResults)
    .values([result(g, 2023, 2.4), result(g, 2024, 2.61), result(jabar, 2024, 3.53)]);
  await refreshFollowupFacts(db, [g, jabar]);
});
afterAll(() => t?.close());

describe('GET /home', () => {
  it('needs a session, and is described in the API documentation', async () => {
    expect((await t.app.inject({ url: '/api/v1/home' })).statusCode).toBe(401);
    const openapi = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(openapi.paths['/api/v1/home'].get.responses['200']).toBeDefined();
  });

  it('shows the operator the returned indicators, the items assigned to them and the drafts', async () => {
    const h = await home(s.operator);
    expect(h.sections.map((x) => x.role)).toEqual(['operator']);
    const op = section(h, 'operator');
    expect(op.returned.count).toBe(2);
    expect(op.returned.items).toEqual([
      { assessmentId: garut.assessment, year: 2025, indicator: 5, comment: 'Lengkapi SK tim SPBE' },
      { assessmentId: garut.assessment, year: 2025, indicator: 12, comment: 'Bukti arsitektur belum ada' },
    ]);
    expect(op.assigned).toMatchObject({ open: 2, overdue: 1, dueSoon: 1 });
    expect(op.assigned.items.map((i) => [i.id, i.planId, i.overdue])).toEqual([
      [garut.overdue, garut.plan, true],
      [garut.soon, garut.plan, false],
    ]);
    // A 2026 self-assessment opens on the year's framework, Pemdi 2026 (20 indicators).
    expect(op.drafts.items).toEqual([
      expect.objectContaining({ kind: 'assessment', year: 2026, answered: 0, total: 20 }),
    ]);
    expect(op.attention).toBe(2 + 1 + 1 + 1);
  });

  it('shows the body admin what waits on the body, its index, milestones and the next deadline', async () => {
    const admin = section(await home(s.bodyAdmin), 'body_admin');
    expect(admin.toSubmit.items.map((a) => [a.year, a.status])).toEqual([
      [2026, 'draft'],
      [2025, 'returned'],
    ]);
    expect(admin.invitations.items).toEqual([
      expect.objectContaining({ email: 'calon.operator@example.test' }),
    ]);
    expect(admin.planGaps).toMatchObject({ count: 1, noOwner: 1, noDate: 1 });
    expect(admin.planGaps.items[0]).toMatchObject({ id: garut.bare, planId: garut.plan });
    expect(admin.index.official).toEqual({ year: 2024, index: 2.61, predicate: 'Baik' });
    expect(admin.index.trend.map((p) => [p.year, p.official])).toEqual([
      [2023, 2.4],
      [2024, 2.61],
      [2025, null],
    ]);
    // The headline is the body's index by the one definition: the newest year, here its
    // submitted (then returned) self-assessment of 2025, marked as self-assessed.
    expect(admin.index.latest).toMatchObject({
      index: 2,
      year: 2025,
      source: 'self',
      frameworkId: 'spbe-2020',
    });
    expect(admin.index.host).toMatchObject({
      code: '32.11',
      latest: { year: 2024, index: 4.51, source: 'official' },
    });
    // The province's average: the province government (3.53), Garut (2) and Sumedang (4.51).
    expect(admin.index.province).toMatchObject({ code: '32', average: 3.35, count: 3 });
    expect(admin.followup.milestones.find((m) => m.milestone === 'assessed')?.date).toBe(today());
    expect(admin.nextObligation).toMatchObject({ host: { code: '32.11' }, daysLeft: 10 });
    // Not an operator there: the items assigned to them (none) are listed in this section.
    expect(admin.assigned).toMatchObject({ open: 0, items: [] });
    expect(admin.abilities.downloadReport).toBe(true);
  });

  it('shows the leader the plan to approve, the commitment to sign, the index and the escalations', async () => {
    const leader = section(await home(s.leader), 'leader');
    expect(leader.approvals.items).toEqual([
      expect.objectContaining({ id: garut.plan, period: '2026', itemCount: 3 }),
    ]);
    expect(leader.commitment).toMatchObject({ current: { version: 1 }, signature: null, canSign: true });
    expect(leader.escalations.items.map((i) => i.id)).toEqual([garut.overdue]);
    expect(leader.plan).toMatchObject({ id: garut.plan, status: 'submitted', itemCount: 3, overdueCount: 1 });
    expect(leader.index.host?.code).toBe('32.11');
    expect(leader.abilities.downloadReport).toBe(true);
    const signed = await api('POST', '/orgs/32.05/commitment-signatures', s.leader, {
      signerName: 'Bupati Garut',
      signerPosition: 'Bupati',
      textVersion: 1,
    });
    const after = section(await home(s.leader), 'leader');
    expect(after.commitment).toMatchObject({
      signature: { id: signed.data.id, textVersion: 1 },
      canSign: false,
    });
  });

  it('shows the mentor the review in progress, the waiting request and the followers', async () => {
    const resubmit = await api('POST', `/assessments/${garut.assessment}/transitions/resubmit`, s.bodyAdmin);
    expect(resubmit.data.status).toBe('resubmitted');
    const m = section(await home(s.mentor), 'mentor', '32.11');
    expect(m.mentees).toBe(1);
    expect(m.reviews.items).toEqual([
      expect.objectContaining({
        id: garut.assessment,
        org: { code: '32.05', name: 'Kabupaten Garut' },
        round: 2,
      }),
    ]);
    expect(m.reviews.items[0]!.submittedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(m.assistance.items).toEqual([
      expect.objectContaining({ id: garut.request, topic: 'Arsitektur SPBE' }),
    ]);
    expect(m.followers.stageCounts.interested).toBe(0);
    // The operator's returned list is empty again once resubmitted.
    expect(section(await home(s.operator), 'operator').returned.count).toBe(0);
  });

  it('gives viewers the index and plan progress, and platform admins their figures', async () => {
    const v = section(await home(s.viewer), 'viewer');
    expect(v.index.official?.index).toBe(2.61);
    expect(v.plan?.id).toBe(garut.plan);
    const a = section(await home(s.admin), 'platform_admin', 'LL-SEKRETARIAT');
    expect(a.activeUsers).toBeGreaterThan(10);
  });

  it('never shows one body’s to-dos to another body or another host', async () => {
    const secrets = [
      garut.assessment,
      garut.plan,
      garut.overdue,
      garut.bare,
      garut.request,
      'Kabupaten Garut',
    ];
    for (const who of [s.otherOperator, s.otherAdmin, s.otherLeader, s.otherMentor]) {
      const body = JSON.stringify(await home(who));
      for (const secret of secrets) expect(body).not.toContain(secret);
    }
    const other = section(await home(s.otherMentor), 'mentor', '32.73');
    expect(other).toMatchObject({ reviews: { count: 0 }, assistance: { count: 0 }, mentees: 0 });
    // Supervisors' cockpit is not built here: no section of this page for them.
    expect((await home(s.national)).sections).toEqual([]);
  });

  it('gives one section per membership, the most urgent first', async () => {
    const u = await createUser(t.database, { role: 'viewer', orgCode: '32.04' });
    await t.database.db
      .insert(memberships)
      .values({ userId: u.id, orgId: await orgId('32.05'), role: 'operator' });
    const h = await home(await login(t.app, u.email));
    expect(h.sections.map((x) => [x.role, x.org.code])).toEqual([
      ['operator', '32.05'],
      ['viewer', '32.04'],
    ]);
  });
});
