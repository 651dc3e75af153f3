import type { ReminderSubjectType } from '../../../shared/contracts/notifications';
import type { Tx } from '../../db/client';
import { reminderLog } from '../../db/schema';

/**
 * Records that a subject reached a rule (sent), once: true for the run whose insert wins, false
 * when any run (another instance, an earlier day) already recorded it. Called in the transaction
 * of the notifications it guards, so "recorded" and "notified" never disagree.
 */
export async function claimReminder(
  tx: Tx,
  subjectType: ReminderSubjectType,
  subjectId: string,
  rule: string,
  today: string,
): Promise<boolean> {
  const [row] = await tx
    .insert(reminderLog)
    .values({ subjectType, subjectId, rule, runDate: today, sent: true })
    .onConflictDoNothing()
    .returning();
  return !!row;
}
