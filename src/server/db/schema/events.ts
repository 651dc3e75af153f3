import {
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  audienceTiers,
  checkInMethods,
  eventStatuses,
  eventTypes,
  eventVisibilities,
  participantTiers,
} from '../../../shared/contracts/events';
import { orgs } from './orgs';
import { users } from './users';
import { programmes } from './visits';

// A learning event (rapat koordinasi, bimtek, lokakarya, penandatanganan) organised by one body.
export const events = pgTable(
  'events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organiserOrgId: uuid('organiser_org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    type: text('type', { enum: eventTypes }).notNull(),
    audience: text('audience', { enum: audienceTiers }).notNull(),
    programmeId: uuid('programme_id').references(() => programmes.id, { onDelete: 'set null' }),
    place: text('place').notNull().default(''),
    onlineUrl: text('online_url'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    agenda: text('agenda').notNull().default(''),
    capacity: integer('capacity'),
    visibility: text('visibility', { enum: eventVisibilities }).notNull().default('private'),
    status: text('status', { enum: eventStatuses }).notNull().default('scheduled'),
    cancelReason: text('cancel_reason'),
    isSample: boolean('is_sample').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('events_starts_idx').on(t.startsAt), index('events_organiser_idx').on(t.organiserOrgId)],
);

export const eventInvitations = pgTable(
  'event_invitations',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    invitedAt: timestamp('invited_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.orgId] }), index('event_invitations_org_idx').on(t.orgId)],
);

// A person a body registered for an event, and their attendance (one check-in, never two).
export const eventParticipants = pgTable(
  'event_participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    position: text('position').notNull().default(''),
    tier: text('tier', { enum: participantTiers }).notNull(),
    email: text('email').notNull(),
    registeredBy: uuid('registered_by').references(() => users.id, { onDelete: 'set null' }),
    registeredAt: timestamp('registered_at', { withTimezone: true }).notNull().defaultNow(),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    checkInMethod: text('check_in_method', { enum: checkInMethods }),
    checkedInBy: uuid('checked_in_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('event_participants_event_idx').on(t.eventId, t.orgId),
    // The same person (by email) is registered once per event.
    uniqueIndex('event_participants_email_uq').on(t.eventId, t.email),
  ],
);
