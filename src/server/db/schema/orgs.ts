import { sql } from 'drizzle-orm';
import { boolean, date, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgTypes } from '../../../shared/contracts/common';
import { mentorAccessStatuses } from '../../../shared/contracts/visits';

// A government body (or NGO) in the directory. Provinces and kabupaten/kota come from the
// Kemendagri reference (idn-area-data); central bodies and NGOs are added by platform admins.
export const orgs = pgTable(
  'orgs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    type: text('type', { enum: orgTypes }).notNull(),
    provinceCode: text('province_code'),
    isReference: boolean('is_reference').notNull().default(false),
    isMember: boolean('is_member').notNull().default(false),
    memberSince: date('member_since'),
    isHost: boolean('is_host').notNull().default(false),
    /**
     * Evaluated separately in the national SPBE evaluation. False for DKI Jakarta's administrative
     * cities and regency (part of the province, not autonomous) and the platform's own
     * secretariat: they stay listed but count in no denominator of national or province figures.
     */
    evaluated: boolean('evaluated').notNull().default(true),
    /** The body lets peers see its indicator levels (off: only aggregates). */
    shareLevels: boolean('share_levels').notNull().default(false),
    // Marks records (or membership facts) created by the sample-data loader: shown as "data contoh".
    isSample: boolean('is_sample').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('orgs_province_idx').on(t.provinceCode),
    index('orgs_type_idx').on(t.type),
    index('orgs_name_lower_idx').on(sql`lower(${t.name})`),
  ],
);

// Which host body mentors which body, created by study visits. Only `active` rows give the host's
// mentors their scope over the body: a visit recorded by the host's own people asks the visiting
// body for that access (`pending`) until its admin or leader, or a supervisor over it, confirms;
// `declined` keeps the answer (and what the host sees) until a later visit asks again.
// The default is `active` so that rows made before this rule (and the sample data) keep their
// access when the column is added; every visit sets the status explicitly.
export const mentorships = pgTable(
  'mentorships',
  {
    hostOrgId: uuid('host_org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    menteeOrgId: uuid('mentee_org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    status: text('status', { enum: mentorAccessStatuses }).notNull().default('active'),
    /** When the visiting body (or a supervisor) last confirmed or declined; null while pending. */
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    isSample: boolean('is_sample').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.hostOrgId, t.menteeOrgId] }),
    index('mentorships_mentee_idx').on(t.menteeOrgId),
  ],
);
