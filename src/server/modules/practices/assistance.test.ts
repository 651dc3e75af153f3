import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFor, type Session, type TestApp } from '../../../../tests/support/test-app';
import { assistanceRequests, notifications } from '../../db/schema';
import { runReminders } from '../reminders/reminders.job';
import { appWithPeople, practicePayload } from './practices.test-helpers';

let t: TestApp;
type Who =
  | 'mentor'
  | 'mentor2'
  | 'hostAdmin'
  | 'otherMentor'
  | 'garutAdmin'
  | 'garutOp'
  | 'garutViewer'
  | 'bandungAdmin'
  | 'jabar'
  | 'jateng'
  | 'national';
const s = {} as Record<Who, Session>;
const id = {} as Record<Who, string>;
let practiceId: string;
let otherHostPractice: string;

beforeAll(async () => {
  t = await appWithPeople<Who>(
    [
      ['mentor', 'mentor', '32.11'],
      ['mentor2', 'mentor', '32.11'],
      ['hostAdmin', 'body_admin', '32.11'],
      ['otherMentor', 'mentor', '33.74'],
      ['garutAdmin', 'body_admin', '32.05'],
      ['garutOp', 'operator', '32.05'],
      ['garutViewer', 'viewer', '32.05'],
      ['bandungAdmin', 'body_admin', '32.04'],
      ['jabar', 'province_supervisor', '32'],
      ['jateng', 'province_supervisor', '33'],
      ['national', 'national_supervisor', 'KEMENDAGRI'],
    ],
    s,
    id,
  );
  practiceId = (await api('POST', '/practices', s.mentor, practicePayload({ status: 'published' }))).json()
    .data.id;
  otherHostPractice = (
    await api(
      'POST',
      '/practices',
      s.otherMentor,
      practicePayload({ hostCode: '33.74', status: 'published' }),
    )
  ).json().data.id;
});
afterAll(() => t?.close());

const api = apiFor(() => t);
const kindsOf = async (userId: string) =>
  (await t.database.db.select().from(notifications).where(eq(notifications.userId, userId))).map(
    (n) => n.kind,
  );
let requestId: string;

describe('technical assistance', () => {
  it('lets a body ask a host, about one of the host’s practices', async () => {
    const body = {
      hostCode: '32.11',
      topic: 'Integrasi SSO',
      description: 'Mohon pendampingan.',
      practiceId,
    };
    expect((await api('POST', '/orgs/32.05/assistance-requests', s.garutViewer, body)).statusCode).toBe(403);
    expect((await api('POST', '/orgs/32.05/assistance-requests', s.bandungAdmin, body)).statusCode).toBe(404);
    const notHost = await api('POST', '/orgs/32.05/assistance-requests', s.garutOp, {
      ...body,
      hostCode: '32.04',
    });
    expect(notHost.json().error.code).toBe('HOST_ONLY');
    const wrong = await api('POST', '/orgs/32.05/assistance-requests', s.garutOp, {
      ...body,
      practiceId: otherHostPractice,
    });
    expect(wrong.statusCode).toBe(400);
    expect(
      (await api('POST', '/orgs/32.05/assistance-requests', s.garutOp, { ...body, topic: '' })).statusCode,
    ).toBe(400);
    const res = await api('POST', '/orgs/32.05/assistance-requests', s.garutOp, body);
    expect(res.statusCode, res.body).toBe(201);
    requestId = res.json().data.id;
    expect(res.json().data).toMatchObject({
      status: 'open',
      practice: { id: practiceId },
      firstResponseAt: null,
      firstResponseHours: null,
      abilities: { update: false },
    });
    expect(await kindsOf(id.mentor)).toContain('assistance.requested');
    expect(await kindsOf(id.hostAdmin)).toContain('assistance.requested');
  });

  it('shows requests to each side and to their supervisors only', async () => {
    const total = async (who: Session, query = '') =>
      (await api('GET', `/assistance-requests${query}`, who)).json().pagination.total;
    expect(await total(s.garutViewer)).toBe(1);
    expect(await total(s.mentor)).toBe(1);
    expect(await total(s.jabar)).toBe(1);
    expect(await total(s.national)).toBe(1);
    expect(await total(s.bandungAdmin)).toBe(0);
    expect(await total(s.otherMentor)).toBe(0);
    expect(await total(s.jateng)).toBe(0);
    expect(await total(s.national, '?status=resolved')).toBe(0);
    expect(await total(s.national, '?host=32.11&org=32.05&status=open')).toBe(1);
    expect((await api('GET', '/assistance-requests?status=nope', s.national)).statusCode).toBe(400);
    expect((await api('GET', '/assistance-requests')).statusCode).toBe(401);
  });

  it('lets the host answer: first response and resolution are stamped and timed', async () => {
    // The request was made 30 hours ago.
    await t.database.db
      .update(assistanceRequests)
      .set({ createdAt: sql`now() - interval '30 hours'` })
      .where(eq(assistanceRequests.id, requestId));
    const patch = (who: Session, body: unknown) =>
      api('PATCH', `/assistance-requests/${requestId}`, who, body);
    expect((await patch(s.garutAdmin, { response: 'x' })).statusCode).toBe(403);
    expect((await patch(s.otherMentor, { response: 'x' })).statusCode).toBe(404);
    expect((await patch(s.mentor, {})).statusCode).toBe(400);
    expect((await patch(s.mentor, { assignedMentorId: id.garutAdmin })).statusCode).toBe(400);
    expect(
      (await api('PATCH', '/assistance-requests/not-a-uuid', s.mentor, { response: 'x' })).statusCode,
    ).toBe(400);

    // Assigning a mentor is the host's own triage: not yet a response to the requester.
    const triage = (await patch(s.mentor, { assignedMentorId: id.mentor })).json().data;
    expect(triage).toMatchObject({
      status: 'open',
      firstResponseAt: null,
      assignedMentor: { id: id.mentor },
    });
    const first = await patch(s.mentor, { assignedMentorId: id.mentor2, response: 'Kami jadwalkan Senin.' });
    expect(first.statusCode, first.body).toBe(200);
    const r = first.json().data;
    expect(r).toMatchObject({
      status: 'in_progress',
      assignedMentor: { id: id.mentor2 },
      response: 'Kami jadwalkan Senin.',
      resolvedAt: null,
      abilities: { update: true },
    });
    expect(r.firstResponseHours).toBeGreaterThanOrEqual(29.9);
    expect(r.firstResponseHours).toBeLessThan(30.5);
    expect(await kindsOf(id.mentor2)).toContain('assistance.assigned');
    expect(await kindsOf(id.garutAdmin)).toContain('assistance.updated');

    const resolved = (await patch(s.mentor2, { status: 'resolved' })).json().data;
    expect(resolved.firstResponseAt).toBe(r.firstResponseAt);
    expect(resolved.resolvedAt).not.toBeNull();
    expect(resolved.resolutionHours).toBeGreaterThanOrEqual(resolved.firstResponseHours);
  });
});

describe('replication reminders', () => {
  it('warn once before an MoU/PKS expires: the adopting body’s admins and the host’s mentors', async () => {
    const a = (await api('POST', '/orgs/32.05/adoptions', s.garutAdmin, { practiceId })).json().data;
    const agreed = await api('POST', `/adoptions/${a.id}/transitions/agreed`, s.garutAdmin, {
      agreement: {
        mouNumber: '1/MoU/2030',
        parties: ['Sumedang', 'Garut'],
        signedOn: '2029-06-30',
        expiresOn: '2030-06-30',
      },
    });
    expect(agreed.statusCode, agreed.body).toBe(200);
    const count = async () =>
      (await kindsOf(id.garutAdmin)).filter((k) => k === 'reminder.agreement_expiry').length +
      (await kindsOf(id.mentor)).filter((k) => k === 'reminder.agreement_expiry').length;
    await runReminders(t.database.db, '2030-05-30');
    expect(await count()).toBe(0);
    const first = await runReminders(t.database.db, '2030-05-31');
    expect(first.agreementsExpiring).toBe(1);
    expect(await count()).toBe(2);
    await Promise.all([runReminders(t.database.db, '2030-05-31'), runReminders(t.database.db, '2030-06-01')]);
    await runReminders(t.database.db, '2030-06-30');
    expect(await count()).toBe(2);
    expect(await kindsOf(id.garutViewer)).not.toContain('reminder.agreement_expiry');
  });

  it('warn the host once when a request waits more than 7 days for a first response', async () => {
    const res = await api('POST', '/orgs/32.05/assistance-requests', s.garutAdmin, {
      hostCode: '32.11',
      topic: 'Belum dijawab',
    });
    await t.database.db
      .update(assistanceRequests)
      .set({ createdAt: new Date('2031-01-01T03:00:00Z') })
      .where(eq(assistanceRequests.id, res.json().data.id));
    const count = async (who: Who) =>
      (await kindsOf(id[who])).filter((k) => k === 'reminder.assistance_wait').length;
    await runReminders(t.database.db, '2031-01-08');
    expect(await count('mentor')).toBe(0);
    await runReminders(t.database.db, '2031-01-09');
    await runReminders(t.database.db, '2031-01-09');
    await runReminders(t.database.db, '2031-01-10');
    expect(await count('mentor')).toBe(1);
    expect(await count('mentor2')).toBe(1);
    expect(await count('hostAdmin')).toBe(1);
    expect(await count('garutAdmin')).toBe(0);
  });
});
