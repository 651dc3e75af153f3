import { sql } from 'drizzle-orm';
import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { questionSubjects, questionVisibilities } from '../../../shared/contracts/questions';
import { evidenceFiles } from './assessments';
import { orgs } from './orgs';
import { actionItems } from './plans';
import { practices } from './practices';
import { users } from './users';

// Mentoring questions (tanya pendamping) and their threaded answers.
export const questions = pgTable(
  'questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    askedBy: uuid('asked_by').references(() => users.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    body: text('body').notNull(),
    visibility: text('visibility', { enum: questionVisibilities }).notNull().default('public'),
    subject: text('subject', { enum: questionSubjects }).notNull(),
    frameworkId: text('framework_id'),
    indicator: integer('indicator'),
    practiceId: uuid('practice_id').references(() => practices.id, { onDelete: 'set null' }),
    planItemId: uuid('plan_item_id').references(() => actionItems.id, { onDelete: 'set null' }),
    /** One of its answers (no foreign key: an accepted answer can no longer be deleted). */
    acceptedAnswerId: uuid('accepted_answer_id'),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    answerCount: integer('answer_count').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('questions_org_idx').on(t.orgId, t.createdAt),
    index('questions_indicator_idx').on(t.frameworkId, t.indicator),
    index('questions_practice_idx').on(t.practiceId),
    // The knowledge base reads public questions with an accepted answer, newest first.
    index('questions_knowledge_idx')
      .on(t.acceptedAt)
      .where(sql`${t.visibility} = 'public' and ${t.acceptedAnswerId} is not null`),
  ],
);

export const questionAnswers = pgTable(
  'question_answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    questionId: uuid('question_id')
      .notNull()
      .references(() => questions.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    /** The body the author answered for: a host, a province, another body or the asker's own. */
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    editedAt: timestamp('edited_at', { withTimezone: true }),
  },
  (t) => [index('question_answers_question_idx').on(t.questionId, t.createdAt)],
);

/** Documents an answer carries, from the answering body's evidence locker. */
export const questionAnswerFiles = pgTable(
  'question_answer_files',
  {
    answerId: uuid('answer_id')
      .notNull()
      .references(() => questionAnswers.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => evidenceFiles.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.answerId, t.fileId] })],
);

/**
 * The hosts a question was put to: those with confirmed mentor access over the asking body when it
 * was asked. Each host's first response (by one of its mentors) is stamped here; the response-time
 * figures per host read only this table.
 */
export const questionHosts = pgTable(
  'question_hosts',
  {
    questionId: uuid('question_id')
      .notNull()
      .references(() => questions.id, { onDelete: 'cascade' }),
    hostOrgId: uuid('host_org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    askedAt: timestamp('asked_at', { withTimezone: true }).notNull(),
    firstResponseAt: timestamp('first_response_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.questionId, t.hostOrgId] }),
    index('question_hosts_host_idx').on(t.hostOrgId),
  ],
);
