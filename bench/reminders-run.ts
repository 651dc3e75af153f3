// One daily reminder run in a process of its own, so its peak memory is the run's alone (the
// seeding happened elsewhere). Used by bench/reminders.ts; prints one JSON line on stdout.
//   DATABASE_URL=… | DATA_DIR=…   RUN_DAY=YYYY-MM-DD   node --import tsx bench/reminders-run.ts
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/server/db/client';
import { dailyRun } from '../src/server/modules/reminders/reminders.daily';
import { jobLock } from '../src/server/platform/job-lock';
import { createMailer } from '../src/server/platform/mail';

const day = process.env.RUN_DAY!;
const handle = process.env.DATABASE_URL
  ? await openDatabase({ engine: 'postgres', url: process.env.DATABASE_URL })
  : await openDatabase({ engine: 'pglite', dataDir: process.env.DATA_DIR! });
const deps = {
  db: handle.db,
  mailer: createMailer({ from: 'Living Lab <bench@livinglab.test>' }),
  publicUrl: 'http://localhost:3000',
  timeZone: 'Asia/Jakarta',
  lock: jobLock(handle),
};
const count = async (table: string) =>
  Number(
    (
      (await handle.db.execute(sql.raw(`select count(*) as n from ${table}`))) as unknown as {
        rows: { n: string }[];
      }
    ).rows[0]!.n,
  );
// 10:00 in Jakarta on the day: after the default REMINDER_TIME.
const t0 = performance.now();
const summary = await dailyRun(deps, new Date(`${day}T03:00:00Z`));
const seconds = (performance.now() - t0) / 1000;
const status = fs.readFileSync('/proc/self/status', 'utf8');
const peak = Math.round(Number(status.match(/VmHWM:\s+(\d+)/)?.[1] ?? 0) / 1024);
const totals = {
  reminderLog: await count('reminder_log'),
  notifications: await count('notifications'),
  outbox: await count('outbox'),
};
await handle.close();
console.log(JSON.stringify({ day, seconds, peakMiB: peak, summary, totals }));
