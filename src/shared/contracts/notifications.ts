import { z } from 'zod';
import { data, paged, pageQuerySchema } from './common';

// In-app notifications, their email preference, and reminders' subjects.

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

export const notificationListSchema = paged(notificationSchema).extend({
  unread: z.number().int(),
});
export type NotificationList = z.infer<typeof notificationListSchema>;

export const markReadBodySchema = z.object({ ids: z.array(z.uuid()).max(500).optional() });
export const markedReplySchema = data(z.object({ marked: z.number().int() }));

export const preferencesSchema = z.object({ email: emailModeSchema });
export type Preferences = z.infer<typeof preferencesSchema>;
export const preferencesReplySchema = data(preferencesSchema);
