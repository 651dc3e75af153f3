import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  createUser,
  login,
  type Session,
  setHost,
  type TestApp,
} from '../../../../tests/support/test-app';
import type { Role } from '../../../shared/contracts/common';
import { openDatabase } from '../../db/client';
import { actionItems, actionPlans, notifications, orgs } from '../../db/schema';
import { createMailer } from '../../platform/mail';
import { dailyRun } from './reminders.daily';
import { runReminders } from './reminders.job';

let t: TestApp;
const u = {} as Record<
  'operator' | 'bodyAdmin' | 'leader' | 'jabar' | 'mentor',
  { id: string; session: Session }
>;
let planId: string;
let garutId: string;

beforeAll(async () => {
  t = await createTestApp();
  await setHost(t.database, '32.11', ['32.05']);
  for (const [key, role, org] of [
    ['operator', 'operator', '32.05'],
    ['bodyAdmin', 'body_admin', '32.05'],
    ['leader', 'leader', '32.05'],
    ['jabar', 'province_supervisor', '32'],
    ['mentor', 'mentor', '32.11'],
  ] as [keyof typeof u, Role, string][]) {
    const user = await createUser(t.database, { role, orgCode: org });
    u[key] = { id: user.id, session: await login(t.app, user.email) };
  }
  const [garut] = await t.database.db.select().from(orgs).where(eq(orgs.code, '32.05'));
  garutId = garut!.id;
  const [plan] = await t.database.db
    .insert(actionPlans)
    .values({ orgId: garutId, period: '2026', status: 'approved', approvedVersion: 1 })
    .returning();
  planId = plan!.id;
  const item = (title: string, dueDate: string, status: 'planned' | 'done' = 'planned') => ({
    planId,
    orgId: garutId,
    title,
    dueDate,
    status,
    assigneeId: u.operator.id,
  });
  await t.database.db
    .insert(actionItems)
    .values([
      item('A tujuh hari', '2026-12-17'),
      item('B besok', '2026-12-11'),
      item('C terlambat', '2026-12-09'),
      item('D lewat 14 hari', '2026-11-20'),
      item('E lewat 30 hari', '2026-11-01'),
      item('F selesai', '2026-11-01', 'done'),
    ]);
});
afterAll(() => t?.close());

async function noticesOf(userId: string) {
  const rows = await t.database.db.select().from(notifications).where(eq(notifications.userId, userId));
  return rows.map((r) => `${r.kind}:${r.titleId.split(': ').pop()}`).sort();
}

describe('reminders and escalation', () => {
  it('reach each audience once, also when two app instances run the same day together', async () => {
    // A second app instance: its own connection pool on the same PostgreSQL database (on PGlite,
    // the same embedded database).
    const url = (t.database.pool as unknown as { options?: { connectionString?: string } } | undefined)
      ?.options?.connectionString;
    const second = url ? await openDatabase({ engine: 'postgres', url }) : t.database;
    try {
      const [a, b] = await Promise.all([
        runReminders(t.database.db, '2026-12-10'),
        runReminders(second.db, '2026-12-10'),
      ]);
      expect(a.notifications + b.notifications).toBe(12);
    } finally {
      if (second !== t.database) await second.close();
    }
    expect(await noticesOf(u.operator.id)).toEqual([
      'reminder.due_1:B besok',
      'reminder.due_7:A tujuh hari',
      'reminder.overdue:C terlambat',
      'reminder.overdue:D lewat 14 hari',
      'reminder.overdue:E lewat 30 hari',
    ]);
    expect(await noticesOf(u.bodyAdmin.id)).toEqual([
      'reminder.overdue:C terlambat',
      'reminder.overdue:D lewat 14 hari',
      'reminder.overdue:E lewat 30 hari',
    ]);
    expect(await noticesOf(u.leader.id)).toEqual([
      'reminder.overdue_14:D lewat 14 hari',
      'reminder.overdue_14:E lewat 30 hari',
    ]);
    expect(await noticesOf(u.jabar.id)).toEqual(['reminder.overdue_30:E lewat 30 hari']);
    expect(await noticesOf(u.mentor.id)).toEqual(['reminder.overdue_30:E lewat 30 hari']);
  });

  it('send nothing again after a restart the same day, and only what newly falls due later', async () => {
    expect((await runReminders(t.database.db, '2026-12-10')).notifications).toBe(0);
    const next = await runReminders(t.database.db, '2026-12-11');
    expect(next.notifications).toBe(0); // B is due today: "due in 1 day" was yesterday's
    const later = await runReminders(t.database.db, '2026-12-12');
    expect(later.notifications).toBe(2); // B overdue → assignee and body admin
  });

  it('catch up after downtime with the most urgent reminder only', async () => {
    await t.database.db.insert(actionItems).values({
      planId,
      orgId: garutId,
      title: 'G setelah libur',
      dueDate: '2027-01-04',
      assigneeId: u.operator.id,
    });
    // The server was down from before the 7-day mark until after the due date.
    await runReminders(t.database.db, '2027-01-06');
    const mine = (await noticesOf(u.operator.id)).filter((n) => n.endsWith('G setelah libur'));
    expect(mine).toEqual(['reminder.overdue:G setelah libur']);
  });

  it('mark a missed follow-up obligation and tell the province and the host', async () => {
    const visit = await t.app.inject({
      method: 'POST',
      url: '/api/v1/visits',
      headers: u.mentor.session.headers,
      payload: { hostCode: '32.11', visitorCode: '32.05', startDate: '2026-09-01', endDate: '2026-09-01' },
    });
    expect(visit.json().data.obligation.dueDate).toBe('2026-10-31');
    const r = await runReminders(t.database.db, '2026-12-12');
    expect(r.obligationsMissed).toBe(1);
    expect(await noticesOf(u.jabar.id)).toContain(
      'reminder.obligation_missed:Tindak lanjut kunjungan Kabupaten Garut melewati tenggat 2026-10-31',
    );
    const after = await t.app.inject({
      url: `/api/v1/visits/${visit.json().data.id}`,
      headers: u.jabar.session.headers,
    });
    expect(after.json().data.obligation.status).toBe('missed');
    expect((await runReminders(t.database.db, '2026-12-13')).obligationsMissed).toBe(0);
  });

  it('runs the daily job once per day and emails notifications by preference', async () => {
    await t.app.inject({
      method: 'PUT',
      url: '/api/v1/notifications/preferences',
      headers: u.leader.session.headers,
      payload: { email: 'daily' },
    });
    await t.app.inject({
      method: 'PUT',
      url: '/api/v1/notifications/preferences',
      headers: u.mentor.session.headers,
      payload: { email: 'off' },
    });
    const deps = {
      db: t.database.db,
      mailer: createMailer({ from: 'Living Lab <x@x.test>' }),
      log: { info() {}, error() {} } as never,
      publicUrl: 'http://localhost:3000',
      time: '07:00',
      timeZone: 'Asia/Jakarta',
    };
    const first = await dailyRun(deps, new Date('2026-12-14T01:00:00Z'));
    expect(first).not.toBeNull();
    expect(await dailyRun(deps, new Date('2026-12-14T02:00:00Z'))).toBeNull();
    const outbox = (await t.database.db.execute(
      sql`select kind, "to", subject from outbox order by created_at`,
    )) as unknown as { rows: { kind: string; to: string; subject: string }[] };
    const to = (userId: string) =>
      t.database.db
        .select({ email: sql<string>`email` })
        .from(sql`users`)
        .where(sql`id = ${userId}`) as unknown as Promise<{ email: string }[]>;
    const [leaderEmail] = await to(u.leader.id);
    const [mentorEmail] = await to(u.mentor.id);
    const [operatorEmail] = await to(u.operator.id);
    expect(outbox.rows.filter((m) => m.to === leaderEmail!.email).map((m) => m.kind)).toEqual(['digest']);
    expect(outbox.rows.some((m) => m.to === mentorEmail!.email)).toBe(false);
    expect(outbox.rows.filter((m) => m.to === operatorEmail!.email).length).toBeGreaterThan(0);
    // Nothing is emailed twice.
    const again = await dailyRun(deps, new Date('2026-12-15T01:00:00Z'));
    expect(again).toMatchObject({ emailed: 0, digests: 0 });
  });
});

describe('in-app notifications', () => {
  it('list with an unread count, link to the record, and mark as read', async () => {
    const list = await t.app.inject({ url: '/api/v1/notifications', headers: u.operator.session.headers });
    expect(list.statusCode).toBe(200);
    const body = list.json();
    expect(body.unread).toBeGreaterThan(0);
    expect(body.data[0].link).toMatch(/^\/(plans|visits)\//);
    const one = body.data[0].id;
    const marked = await t.app.inject({
      method: 'POST',
      url: '/api/v1/notifications/read',
      headers: u.operator.session.headers,
      payload: { ids: [one] },
    });
    expect(marked.json().data.marked).toBe(1);
    const all = await t.app.inject({
      method: 'POST',
      url: '/api/v1/notifications/read',
      headers: u.operator.session.headers,
      payload: {},
    });
    expect(all.json().data.marked).toBe(body.unread - 1);
    expect(
      (
        await t.app.inject({ url: '/api/v1/notifications?unread=true', headers: u.operator.session.headers })
      ).json().pagination.total,
    ).toBe(0);
    // Nobody reads or marks another user's notifications.
    const theirs = (
      await t.app.inject({ url: '/api/v1/notifications', headers: u.bodyAdmin.session.headers })
    ).json().data;
    expect(theirs.some((n: { id: string }) => n.id === one)).toBe(false);
  });
});
