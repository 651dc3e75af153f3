import { sql } from 'drizzle-orm';
import type { ReminderSubjectType } from '../../../shared/contracts/notifications';
import type { Tx } from '../../db/client';
import { reminderLog } from '../../db/schema';

/**
 * Records that subjects reached rules (sent), each once, in one statement: returns the keys
 * (`subject|rule`) this call recorded; those another run (another instance, an earlier day)
 * already recorded are left out. Called in the transaction of the notifications it guards, so
 * "recorded" and "notified" never disagree. Keys go in in order, so two runs at once queue
 * instead of deadlocking.
 */
export async function claimReminders(
  tx: Tx,
  subjectType: ReminderSubjectType,
  claims: { subject_id: string; rule: string }[],
  today: string,
): Promise<Set<string>> {
  if (!claims.length) return new Set();
  const result = await tx.execute(sql`
    insert into ${reminderLog} (subject_type, subject_id, rule, run_date, sent)
    select ${subjectType}, x.subject_id, x.rule, ${today}::date, true
    from json_to_recordset(${JSON.stringify(claims)}::json) as x(subject_id uuid, rule text)
    order by x.subject_id, x.rule
    on conflict do nothing
    returning subject_id, rule`);
  const rows = (result as unknown as { rows: { subject_id: string; rule: string }[] }).rows;
  return new Set(rows.map((r) => `${r.subject_id}|${r.rule}`));
}
