import { daysBetween } from '../../../shared/calendar';
// Which reminders an action item has reached on a given day. Pure: dates are calendar dates
// (YYYY-MM-DD) in the configured time zone, so "due in 1 day" means the same to everyone there.

export type ReminderRule = 'due_7' | 'due_1' | 'overdue' | 'overdue_14' | 'overdue_30';
export type Audience = 'assignee' | 'body_admin' | 'leader' | 'province_supervisor' | 'host_mentor';

/** Days from the due date at which each rule fires (negative: before the due date). */
const ruleOffsets: Record<ReminderRule, number> = {
  due_7: -7,
  due_1: -1,
  overdue: 1,
  overdue_14: 15,
  overdue_30: 31,
};

export const audiences: Record<ReminderRule | 'obligation_missed', Audience[]> = {
  due_7: ['assignee'],
  due_1: ['assignee'],
  overdue: ['assignee', 'body_admin'],
  overdue_14: ['leader'],
  overdue_30: ['province_supervisor', 'host_mentor'],
  obligation_missed: ['province_supervisor', 'host_mentor'],
};

/** Every rule whose day has come (in order), for an item that is still open. */
export function reachedRules(dueDate: string, today: string): ReminderRule[] {
  const late = daysBetween(dueDate, today);
  return (Object.keys(ruleOffsets) as ReminderRule[]).filter((r) => late >= ruleOffsets[r]);
}

/** How many days before its due date an item can first reach a rule (7: "due in 7 days"). */
export const firstReminderLead = -Math.min(...Object.values(ruleOffsets));

/**
 * Of the rules newly recorded as reached today, which to actually send. After downtime several
 * may arrive together: the assignee gets only the most urgent of their reminders (an overdue
 * notice makes "due in 7 days" pointless), while each escalation goes to its own audience once.
 */
export function rulesToSend(newlyReached: ReminderRule[]): ReminderRule[] {
  const assigneeRules: ReminderRule[] = ['due_7', 'due_1', 'overdue'];
  const mostUrgent = [...assigneeRules].reverse().find((r) => newlyReached.includes(r));
  return newlyReached.filter((r) => !assigneeRules.includes(r) || r === mostUrgent);
}
