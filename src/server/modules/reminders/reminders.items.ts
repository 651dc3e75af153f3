import { sql } from 'drizzle-orm';
import { addDays } from '../../../shared/calendar';
import type { TextKey } from '../../../shared/texts';
import { inBoth } from '../../../shared/texts';
import type { Db } from '../../db/client';
import { actionItems, reminderLog } from '../../db/schema';
import { type Notice, notifyAll } from '../notifications/notifications.service';
import type { Directory } from './reminders.audience';
import { audiences, firstReminderLead, type ReminderRule, ruleOffsets, rulesToSend } from './reminders.rules';

// The action-item reminders, set-based and in chunks: one transaction per chunk of open items
// (keyset on the item id, so no statement carries a list of ids), in which one INSERT … SELECT
// records every (item, rule) reached in reminder_log — ON CONFLICT DO NOTHING on its primary key
// (subject, rule) — and one more inserts all the chunk's notifications. A chunk's reminders and
// notifications commit together, so a run that dies between chunks leaves only whole chunks
// behind and a rerun skips exactly those: nothing is sent twice, nothing is lost.

export type ChunkOptions = {
  /** Open items per transaction. Each statement carries ~15 parameters whatever the size. */
  chunkSize?: number;
  /** Called after each committed chunk (numbered from 1); a test throws here to crash a run. */
  afterChunk?: (chunk: number) => Promise<void> | void;
};

export const DEFAULT_CHUNK_SIZE = 2000;

const ruleText: Record<ReminderRule, TextKey> = {
  due_7: 'REMINDER_DUE_7',
  due_1: 'REMINDER_DUE_1',
  overdue: 'REMINDER_OVERDUE',
  overdue_14: 'REMINDER_OVERDUE_14',
  overdue_30: 'REMINDER_OVERDUE_30',
};

const itemNotice = (rule: ReminderRule, item: { title: string; due: string; planId: string }): Notice => ({
  kind: `reminder.${rule}`,
  title: inBoth(ruleText[rule], { title: item.title, due: item.due }),
  link: `/plans/${item.planId}`,
});

type ChunkRow = {
  id: string;
  org_id: string;
  plan_id: string;
  title: string;
  due: string;
  assignee_id: string | null;
  fresh: ReminderRule[] | null;
};

export async function runItemReminders(db: Db, today: string, directory: Directory, opts: ChunkOptions = {}) {
  const size = opts.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const horizon = addDays(today, firstReminderLead);
  const rules = sql.join(
    Object.entries(ruleOffsets).map(([rule, offset]) => sql`(${rule}, ${offset}::int)`),
    sql`, `,
  );
  const order = (r: ReminderRule) => ruleOffsets[r];
  const total = { items: 0, reminders: 0, notifications: 0, chunks: 0 };
  let after: string | null = null;
  for (;;) {
    const rows: ChunkRow[] = await db.transaction(async (tx) => {
      // The chunk is read once (a CTE used twice is materialised) and its newly reached rules
      // come back from the INSERT's RETURNING. Rows are inserted in key order so that two runs
      // at once wait for each other instead of deadlocking; the later one then finds them taken.
      const result = await tx.execute(sql`
        with chunk as (
          select id, org_id, plan_id, title, due_date, assignee_id from ${actionItems}
          where status not in ('done', 'verified') and due_date <= ${horizon}::date
            ${after ? sql`and id > ${after}::uuid` : sql``}
          order by id limit ${size}
        ), fresh as (
          insert into ${reminderLog} (subject_type, subject_id, rule, run_date, sent)
          select 'action_item', c.id, r.rule, ${today}::date, false
          from chunk c cross join (values ${rules}) as r(rule, off)
          where ${today}::date - c.due_date >= r.off
          order by c.id, r.off
          on conflict do nothing
          returning subject_id, rule
        )
        select c.id, c.org_id, c.plan_id, c.title, c.due_date::text as due, c.assignee_id,
          array_agg(f.rule) filter (where f.rule is not null) as fresh
        from chunk c left join fresh f on f.subject_id = c.id
        group by c.id, c.org_id, c.plan_id, c.title, c.due_date, c.assignee_id
        order by c.id`);
      const chunk = (result as unknown as { rows: ChunkRow[] }).rows;
      const batch: { users: string[]; notice: Notice }[] = [];
      const sent: { subject_id: string; rule: ReminderRule }[] = [];
      for (const item of chunk) {
        const fresh = [...(item.fresh ?? [])].sort((a, b) => order(a) - order(b));
        total.reminders += fresh.length;
        for (const rule of rulesToSend(fresh)) {
          batch.push({
            users: directory.recipients(item.org_id, audiences[rule], item.assignee_id),
            notice: itemNotice(rule, { title: item.title, due: item.due, planId: item.plan_id }),
          });
          sent.push({ subject_id: item.id, rule });
        }
      }
      total.notifications += await notifyAll(tx, batch);
      // Rules superseded by a more urgent one stay recorded as reached but not sent.
      if (sent.length)
        await tx.execute(sql`update ${reminderLog} l set sent = true
          from jsonb_to_recordset(${JSON.stringify(sent)}::jsonb) as x(subject_id uuid, rule text)
          where l.subject_type = 'action_item' and l.subject_id = x.subject_id and l.rule = x.rule`);
      return chunk;
    });
    if (!rows.length) break;
    total.items += rows.length;
    total.chunks += 1;
    after = rows.at(-1)!.id;
    await opts.afterChunk?.(total.chunks);
    if (rows.length < size) break;
  }
  return total;
}
