import { describe, expect, it } from 'vitest';
import { addDays, localDay as localDate } from '../../../shared/calendar';
import { nextRunAt, zonedTime } from '../../platform/scheduler';
import { reachedRules, rulesToSend } from './reminders.rules';

describe('reminder rules', () => {
  it('reaches each rule on its day', () => {
    expect(reachedRules('2026-12-10', '2026-12-02')).toEqual([]);
    expect(reachedRules('2026-12-10', '2026-12-03')).toEqual(['due_7']);
    expect(reachedRules('2026-12-10', '2026-12-09')).toEqual(['due_7', 'due_1']);
    expect(reachedRules('2026-12-10', '2026-12-10')).toEqual(['due_7', 'due_1']);
    expect(reachedRules('2026-12-10', '2026-12-11')).toEqual(['due_7', 'due_1', 'overdue']);
    expect(reachedRules('2026-12-10', '2026-12-24')).toEqual(['due_7', 'due_1', 'overdue']);
    expect(reachedRules('2026-12-10', '2026-12-25')).toEqual(['due_7', 'due_1', 'overdue', 'overdue_14']);
    expect(reachedRules('2026-12-10', '2027-01-10')).toHaveLength(5);
  });

  it('after downtime sends the assignee only the most urgent reminder, and every escalation', () => {
    expect(rulesToSend(['due_7'])).toEqual(['due_7']);
    expect(rulesToSend(['due_7', 'due_1', 'overdue'])).toEqual(['overdue']);
    expect(rulesToSend(['due_1', 'overdue', 'overdue_14', 'overdue_30'])).toEqual([
      'overdue',
      'overdue_14',
      'overdue_30',
    ]);
    expect(rulesToSend([])).toEqual([]);
  });

  it('works in calendar days of the configured zone', () => {
    // 23:30 UTC on the 27th is already the 28th in Jakarta (UTC+7).
    expect(localDate(new Date('2026-11-27T23:30:00Z'), 'Asia/Jakarta')).toBe('2026-11-28');
    expect(localDate(new Date('2026-11-27T23:30:00Z'), 'UTC')).toBe('2026-11-27');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(zonedTime('2026-11-28', 7, 0, 'Asia/Jakarta').toISOString()).toBe('2026-11-28T00:00:00.000Z');
    expect(zonedTime('2026-11-28', 7, 0, 'Asia/Jayapura').toISOString()).toBe('2026-11-27T22:00:00.000Z');
  });

  it('schedules the next daily run strictly after now', () => {
    expect(nextRunAt(new Date('2026-11-27T23:59:00Z'), '07:00', 'Asia/Jakarta').toISOString()).toBe(
      '2026-11-28T00:00:00.000Z',
    );
    expect(nextRunAt(new Date('2026-11-28T00:00:00Z'), '07:00', 'Asia/Jakarta').toISOString()).toBe(
      '2026-11-29T00:00:00.000Z',
    );
  });
});
