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
import { itemSources, itemStatuses, planStatuses } from '../../../shared/contracts/plans';
import { evidenceFiles } from './assessments';
import { orgs } from './orgs';
import { practices } from './practices';
import { users } from './users';

// One action plan (rencana tindak lanjut) per body and period; approved versions are kept.
export const actionPlans = pgTable(
  'action_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    period: text('period').notNull(),
    /**
     * The framework the plan's indicator targets are numbered in: the one new self-assessments of
     * the period's year use, recorded at creation (plans from before frameworks changed were all
     * SPBE 2020, hence the default for existing rows; new rows always name theirs).
     */
    frameworkId: text('framework_id').notNull().default('spbe-2020'),
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
