import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { type AssessmentStatus, assessmentStatuses } from '../../../shared/contracts/assessments';
import { orgs } from './orgs';
import { users } from './users';

// One self-assessment (penilaian mandiri) per body, year and framework. The framework version
// is recorded so a result can always be re-scored against the exact model it was made with.
export const assessments = pgTable(
  'assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    frameworkId: text('framework_id').notNull(),
    frameworkVersion: text('framework_version').notNull(),
    status: text('status', { enum: assessmentStatuses }).notNull().default('draft'),
    /** Increases on every submission; the reviewer compares a round with the one before. */
    round: integer('round').notNull().default(0),
    isSample: boolean('is_sample').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('assessments_org_year_framework').on(t.orgId, t.year, t.frameworkId)],
);

// The current answer per indicator. `version` is the optimistic-concurrency token: a save names
// the version it started from and is refused (409) when someone saved in between.
export const assessmentItems = pgTable(
  'assessment_items',
  {
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    indicator: integer('indicator').notNull(),
    level: integer('level'),
    justification: text('justification').notNull().default(''),
    /** SPBE 2020 indicators 45–47: the sectoral service the body chose. */
    serviceName: text('service_name'),
    version: integer('version').notNull().default(0),
    /** While returned, only reopened indicators can change. */
    reopened: boolean('reopened').notNull().default(false),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.indicator] })],
);

// Every saved change of an indicator, for its visible history.
export const assessmentItemHistory = pgTable(
  'assessment_item_history',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    indicator: integer('indicator').notNull(),
    level: integer('level'),
    previousLevel: integer('previous_level'),
    justification: text('justification').notNull().default(''),
    version: integer('version').notNull(),
    round: integer('round').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('assessment_item_history_idx').on(t.assessmentId, t.indicator)],
);

// Levels as they were at each submission (round), so a resubmission shows what changed.
export const assessmentSubmissions = pgTable(
  'assessment_submissions',
  {
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    round: integer('round').notNull(),
    levels: jsonb('levels').$type<Record<string, number>>().notNull(),
    index: doublePrecision('index'),
    submittedBy: uuid('submitted_by').references(() => users.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.round] })],
);

// Workflow transitions (draft → submitted → in review → returned/accepted …).
export const assessmentTransitions = pgTable(
  'assessment_transitions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    // Written only by the workflow (assessments.policy.ts), so always one of the statuses.
    fromStatus: text('from_status').$type<AssessmentStatus>().notNull(),
    toStatus: text('to_status').$type<AssessmentStatus>().notNull(),
    note: text('note').notNull().default(''),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('assessment_transitions_idx').on(t.assessmentId)],
);

// Reviewer (and reply) comments on a specific indicator.
export const assessmentComments = pgTable(
  'assessment_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    indicator: integer('indicator').notNull(),
    body: text('body').notNull(),
    round: integer('round').notNull(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('assessment_comments_idx').on(t.assessmentId, t.indicator)],
);

// Evidence locker: a file belongs to a body and is stored once per body (sha256).
export const evidenceFiles = pgTable(
  'evidence_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    sha256: text('sha256').notNull(),
    name: text('name').notNull(),
    mime: text('mime').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    storageKey: text('storage_key').notNull(),
    isSample: boolean('is_sample').notNull().default(false),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('evidence_files_org_sha').on(t.orgId, t.sha256)],
);

// A file linked to an indicator of an assessment (so the same file serves several years).
export const evidenceLinks = pgTable(
  'evidence_links',
  {
    fileId: uuid('file_id')
      .notNull()
      .references(() => evidenceFiles.id, { onDelete: 'cascade' }),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    indicator: integer('indicator').notNull(),
    linkedBy: uuid('linked_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.fileId, t.assessmentId, t.indicator] }),
    index('evidence_links_assessment_idx').on(t.assessmentId, t.indicator),
  ],
);

// Official results (KepMenPANRB) per body and year: total only, with domain values, or with all
// levels. A null org is the national average. Reference records carry their published source.
export const officialResults = pgTable(
  'official_results',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id').references(() => orgs.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    frameworkId: text('framework_id').notNull(),
    index: doublePrecision('index').notNull(),
    predicate: text('predicate').notNull(),
    domains: jsonb('domains').$type<Record<string, number>>(),
    levels: jsonb('levels').$type<Record<string, number>>(),
    bodyCount: integer('body_count'),
    source: text('source').notNull().default(''),
    isReference: boolean('is_reference').notNull().default(false),
    isSample: boolean('is_sample').notNull().default(false),
    enteredBy: uuid('entered_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('official_results_org_year_framework').on(t.orgId, t.year, t.frameworkId).nullsNotDistinct(),
    index('official_results_year_idx').on(t.frameworkId, t.year),
  ],
);

// Named simulator scenarios a user saved for a body.
export const scenarios = pgTable(
  'scenarios',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    frameworkId: text('framework_id').notNull(),
    name: text('name').notNull(),
    levels: jsonb('levels').$type<Record<string, number>>().notNull(),
    target: text('target'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('scenarios_org_idx').on(t.orgId, sql`${t.createdAt} desc`)],
);

// Frameworks loaded by platform admins from JSON (the shipped ones live in code as data). Every
// version is kept: a self-assessment is always re-scored against the version it recorded. A new
// version of an id already known is a correction: it serves new work from then on.
export const frameworkDefinitions = pgTable(
  'framework_definitions',
  {
    id: text('id').notNull(),
    version: text('version').notNull(),
    /**
     * A correction of a shipped framework names the shipped version it corrects: it takes precedence
     * only while that version is the one shipped, so a later release's own fix is not hidden by it.
     */
    correctsVersion: text('corrects_version'),
    definition: jsonb('definition').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.id, t.version] })],
);
