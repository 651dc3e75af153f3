import { sql } from 'drizzle-orm';
import { addDays } from '../../../shared/calendar';
import type { TextKey } from '../../../shared/texts';
import { inBoth } from '../../../shared/texts';
import type { Db } from '../../db/client';
import { actionItems, reminderLog } from '../../db/schema';
import { type Notice, notifyAll } from '../notifications/notifications.service';
import type { Directory } from './reminders.audience';
import {
  audiences,
  firstReminderLead,
  type ReminderRule,
  reachedRules,
  rulesToSend,
} from './reminders.rules';

// The action-item reminders, set-based and in chunks: one transaction per chunk of open items
// (keyset on the item id, so no statement carries a list of ids) and three statements per chunk:
// read the items with the rules they already have on record; record every newly reached (item,
// rule) in reminder_log in one INSERT … SELECT with ON CONFLICT DO NOTHING on its primary key
// (subject, rule); insert all the chunk's notifications in one more. The rows travel as one JSON
// parameter each. A chunk's reminders and notifications commit together, so a run that dies
// between chunks leaves only whole chunks behind and a rerun skips exactly those: nothing is sent
// twice, nothing is lost.

export type ChunkOptions = {
  /** Open items per transaction. No statement carries more than 5 parameters whatever the size. */
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
  logged: ReminderRule[] | null;
};
type LogRow = { subject_id: string; rule: ReminderRule; sent: boolean };

export async function runItemReminders(db: Db, today: string, directory: Directory, opts: ChunkOptions = {}) {
  const size = opts.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const horizon = addDays(today, firstReminderLead);
  const total = { items: 0, reminders: 0, notifications: 0, chunks: 0 };
  let after: string | null = null;
  for (;;) {
    const rows: ChunkRow[] = await db.transaction(async (tx) => {
      // The chunk with the rules each item already has on record (an index lookup per item).
      const result = await tx.execute(sql`
        select c.id, c.org_id, c.plan_id, c.title, c.due_date::text as due, c.assignee_id,
          (select array_agg(l.rule) from ${reminderLog} l
           where l.subject_type = 'action_item' and l.subject_id = c.id) as logged
        from ${actionItems} c
        where c.status not in ('done', 'verified') and c.due_date <= ${horizon}::date
          ${after ? sql`and c.id > ${after}::uuid` : sql``}
        order by c.id limit ${size}`);
      const chunk = (result as unknown as { rows: ChunkRow[] }).rows;
      // What this run would record and send, from the pure rules.
      const planned = new Map<string, { item: ChunkRow; fresh: ReminderRule[]; send: ReminderRule[] }>();
      const log: LogRow[] = [];
      for (const item of chunk) {
        const fresh = reachedRules(item.due, today).filter((r) => !item.logged?.includes(r));
        if (!fresh.length) continue;
        const send = rulesToSend(fresh);
        planned.set(item.id, { item, fresh, send });
        for (const rule of fresh) log.push({ subject_id: item.id, rule, sent: send.includes(rule) });
      }
      if (!log.length) return chunk;
      // Recorded in key order, so two runs at once wait for each other instead of deadlocking;
      // the later one then finds the keys taken and sends nothing for them.
      const inserted = (
        (await tx.execute(sql`
          insert into ${reminderLog} (subject_type, subject_id, rule, run_date, sent)
          select 'action_item', x.subject_id, x.rule, ${today}::date, x.sent
          from json_to_recordset(${JSON.stringify(log)}::json) as x(subject_id uuid, rule text, sent boolean)
          order by x.subject_id, x.rule
          on conflict do nothing
          returning subject_id, rule`)) as unknown as { rows: { subject_id: string; rule: ReminderRule }[] }
      ).rows;
      const won = new Map<string, ReminderRule[]>();
      for (const r of inserted) {
        const list = won.get(r.subject_id);
        if (list) list.push(r.rule);
        else won.set(r.subject_id, [r.rule]);
      }
      const batch: { users: string[]; notice: Notice }[] = [];
      for (const [id, mine] of won) {
        const p = planned.get(id)!;
        total.reminders += mine.length;
        // Normally this run recorded all it planned; if another run recorded some first, only
        // what this one won is sent (its sent flags may then be off by that race, no notice is).
        const send = mine.length === p.fresh.length ? p.send : rulesToSend(mine);
        for (const rule of send)
          batch.push({
            users: directory.recipients(p.item.org_id, audiences[rule], p.item.assignee_id),
            notice: itemNotice(rule, { title: p.item.title, due: p.item.due, planId: p.item.plan_id }),
          });
      }
      total.notifications += await notifyAll(tx, batch);
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
