// Drill: the daily reminder run on several instances and through a crash (issue 9).
// On one fresh PostgreSQL database with the sample data and 30,000 open action items:
//  1. one instance starts with the jobs on (REMINDER_TIME 00:00, so its start-up catch-up runs
//     the day at once) and is killed with SIGKILL in the middle of the run;
//  2. two instances then start at the same moment, both catching up the unfinished day;
//  3. every reminder is recorded once, every notification exists once and is emailed once, and
//     the day is finished and audited once.
import pg from 'pg';
import { audiences, reachedRules, rulesToSend } from '../src/server/modules/reminders/reminders.rules';
import { addDays, localDay } from '../src/shared/calendar';
import { alive, check, figure, finish, freshPgDatabase, startApp } from './lib';

const ITEMS = 30_000;
const ZONE = 'Asia/Jakarta';
const today = localDay(new Date(), ZONE);
const jobsOn = { JOBS_ENABLED: '1', REMINDER_TIME: '00:00', REMINDER_TIME_ZONE: ZONE };

const database = await freshPgDatabase('ll_drill_rem');
const client = new pg.Client({ connectionString: database.url });
const one = async (q: string) => Number((await client.query(q)).rows[0].n);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
try {
  // Schema and sample data from a first start, jobs off.
  const setup = await startApp({ DATABASE_URL: database.url });
  await setup.stop();
  await client.connect();
  // Bodies nobody else is addressed in (no sample members, mentors or province supervisor), each
  // with exactly an admin, a leader and an operator: each rule then reaches a known number.
  const t0 = performance.now();
  await client.query(`create temporary table drill_orgs as
    select o.id, o.code from orgs o
    where o.type in ('regency', 'city')
      and not exists (select 1 from memberships m where m.org_id = o.id)
      and not exists (select 1 from mentorships t where t.mentee_org_id = o.id)
      and not exists (select 1 from memberships m join orgs p on p.id = m.org_id
                      where p.code = o.province_code and m.role = 'province_supervisor')
    order by o.code limit 300`);
  await client.query(`insert into users (email, name)
    select 'drill~' || d.code || '~' || r.role || '@drill.test', r.role || ' ' || d.code
    from drill_orgs d cross join (values ('body_admin'), ('leader'), ('operator')) r(role)`);
  await client.query(`insert into memberships (user_id, org_id, role)
    select u.id, d.id, split_part(split_part(u.email, '@', 1), '~', 3)
    from users u join drill_orgs d on u.email like 'drill~' || d.code || '~%'`);
  await client.query(`insert into action_plans (org_id, period, status, approved_version)
    select id, '2026', 'approved', 1 from drill_orgs on conflict do nothing`);
  // Due dates from 10 days ahead to 59 days late, relative to today in the zone.
  await client.query(`insert into action_items (plan_id, org_id, title, due_date, assignee_id)
    select p.id, d.id, 'Drill ' || g, date '${today}' + 10 - g % 70, u.id
    from generate_series(1, ${ITEMS}) g
    join (select *, row_number() over (order by code) - 1 as k from drill_orgs) d on d.k = g % (select count(*) from drill_orgs)
    join action_plans p on p.org_id = d.id and p.period = '2026'
    join users u on u.email = 'drill~' || d.code || '~operator@drill.test'`);
  await client.query('analyze');
  figure('seed of the drill items (s)', ((performance.now() - t0) / 1000).toFixed(1));
  // What exactly-once means here, from the pure rules.
  const due = (await client.query(`select due_date::text as d from action_items where title like 'Drill %'`))
    .rows;
  const weight: Record<string, number> = { assignee: 1, body_admin: 1, leader: 1 };
  let reached = 0;
  let expected = 0;
  for (const { d } of due as { d: string }[]) {
    if (d > addDays(today, 7)) continue;
    const rules = reachedRules(d, today);
    reached += rules.length;
    for (const r of rulesToSend(rules)) expected += audiences[r].reduce((n, a) => n + (weight[a] ?? 0), 0);
  }
  figure('drill items (open)', ITEMS);
  figure('reminders due today (item, rule)', reached);
  figure('notifications due to drill users', expected);

  const logged = () =>
    one(
      `select count(*) as n from reminder_log l join action_items i on i.id = l.subject_id where i.title like 'Drill %'`,
    );
  const finished = () =>
    one(
      `select count(*) as n from job_runs where job = 'reminders' and run_date = '${today}' and finished_at is not null`,
    );

  // 1. One instance runs the day and dies halfway.
  const first = await startApp({ DATABASE_URL: database.url, ...jobsOn });
  let atKill = 0;
  for (let i = 0; i < 2000 && alive(first); i++) {
    atKill = await logged();
    if (atKill > 0) break;
    await sleep(20);
  }
  await sleep(300); // a few chunks in
  await first.kill9();
  atKill = await logged();
  figure('reminders recorded when the first instance was killed', atKill);
  check(atKill > 0 && atKill < reached, `killed in the middle of the run (${atKill} of ${reached} recorded)`);
  check((await finished()) === 0, 'the interrupted day is not marked done');

  // 2. Two instances at the same moment; both catch up the unfinished day at start-up.
  const t1 = performance.now();
  const [a, b] = await Promise.all([
    startApp({ DATABASE_URL: database.url, ...jobsOn }),
    startApp({ DATABASE_URL: database.url, ...jobsOn }),
  ]);
  while ((await finished()) === 0 && performance.now() - t1 < 80_000) await sleep(100);
  figure('rerun by two instances, start to day done (s)', ((performance.now() - t1) / 1000).toFixed(1));
  check((await finished()) === 1, 'the day is finished once after the rerun');
  check(alive(a) && alive(b), 'both instances are alive');

  // 3. Exactly once.
  const drillUsers = `(select id from users where email like 'drill~%')`;
  check((await logged()) === reached, `every reminder recorded once (${reached})`);
  const notes = await one(`select count(*) as n from notifications where user_id in ${drillUsers}`);
  figure('notifications to drill users', notes);
  check(notes === expected, `every notification exists once (${notes} of ${expected})`);
  const dupNotes = await one(`select count(*) as n from (select 1 from notifications
    group by user_id, kind, link, title_id having count(*) > 1) d`);
  check(dupNotes === 0, `no notification twice by (user, kind, link, title): ${dupNotes}`);
  const unsent = await one(`select count(*) as n from notifications n join users u on u.id = n.user_id
    where n.emailed_at is null and u.notify_email = 'immediate' and u.is_active`);
  check(unsent === 0, `every notification of an "at once" user was emailed (${unsent} left)`);
  const mails = await one(`select count(*) as n from outbox where "to" like 'drill~%'`);
  const people = await one(`select count(*) as n from users where email like 'drill~%'`);
  const dupMails = await one(
    `select count(*) as n from (select 1 from outbox group by "to", subject, text having count(*) > 1) d`,
  );
  figure('outbox emails to drill users', mails);
  // One each, unless the every-minute delivery took some notifications first (then two, each
  // with different notifications: not a duplicate).
  check(mails >= people, `every drill user emailed (${mails} emails to ${people} users)`);
  check(dupMails === 0, `no email twice in the outbox: ${dupMails}`);
  const audits = await one(
    `select count(*) as n from audit_events where action = 'job.reminders' and entity_id = '${today}'`,
  );
  check(audits === 1, `the day's run is audited once (${audits})`);
  await Promise.all([a.stop(), b.stop()]);
} finally {
  await client.end().catch(() => {});
  await database.drop();
}
finish();
