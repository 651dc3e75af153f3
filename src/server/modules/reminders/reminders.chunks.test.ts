import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createUser, setHost } from '../../../../tests/support/test-app';
import { openTestDatabase } from '../../../../tests/support/test-db';
import { addDays } from '../../../shared/calendar';
import type { Role } from '../../../shared/contracts/common';
import { type DbHandle, openDatabase } from '../../db/client';
import { actionItems, actionPlans, orgs } from '../../db/schema';
import { BUSY, jobLock } from '../../platform/job-lock';
import { createMailer } from '../../platform/mail';
import { MAIL_MAX_LINES } from '../notifications/notifications.service';
import { dailyRun } from './reminders.daily';
import { runReminders } from './reminders.job';
import { audiences, reachedRules, rulesToSend } from './reminders.rules';

// The daily run in chunks: many chunks give the same result as one, a run that fails between
// chunks leaves the day open and its rerun sends nothing twice, and two runs at once send each
// reminder once. Small chunk sizes stand in for the national 66,500 open items: the statements
// carry no id lists, so the number of items no longer matters to PostgreSQL's parameter limit.

const TODAY = '2026-12-10';
const NOW = new Date(`${TODAY}T03:00:00Z`); // 10:00 in Jakarta
const ITEMS = 240;
let h: DbHandle;
let expected = 0;
let openItems = 0;

const count = async (query: ReturnType<typeof sql>) =>
  Number(((await h.db.execute(query)) as unknown as { rows: { n: string }[] }).rows[0]!.n);
const duplicates = () =>
  count(sql`select count(*) as n from (select 1 from notifications
    group by user_id, kind, link, title_id having count(*) > 1) d`);
const notices = () => count(sql`select count(*) as n from notifications`);
const deps = (db: DbHandle, chunks?: Parameters<typeof dailyRun>[0]['chunks']) => ({
  db: db.db,
  mailer: createMailer({ from: 'Living Lab <x@x.test>' }),
  publicUrl: 'http://localhost:3000',
  timeZone: 'Asia/Jakarta',
  lock: jobLock(db),
  chunks,
});

beforeAll(async () => {
  h = await openTestDatabase();
  await setHost(h, '32.11', ['32.05']);
  const people: [string, Role, string][] = [
    ['operator', 'operator', '32.05'],
    ['bodyAdmin', 'body_admin', '32.05'],
    ['leader', 'leader', '32.05'],
    ['jabar', 'province_supervisor', '32'],
    ['mentor', 'mentor', '32.11'],
  ];
  const ids: Record<string, string> = {};
  for (const [key, role, org] of people) ids[key] = (await createUser(h, { role, orgCode: org })).id;
  const [garut] = await h.db.select().from(orgs).where(eq(orgs.code, '32.05'));
  const [plan] = await h.db
    .insert(actionPlans)
    .values({ orgId: garut!.id, period: '2026', status: 'approved', approvedVersion: 1 })
    .returning();
  // Due dates from 12 days ahead to 47 days late: every rule, and items not yet due for one.
  const rows = Array.from({ length: ITEMS }, (_, i) => ({
    planId: plan!.id,
    orgId: garut!.id,
    title: `Kegiatan ${i}`,
    dueDate: addDays(TODAY, 12 - (i % 60)),
    status: i % 10 === 0 ? ('done' as const) : ('planned' as const),
    assigneeId: ids.operator!,
  }));
  await h.db.insert(actionItems).values(rows);
  // One user per audience, so each rule sent reaches as many users as it has audiences.
  for (const r of rows.filter((r) => r.status === 'planned')) {
    const rules = rulesToSend(reachedRules(r.dueDate, TODAY));
    if (r.dueDate <= addDays(TODAY, 7)) openItems += 1;
    expected += rules.reduce((n, rule) => n + audiences[rule].length, 0);
  }
});
afterAll(() => h?.close());
beforeEach(async () => {
  await h.db.execute(sql`delete from notifications`);
  await h.db.execute(sql`delete from reminder_log`);
  await h.db.execute(sql`delete from job_runs`);
  await h.db.execute(sql`delete from outbox`);
});

describe('the daily reminder run in chunks', () => {
  it('covers more items than a chunk holds (as 110,000 national items in chunks of 2,000) exactly as one chunk would', async () => {
    const r = await runReminders(h.db, TODAY, { chunkSize: 7 });
    expect(r.items).toBe(openItems);
    expect(r.notifications).toBe(expected);
    expect(await notices()).toBe(expected);
    expect(await duplicates()).toBe(0);
    expect((await runReminders(h.db, TODAY, { chunkSize: 1000 })).notifications).toBe(0);
  });

  it('leaves the day open after a failure between chunks; the rerun finishes it without duplicates', async () => {
    const crash = deps(h, {
      chunkSize: 25,
      afterChunk: (n) => {
        if (n === 3) throw new Error('crash between chunks');
      },
    });
    await expect(dailyRun(crash, NOW)).rejects.toThrow('crash between chunks');
    const unfinished = await count(sql`select count(*) as n from job_runs where finished_at is null`);
    expect(unfinished).toBe(1);
    const halfway = await notices();
    expect(halfway).toBeGreaterThan(0);
    expect(halfway).toBeLessThan(expected);
    expect(await count(sql`select count(*) as n from outbox`)).toBe(0);

    const rerun = await dailyRun(deps(h, { chunkSize: 25 }), NOW);
    // All five users want email at once: one message each, covering all their notifications.
    expect(rerun).toMatchObject({ items: openItems, notifications: expected - halfway, emailed: 5 });
    expect(await notices()).toBe(expected);
    expect(await duplicates()).toBe(0);
    expect(await count(sql`select count(*) as n from notifications where emailed_at is null`)).toBe(0);
    // The assignee has over a hundred: the message lists the first hundred and counts the rest.
    const mails = (await h.db.execute(sql`select text from outbox`)) as unknown as {
      rows: { text: string }[];
    };
    const longest = mails.rows.map((m) => m.text).sort((a, b) => b.length - a.length)[0]!;
    expect(longest.match(/^- /gm)).toHaveLength(2 * MAIL_MAX_LINES);
    expect(longest).toMatch(/… dan \d+ pemberitahuan lainnya di http:\/\/localhost:3000/);
    expect(await count(sql`select count(*) as n from job_runs where finished_at is not null`)).toBe(1);
    expect(await dailyRun(deps(h), NOW)).toBeNull();
  });

  it('sends each reminder once when two instances run the day at the same moment', async () => {
    // A second instance: its own pool on the same PostgreSQL database (on PGlite, the same one).
    const url = (h.pool?.options as { connectionString?: string } | undefined)?.connectionString;
    const second = url ? await openDatabase({ engine: 'postgres', url }) : h;
    try {
      // Without the job lock, the unique keys alone keep it exactly once...
      const [a, b] = await Promise.all([
        runReminders(h.db, TODAY, { chunkSize: 10 }),
        runReminders(second.db, TODAY, { chunkSize: 10 }),
      ]);
      expect(a.notifications + b.notifications).toBe(expected);
      expect(await notices()).toBe(expected);
      expect(await duplicates()).toBe(0);
      // ...and with it, one instance runs the day while the other is told it is busy (or, if it
      // came second, that the day is done); the day is finished and audited once.
      await h.db.execute(sql`delete from notifications`);
      await h.db.execute(sql`delete from reminder_log`);
      const audits = () => count(sql`select count(*) as n from audit_events where action = 'job.reminders'`);
      const before = await audits();
      const runs = await Promise.all([dailyRun(deps(h), NOW), dailyRun(deps(second), NOW)]);
      expect(runs.filter((r) => r && r !== BUSY)).toHaveLength(1);
      expect(await notices()).toBe(expected);
      expect(await duplicates()).toBe(0);
      expect(await audits()).toBe(before + 1);
    } finally {
      if (second !== h) await second.close();
    }
  });
});
