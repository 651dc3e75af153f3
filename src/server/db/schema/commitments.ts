import { boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgs } from './orgs';
import { users } from './users';

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
