import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { obligationStatuses } from '../../../shared/contracts/visits';
import { evidenceFiles } from './assessments';
import { orgs } from './orgs';
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
    /** The framework the studied indicators are numbered in: the one in use in the visit's year. */
    frameworkId: text('framework_id').notNull().default('spbe-2020'),
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
    status: text('status', { enum: obligationStatuses }).notNull().default('open'),
    settledAt: timestamp('settled_at', { withTimezone: true }),
  },
  (t) => [
    index('follow_up_obligations_org_idx').on(t.orgId),
    index('follow_up_obligations_due_idx').on(t.status, t.dueDate),
  ],
);
