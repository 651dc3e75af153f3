import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiFor,
  openTestApp,
  type Session,
  type Sessions,
  type TestApp,
} from '../../../../tests/support/test-app';
import { spbe2020Framework } from '../../../shared/framework/frameworks';
import { assessmentItems, assessments, auditEvents, mentorships, orgs } from '../../db/schema';

// Issue 9, item 1: a host's mentor recorded a visit of a body he had no link to and so became its
// reviewer. The access a visit gives must now be confirmed by the visiting body or a supervisor
// over it; until then the visit exists without it.
const people = {
  mentor: ['mentor', '32.11'],
  otherMentor: ['mentor', '33.74'],
  bwiAdmin: ['body_admin', '35.10'],
  bwiLeader: ['leader', '35.10'],
  bwiOp: ['operator', '35.10'],
  jatim: ['province_supervisor', '35'],
  jabar: ['province_supervisor', '32'],
  national: ['national_supervisor', 'KEMENDAGRI'],
} as const;
let t: TestApp;
let s: Sessions<typeof people>;

beforeAll(async () => {
  ({ t, s } = await openTestApp({ host: '32.11', hosts: ['33.74'], people }));
});
afterAll(() => t?.close());

const api = apiFor(() => t);

const attack = {
  hostCode: '32.11',
  visitorCode: '35.10',
  startDate: '2026-10-01',
  endDate: '2026-10-01',
};

/** A submitted, complete self-assessment of Banyuwangi, written directly. */
async function submittedAssessment(year: number) {
  const [org] = await t.database.db.select().from(orgs).where(eq(orgs.code, '35.10'));
  const [a] = await t.database.db
    .insert(assessments)
    .values({ orgId: org!.id, year, frameworkId: 'spbe-2020', frameworkVersion: '2020', status: 'submitted' })
    .returning();
  await t.database.db.insert(assessmentItems).values(
    spbe2020Framework.indicators.map((i) => ({
      assessmentId: a!.id,
      indicator: i.number,
      level: 2,
      serviceName: i.chosenService ? `Layanan ${i.number}` : null,
    })),
  );
  return a!.id;
}

/** The statuses the mentor gets on Banyuwangi's private data. */
async function mentorReach(who: Session = s.mentor) {
  const get = async (url: string) => (await api('GET', url, who)).statusCode;
  return {
    users: await get('/orgs/35.10/users'),
    evidence: await get('/orgs/35.10/evidence'),
    plans: await get('/orgs/35.10/plans'),
  };
}
const denied = { users: 404, evidence: 404, plans: 404 };
const allowed = { users: 200, evidence: 200, plans: 200 };

const decide = (id: string, decision: 'confirm' | 'decline', who: Session) =>
  api('POST', `/visits/${id}/access/${decision}`, who);

describe('mentor access from a visit', () => {
  let visitId: string;
  let assessmentId: string;

  it('a host’s mentor recording a visit of another body gets the visit but no access', async () => {
    assessmentId = await submittedAssessment(2026);
    const res = await api('POST', '/visits', s.mentor, attack);
    expect(res.statusCode, res.body).toBe(201);
    visitId = res.json().data.id;
    // The visit exists and counts (obligation), but the access waits for Banyuwangi.
    expect(res.json().data).toMatchObject({ mentorAccess: 'pending', obligation: { status: 'open' } });
    expect(await mentorReach()).toEqual(denied);
    const review = await api('POST', `/assessments/${assessmentId}/transitions/start-review`, s.mentor);
    expect(review.statusCode).toBe(404);
    const accept = await api('POST', `/assessments/${assessmentId}/transitions/accept`, s.mentor);
    expect(accept.statusCode).toBe(404);
    // Banyuwangi's page lists what waits for its answer.
    const waiting = (await api('GET', '/visits?org=35.10&access=pending', s.bwiAdmin)).json();
    expect(waiting.data.map((v: { id: string }) => v.id)).toEqual([visitId]);
    expect(waiting.pagination.total).toBe(1);
    expect((await api('GET', '/visits?org=35.10&access=active', s.bwiAdmin)).json().pagination.total).toBe(0);
    const org = (await api('GET', '/orgs/35.10', s.bwiAdmin)).json().data;
    expect(org.mentoredBy).toEqual([]);
    // Banyuwangi's admin and leader are asked; its operator is not.
    const notices = (await api('GET', '/notifications', s.bwiAdmin)).json().data;
    expect(notices.map((n: { link: string }) => n.link)).toContain(`/visits/${visitId}`);
    expect(JSON.stringify(notices)).toContain('menunggu persetujuan');
    expect(JSON.stringify((await api('GET', '/notifications', s.bwiLeader)).json().data)).toContain(
      'menunggu persetujuan',
    );
    expect(JSON.stringify((await api('GET', '/notifications', s.bwiOp)).json().data)).not.toContain(
      'menunggu persetujuan',
    );
  });

  it('only the visiting body’s admin or leader, or a supervisor over it, may answer', async () => {
    const mine = (await api('GET', `/visits/${visitId}`, s.mentor)).json();
    expect(mine.data.mentorAccess).toBe('pending');
    expect(mine.abilities.decideAccess).toBe(false);
    expect((await decide(visitId, 'confirm', s.mentor)).statusCode).toBe(403);
    expect((await decide(visitId, 'confirm', s.bwiOp)).statusCode).toBe(403);
    // Jawa Barat sees the visit (its host is in Jawa Barat) but does not supervise Banyuwangi.
    expect((await decide(visitId, 'confirm', s.jabar)).statusCode).toBe(403);
    // Another host's mentor does not even see the visit.
    expect((await decide(visitId, 'confirm', s.otherMentor)).statusCode).toBe(404);
    expect((await decide('00000000-0000-4000-8000-000000000000', 'confirm', s.bwiAdmin)).statusCode).toBe(
      404,
    );
    expect(await mentorReach()).toEqual(denied);
    expect((await api('GET', `/visits/${visitId}`, s.bwiAdmin)).json().abilities.decideAccess).toBe(true);
    // The body's page offers the waiting requests to those who may answer, and only to them.
    const decides = async (who: Session) =>
      (await api('GET', '/orgs/35.10', who)).json().abilities?.decideMentorAccess ?? false;
    expect(await decides(s.bwiAdmin)).toBe(true);
    expect(await decides(s.jatim)).toBe(true);
    expect(await decides(s.mentor)).toBe(false);
    expect(await decides(s.bwiOp)).toBe(false);
  });

  it('the body admin’s confirmation opens the access; a second one changes nothing', async () => {
    const ok = await decide(visitId, 'confirm', s.bwiAdmin);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ data: { mentorAccess: 'active' }, abilities: { decideAccess: true } });
    expect(await mentorReach()).toEqual(allowed);
    const review = await api('POST', `/assessments/${assessmentId}/transitions/start-review`, s.mentor);
    expect(review.statusCode, review.body).toBe(200);
    const accept = await api('POST', `/assessments/${assessmentId}/transitions/accept`, s.mentor);
    expect(accept.statusCode, accept.body).toBe(200);
    expect((await decide(visitId, 'confirm', s.bwiAdmin)).statusCode).toBe(200);
    const events = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'visit.access_confirmed'), eq(auditEvents.entityId, visitId)));
    expect(events.map((e) => e.summary)).toEqual([{ host: '32.11', visitor: '35.10', from: 'pending' }]);
    expect((await api('GET', '/orgs/35.10', s.bwiAdmin)).json().data.mentoredBy[0].code).toBe('32.11');
  });

  it('declining withdraws it; a new visit by the host asks again; supervisors may answer', async () => {
    const no = await decide(visitId, 'decline', s.bwiLeader);
    expect(no.statusCode, no.body).toBe(200);
    expect(no.json().data.mentorAccess).toBe('declined');
    expect(await mentorReach()).toEqual(denied);
    expect((await api('GET', `/visits/${visitId}`, s.mentor)).json().data.mentorAccess).toBe('declined');

    const again = await api('POST', '/visits', s.mentor, {
      ...attack,
      startDate: '2026-11-02',
      endDate: '2026-11-02',
    });
    expect(again.json().data.mentorAccess).toBe('pending');
    expect(await mentorReach()).toEqual(denied);
    expect((await decide(visitId, 'confirm', s.jatim)).json().data.mentorAccess).toBe('active');
    expect(await mentorReach()).toEqual(allowed);
    expect((await decide(visitId, 'decline', s.national)).json().data.mentorAccess).toBe('declined');
    expect(await mentorReach()).toEqual(denied);
    // The mentors are told who answered, and a withdrawal is called one.
    const told = JSON.stringify((await api('GET', '/notifications', s.mentor)).json().data);
    expect(told).toContain('disetujui oleh');
    expect(told).toContain('dicabut oleh');
  });

  it('a body without admin or leader is answered for by its province supervisors', async () => {
    // Jember (35.09) has no accounts: the Jawa Timur supervisor is asked instead.
    const res = await api('POST', '/visits', s.mentor, { ...attack, visitorCode: '35.09' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().data.mentorAccess).toBe('pending');
    const notices = (await api('GET', '/notifications', s.jatim)).json().data as { link: string }[];
    expect(notices.map((n) => n.link)).toContain(`/visits/${res.json().data.id}`);
    expect(JSON.stringify((await api('GET', '/notifications', s.national)).json().data)).not.toContain(
      res.json().data.id,
    );
  });

  it('the visiting body’s own admin confirms by recording; its operator only asks', async () => {
    const byOp = await api('POST', '/visits', s.bwiOp, {
      ...attack,
      startDate: '2026-12-01',
      endDate: '2026-12-01',
    });
    expect(byOp.json().data.mentorAccess).toBe('pending');
    expect(await mentorReach()).toEqual(denied);
    const byAdmin = await api('POST', '/visits', s.bwiAdmin, {
      ...attack,
      startDate: '2026-12-02',
      endDate: '2026-12-02',
    });
    expect(byAdmin.statusCode, byAdmin.body).toBe(201);
    expect(byAdmin.json().data.mentorAccess).toBe('active');
    expect(await mentorReach()).toEqual(allowed);
    // A later visit recorded by the host leaves a confirmed access as it is.
    const later = await api('POST', '/visits', s.mentor, {
      ...attack,
      startDate: '2026-12-03',
      endDate: '2026-12-03',
    });
    expect(later.json().data.mentorAccess).toBe('active');
  });

  it('documents both answers in the API description', async () => {
    const paths = Object.keys((await t.app.inject({ url: '/api/openapi.json' })).json().paths);
    expect(paths).toEqual(
      expect.arrayContaining(['/api/v1/visits/{id}/access/confirm', '/api/v1/visits/{id}/access/decline']),
    );
  });

  it('answers 409 when the visit no longer carries a grant', async () => {
    const [host] = await t.database.db.select().from(orgs).where(eq(orgs.code, '32.11'));
    const [bwi] = await t.database.db.select().from(orgs).where(eq(orgs.code, '35.10'));
    await t.database.db
      .delete(mentorships)
      .where(and(eq(mentorships.hostOrgId, host!.id), eq(mentorships.menteeOrgId, bwi!.id)));
    const res = await decide(visitId, 'confirm', s.bwiAdmin);
    expect(res.statusCode).toBe(409);
    expect((await api('GET', `/visits/${visitId}`, s.bwiAdmin)).json().data.mentorAccess).toBeNull();
  });
});
