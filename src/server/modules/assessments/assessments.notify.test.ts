import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpServer } from '../../../../tests/support/smtp';
import {
  createTestApp,
  createUser,
  login,
  type Session,
  setHost,
  type TestApp,
} from '../../../../tests/support/test-app';
import { mentorships, notifications, orgs } from '../../db/schema';
import { createMailer } from '../../platform/mail';
import { deliverEmails } from '../notifications/notifications.service';

// The host's mentors review the bodies they mentor: they are told when one submits (and
// resubmits) its self-assessment, in the app and by email, as the body is told of a return.

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let t: TestApp;
const s = {} as Record<'operator' | 'bodyAdmin' | 'mentor' | 'pendingMentor' | 'otherMentor', Session>;
const id = {} as Record<keyof typeof s, { id: string; email: string }>;

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ SMTP_URL: smtp.url });
  await setHost(t.database, '32.11', ['32.05']);
  // Another host whose access over Garut is still pending, and a host that does not mentor Garut.
  await setHost(t.database, '32.73');
  await setHost(t.database, '32.10');
  const [garut] = await t.database.db.select().from(orgs).where(eq(orgs.code, '32.05'));
  const [bandung] = await t.database.db.select().from(orgs).where(eq(orgs.code, '32.73'));
  await t.database.db
    .insert(mentorships)
    .values({ hostOrgId: bandung!.id, menteeOrgId: garut!.id, status: 'pending' });
  for (const [who, role, org] of [
    ['operator', 'operator', '32.05'],
    ['bodyAdmin', 'body_admin', '32.05'],
    ['mentor', 'mentor', '32.11'],
    ['pendingMentor', 'mentor', '32.73'],
    ['otherMentor', 'mentor', '32.10'],
  ] as const) {
    const u = await createUser(t.database, { role, orgCode: org });
    id[who] = u;
    s[who] = await login(t.app, u.email);
  }
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

const post = (url: string, who: Session, payload?: unknown) =>
  t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: who.headers, payload: payload as object });
const noticesOf = (userId: string) =>
  t.database.db.select().from(notifications).where(eq(notifications.userId, userId));

describe('a submitted self-assessment', () => {
  it('notifies the mentors of the hosts mentoring the body, in the app and by email', async () => {
    const created = await post('/orgs/32.05/assessments', s.operator, { year: 2025 });
    const assessmentId = created.json().data.id as string;
    await t.database.db.execute(sql`update assessment_items set level = 3,
      service_name = case when indicator >= 45 then 'Layanan ' || indicator else null end where assessment_id = ${assessmentId}`);
    const submitted = await post(`/assessments/${assessmentId}/transitions/submit`, s.bodyAdmin);
    expect(submitted.statusCode, submitted.body).toBe(200);

    const [notice, ...more] = await noticesOf(id.mentor.id);
    expect(more).toEqual([]);
    expect(notice).toMatchObject({
      kind: 'assessment.submit',
      titleId: 'Kabupaten Garut mengirim penilaian mandiri 2025 untuk ditinjau',
      titleEn: 'Kabupaten Garut submitted its 2025 self-assessment for review',
      link: `/assessments/${assessmentId}`,
    });
    // Only confirmed mentor access makes a reviewer; the submitting body is not told of its own act.
    for (const who of ['pendingMentor', 'otherMentor', 'bodyAdmin', 'operator'] as const)
      expect(await noticesOf(id[who].id)).toEqual([]);

    // The same path as every notification: the minute job puts it in the outbox and sends it.
    const mailer = createMailer({ smtpUrl: smtp.url, from: t.config.mailFrom });
    const before = smtp.received.length;
    await deliverEmails(t.database.db, mailer, t.config.publicUrl, 'immediate');
    await expect.poll(() => smtp.received.filter((m) => m.to.includes(id.mentor.email)).length).toBe(1);
    expect(smtp.received.length - before).toBe(1);
    const mail = smtp.received.find((m) => m.to.includes(id.mentor.email))!;
    const body = mail.raw.replace(/=\r?\n/g, '');
    expect(body).toContain(`${t.config.publicUrl}/assessments/${assessmentId}`);
    const [emailed] = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, id.mentor.id), eq(notifications.kind, 'assessment.submit')));
    expect(emailed!.emailedAt).not.toBeNull();

    // A return and a resubmission: the mentor is told again that it waits for review.
    await post(`/assessments/${assessmentId}/transitions/start-review`, s.mentor);
    const returned = await post(`/assessments/${assessmentId}/transitions/return`, s.mentor, {
      comments: [{ indicator: 3, body: 'Lengkapi bukti' }],
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect((await post(`/assessments/${assessmentId}/transitions/resubmit`, s.bodyAdmin)).statusCode).toBe(
      200,
    );
    const kinds = (await noticesOf(id.mentor.id)).map((n) => n.kind).sort();
    expect(kinds).toEqual(['assessment.resubmit', 'assessment.submit']);
  });
});
