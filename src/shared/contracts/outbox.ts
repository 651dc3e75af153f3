import { z } from 'zod';
import { paged } from './common';

// The outbox: every email the platform sent or stored (read by platform admins without SMTP).
export const outboxStatuses = ['stored', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

export const outboxMessageSchema = z.object({
  id: z.string(),
  kind: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  status: z.enum(outboxStatuses),
  error: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;

export const outboxAbilitiesSchema = z.object({ read: z.boolean() });
export type OutboxAbilities = z.infer<typeof outboxAbilitiesSchema>;

export const outboxListSchema = paged(outboxMessageSchema).extend({
  smtp: z.boolean(),
});
export type OutboxList = z.infer<typeof outboxListSchema>;
