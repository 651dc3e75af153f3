import { z } from 'zod';
import { pageQuerySchema, paginationSchema } from './common';

// In-app notifications, their email preference, reminders' subjects, and the admins' outbox.

/** How a user wants notifications by email: at once, one daily digest, or not at all. */
export const emailModes = ['immediate', 'daily', 'off'] as const;
export const emailModeSchema = z.enum(emailModes);
export type EmailMode = z.infer<typeof emailModeSchema>;

/** What a reminder is about (reminder_log's subject). */
export const reminderSubjectTypes = ['action_item', 'obligation', 'adoption', 'assistance'] as const;
export type ReminderSubjectType = (typeof reminderSubjectTypes)[number];

export const notificationListQuerySchema = pageQuerySchema.extend({
  unread: z.enum(['true', 'false']).optional(),
});
export type NotificationListQuery = z.infer<typeof notificationListQuerySchema>;

export const notificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  link: z.string(),
  read: z.boolean(),
  createdAt: z.string(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationListSchema = z.object({
  data: z.array(notificationSchema),
  pagination: paginationSchema,
  unread: z.number().int(),
});
export type NotificationList = z.infer<typeof notificationListSchema>;

export const markReadBodySchema = z.object({ ids: z.array(z.uuid()).max(500).optional() });
export const markedReplySchema = z.object({ data: z.object({ marked: z.number().int() }) });

export const preferencesSchema = z.object({ email: emailModeSchema });
export type Preferences = z.infer<typeof preferencesSchema>;
export const preferencesReplySchema = z.object({ data: preferencesSchema });

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

export const outboxListSchema = z.object({
  data: z.array(outboxMessageSchema),
  pagination: paginationSchema,
  smtp: z.boolean(),
});
export type OutboxList = z.infer<typeof outboxListSchema>;
