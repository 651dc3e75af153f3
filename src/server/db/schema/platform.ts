import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { deliveryStatuses } from '../../../shared/contracts/users';

// Append-only, hash-chained audit trail. Writers insert events without any shared lock: `seq`
// comes from an identity sequence (insert order; a rolled-back write leaves a gap, which is fine
// because nothing relies on it being gapless). The chainer (platform/audit-chain.ts) then links
// committed events in one order: it assigns the gapless `chain_seq`, `prev_hash`, `hash` and
// `hash_version` once, under its own advisory lock. Until then those four are null ("not yet
// chained", about a second). Version 1 hashes are plain sha256 (events from before the platform
// key), version 2 are HMAC-SHA256 with the key (audit-hash.ts).
//
// Hand-written part of the migration (after drizzle-kit's statements; existing chains keep
// verifying because their positions and hashes are kept as version 1):
//   UPDATE audit_events SET chain_seq = seq, hash_version = 1;
//   SELECT setval(pg_get_serial_sequence('audit_events', 'seq'),
//                 (SELECT coalesce(max(seq), 0) + 1 FROM audit_events), false);
export const auditEvents = pgTable(
  'audit_events',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    actorEmail: text('actor_email'),
    orgId: uuid('org_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    summary: jsonb('summary').notNull(),
    requestId: text('request_id'),
    ip: text('ip'),
    chainSeq: bigint('chain_seq', { mode: 'number' }),
    prevHash: text('prev_hash'),
    hash: text('hash'),
    hashVersion: smallint('hash_version'),
  },
  (t) => [
    index('audit_events_org_idx').on(t.orgId, t.seq),
    index('audit_events_actor_idx').on(t.actorId),
    index('audit_events_action_idx').on(t.action),
    uniqueIndex('audit_events_chain_seq_idx').on(t.chainSeq),
    // The chainer's work list: small, because events are chained within about a second.
    index('audit_events_unchained_idx').on(t.seq).where(sql`chain_seq is null`),
  ],
);

// Every email the platform produces. Without SMTP_URL it stays here ("stored") for admins to read.
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    status: text('status', { enum: deliveryStatuses }).notNull(),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('outbox_created_idx').on(t.createdAt)],
);
