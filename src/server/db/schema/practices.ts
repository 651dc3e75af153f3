import {
  bigint,
  boolean,
  date,
  index,
  integer,
  json,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { type Agreement, adoptionStages } from '../../../shared/contracts/adoptions';
import { assistanceStatuses } from '../../../shared/contracts/assistance';
import { practiceStatuses, practiceTypes } from '../../../shared/contracts/practices';
import { evidenceFiles } from './assessments';
import { orgs } from './orgs';
import { users } from './users';

// A good practice a host publishes for others to copy (katalog praktik baik).
export const practices = pgTable(
  'practices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    hostOrgId: uuid('host_org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    problem: text('problem').notNull().default(''),
    type: text('type', { enum: practiceTypes }).notNull(),
    frameworkId: text('framework_id').notNull().default('spbe-2020'),
    /** The indicators it lifts and the level the host reached with it. */
    indicators: jsonb('indicators').$type<{ indicator: number; level: number }[]>().notNull().default([]),
    sourceCode: jsonb('source_code').$type<{ repoUrl: string; license: string; stack: string } | null>(),
    prerequisites: text('prerequisites').notNull().default(''),
    effort: text('effort').notNull().default(''),
    durationWeeks: integer('duration_weeks'),
    contactUserIds: jsonb('contact_user_ids').$type<string[]>().notNull().default([]),
    status: text('status', { enum: practiceStatuses }).notNull().default('draft'),
    version: integer('version').notNull().default(1),
    isSample: boolean('is_sample').notNull().default(false),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('practices_host_idx').on(t.hostOrgId), index('practices_status_idx').on(t.status)],
);

export const practiceFiles = pgTable(
  'practice_files',
  {
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => evidenceFiles.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.practiceId, t.fileId] })],
);

export const practiceHistory = pgTable(
  'practice_history',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    changes: jsonb('changes').$type<Record<string, { from: unknown; to: unknown }>>().notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('practice_history_practice_idx').on(t.practiceId)],
);

// A body replicating a practice (replikasi): one row per body and practice.
export const adoptions = pgTable(
  'adoptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    /** Denormalised from the practice: the host's followers are read by this column. */
    hostOrgId: uuid('host_org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    stage: text('stage', { enum: adoptionStages }).notNull().default('interested'),
    agreement: jsonb('agreement').$type<Agreement | null>(),
    /** Copied out of `agreement` so the reminders job finds expiring MoUs by index. */
    agreementExpiresOn: date('agreement_expires_on'),
    liveUrl: text('live_url'),
    liveFileId: uuid('live_file_id').references(() => evidenceFiles.id, { onDelete: 'set null' }),
    measured: jsonb('measured').$type<{ indicator: number; before: number; after: number }[] | null>(),
    droppedReason: text('dropped_reason'),
    isSample: boolean('is_sample').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('adoptions_practice_org').on(t.practiceId, t.orgId),
    index('adoptions_org_idx').on(t.orgId),
    index('adoptions_host_idx').on(t.hostOrgId, t.stage),
    index('adoptions_expiry_idx').on(t.agreementExpiresOn),
  ],
);

// Every stage change of an adoption: dated, attributed, with what the move recorded.
export const adoptionTransitions = pgTable(
  'adoption_transitions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    adoptionId: uuid('adoption_id')
      .notNull()
      .references(() => adoptions.id, { onDelete: 'cascade' }),
    fromStage: text('from_stage', { enum: adoptionStages }),
    toStage: text('to_stage', { enum: adoptionStages }).notNull(),
    note: text('note').notNull().default(''),
    details: jsonb('details').$type<Record<string, unknown> | null>(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('adoption_transitions_adoption_idx').on(t.adoptionId)],
);

// A body asking a host for technical assistance (pendampingan teknis).
export const assistanceRequests = pgTable(
  'assistance_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    hostOrgId: uuid('host_org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    practiceId: uuid('practice_id').references(() => practices.id, { onDelete: 'set null' }),
    adoptionId: uuid('adoption_id').references(() => adoptions.id, { onDelete: 'set null' }),
    topic: text('topic').notNull(),
    description: text('description').notNull().default(''),
    status: text('status', { enum: assistanceStatuses }).notNull().default('open'),
    assignedMentorId: uuid('assigned_mentor_id').references(() => users.id, { onDelete: 'set null' }),
    response: text('response').notNull().default(''),
    isSample: boolean('is_sample').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    firstResponseAt: timestamp('first_response_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [
    index('assistance_requests_org_idx').on(t.orgId),
    index('assistance_requests_host_idx').on(t.hostOrgId, t.status),
  ],
);

// Per-body follow-up facts, rewritten in the same transaction as the events they summarise
// (visits, signatures, submissions, approvals, finished items, adoptions, results), so the
// national follow-up figures read one row per body instead of recomputing from 150,000 items.
export const followupFacts = pgTable('followup_facts', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => orgs.id, { onDelete: 'cascade' }),
  /** Shape version of `facts`: a start-up with a newer shape rebuilds every row. */
  shape: integer('shape').notNull(),
  facts: jsonb('facts').notNull(),
  /**
   * What the pure rules concluded from these facts (dates only); null: the body never joined.
   * Plain json, not jsonb: a national answer reads every row, and json goes out as stored while
   * jsonb is rewritten to text on every read.
   */
  summary: json('summary'),
  /** The reasons behind those dates, read only where bodies are listed. */
  reasons: jsonb('reasons'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
