import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { evidenceFiles } from './assessments';
import { orgs } from './orgs';
import { practices } from './practices';
import { users } from './users';

// Programmes (cohorts) group bodies and study visits, e.g. "Living Lab 2022 — 62 kab/kota".
export const programmes = pgTable('programmes', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  year: integer('year'),
  /** Days a visited body has for its baseline assessment and an approved plan. */
  followUpDays: integer('follow_up_days').notNull().default(60),
  /** Path progress (percent of the gap to the host closed) that counts as following the host's path. */
  pathThresholdPercent: integer('path_threshold_percent').notNull().default(25),
  isSample: boolean('is_sample').notNull().default(false),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const programmeMembers = pgTable(
  'programme_members',
  {
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.programmeId, t.orgId] }), index('programme_members_org_idx').on(t.orgId)],
);

// A study visit (studi tiru) of a body to a host.
export const visits = pgTable(
  'visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id').references(() => programmes.id, { onDelete: 'set null' }),
    hostOrgId: uuid('host_org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    visitorOrgId: uuid('visitor_org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    indicators: jsonb('indicators').$type<number[]>().notNull().default([]),
    notes: text('notes').notNull().default(''),
    isSample: boolean('is_sample').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('visits_visitor_idx').on(t.visitorOrgId), index('visits_host_idx').on(t.hostOrgId)],
);

export const visitDelegates = pgTable(
  'visit_delegates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    visitId: uuid('visit_id')
      .notNull()
      .references(() => visits.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    position: text('position').notNull().default(''),
    role: text('role').notNull().default(''),
  },
  (t) => [index('visit_delegates_visit_idx').on(t.visitId)],
);

export const visitFiles = pgTable(
  'visit_files',
  {
    visitId: uuid('visit_id')
      .notNull()
      .references(() => visits.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => evidenceFiles.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.visitId, t.fileId] })],
);

// What a visit obliges the visiting body to do: a baseline assessment and an approved plan by the
// due date. Met when both exist; missed (and escalated) when the date passes first.
export const followUpObligations = pgTable(
  'follow_up_obligations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    visitId: uuid('visit_id')
      .notNull()
      .references(() => visits.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    dueDate: date('due_date').notNull(),
    status: text('status', { enum: ['open', 'met', 'missed'] })
      .notNull()
      .default('open'),
    settledAt: timestamp('settled_at', { withTimezone: true }),
  },
  (t) => [
    index('follow_up_obligations_org_idx').on(t.orgId),
    index('follow_up_obligations_due_idx').on(t.status, t.dueDate),
  ],
);

// Commitment texts (komitmen bersama), versioned; exactly one is current.
export const commitmentTexts = pgTable('commitment_texts', {
  id: uuid('id').primaryKey().defaultRandom(),
  version: integer('version').notNull().unique(),
  title: text('title').notNull(),
  textId: text('text_id').notNull(),
  textEn: text('text_en').notNull(),
  hash: text('hash').notNull(),
  isCurrent: boolean('is_current').notNull().default(false),
  publishedBy: uuid('published_by').references(() => users.id, { onDelete: 'set null' }),
  publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
});

// The platform's signing keys. Retired keys stay so old signatures remain verifiable.
export const signingKeys = pgTable('signing_keys', {
  id: text('id').primaryKey(),
  algorithm: text('algorithm').notNull().default('Ed25519'),
  publicKeyPem: text('public_key_pem').notNull(),
  privateKeyPem: text('private_key_pem'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  retiredAt: timestamp('retired_at', { withTimezone: true }),
});

export const commitmentSignatures = pgTable(
  'commitment_signatures',
  {
    id: uuid('id').primaryKey(),
    commitmentTextId: uuid('commitment_text_id')
      .notNull()
      .references(() => commitmentTexts.id),
    textVersion: integer('text_version').notNull(),
    textHash: text('text_hash').notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    orgCode: text('org_code').notNull(),
    orgName: text('org_name').notNull(),
    signerUserId: uuid('signer_user_id').notNull(),
    signerName: text('signer_name').notNull(),
    signerPosition: text('signer_position').notNull(),
    signedAt: text('signed_at').notNull(),
    keyId: text('key_id')
      .notNull()
      .references(() => signingKeys.id),
    signature: text('signature').notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedReason: text('revoked_reason'),
    revokedBy: uuid('revoked_by').references(() => users.id, { onDelete: 'set null' }),
    isSample: boolean('is_sample').notNull().default(false),
  },
  (t) => [index('commitment_signatures_org_idx').on(t.orgId)],
);

export const planStatuses = ['draft', 'submitted', 'approved'] as const;
export const itemStatuses = ['planned', 'in_progress', 'blocked', 'done', 'verified'] as const;
export const itemSources = ['gap', 'optimiser', 'visit', 'manual'] as const;

// One action plan (rencana tindak lanjut) per body and period; approved versions are kept.
export const actionPlans = pgTable(
  'action_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    period: text('period').notNull(),
    status: text('status', { enum: planStatuses }).notNull().default('draft'),
    /** The approved version number (0 before the first approval). */
    approvedVersion: integer('approved_version').notNull().default(0),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    approvedBy: uuid('approved_by').references(() => users.id, { onDelete: 'set null' }),
    isSample: boolean('is_sample').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('action_plans_org_period').on(t.orgId, t.period)],
);

export const actionPlanVersions = pgTable(
  'action_plan_versions',
  {
    planId: uuid('plan_id')
      .notNull()
      .references(() => actionPlans.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    items: jsonb('items').notNull(),
    approvedBy: uuid('approved_by').references(() => users.id, { onDelete: 'set null' }),
    approvedAt: timestamp('approved_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.version] })],
);

export const actionItems = pgTable(
  'action_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => actionPlans.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** Linked indicators and the level each should reach. */
    targets: jsonb('targets').$type<{ indicator: number; level: number }[]>().notNull().default([]),
    source: text('source', { enum: itemSources }).notNull().default('manual'),
    sourceRef: text('source_ref'),
    /** The practice (katalog) this item implements, when it replicates one. */
    practiceId: uuid('practice_id').references(() => practices.id, { onDelete: 'set null' }),
    ownerUnit: text('owner_unit').notNull().default(''),
    assigneeId: uuid('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    startDate: date('start_date'),
    dueDate: date('due_date'),
    status: text('status', { enum: itemStatuses }).notNull().default('planned'),
    blockedReason: text('blocked_reason'),
    progress: integer('progress').notNull().default(0),
    version: integer('version').notNull().default(1),
    doneAt: timestamp('done_at', { withTimezone: true }),
    isSample: boolean('is_sample').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('action_items_plan_idx').on(t.planId),
    index('action_items_org_status_idx').on(t.orgId, t.status),
    index('action_items_due_idx').on(t.status, t.dueDate),
    index('action_items_assignee_idx').on(t.assigneeId),
    index('action_items_practice_idx').on(t.practiceId),
  ],
);

export const actionItemHistory = pgTable(
  'action_item_history',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => actionItems.id, { onDelete: 'cascade' }),
    changes: jsonb('changes').$type<Record<string, { from: unknown; to: unknown }>>().notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('action_item_history_item_idx').on(t.itemId)],
);

export const actionItemComments = pgTable(
  'action_item_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => actionItems.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('action_item_comments_item_idx').on(t.itemId)],
);

export const actionItemEvidence = pgTable(
  'action_item_evidence',
  {
    itemId: uuid('item_id')
      .notNull()
      .references(() => actionItems.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => evidenceFiles.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.fileId] })],
);

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
    subjectType: text('subject_type', {
      enum: ['action_item', 'obligation', 'adoption', 'assistance'],
    }).notNull(),
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
