import { sql } from 'drizzle-orm';
import { boolean, date, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { reminderSubjectTypes } from '../../../shared/contracts/notifications';
import { users } from './users';

// In-app notifications; email copies go through the outbox.
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    titleId: text('title_id').notNull(),
    titleEn: text('title_en').notNull(),
    link: text('link').notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('notifications_user_idx').on(t.userId, sql`${t.createdAt} desc`)],
);

// Every reminder that was sent, once: the unique key is what makes "exactly once" hold across
// app instances, restarts and catch-up runs.
export const reminderLog = pgTable(
  'reminder_log',
  {
    subjectType: text('subject_type', { enum: reminderSubjectTypes }).notNull(),
    subjectId: uuid('subject_id').notNull(),
    rule: text('rule').notNull(),
    runDate: date('run_date').notNull(),
    sent: boolean('sent').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.subjectType, t.subjectId, t.rule] })],
);

// One row per scheduled job and local day: the instance that inserts it runs the job.
export const jobRuns = pgTable(
  'job_runs',
  {
    job: text('job').notNull(),
    runDate: date('run_date').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    summary: jsonb('summary'),
  },
  (t) => [primaryKey({ columns: [t.job, t.runDate] })],
);
