import { z } from 'zod';
import { emailSchema, pageQuerySchema, passwordSchema, roleSchema } from './common';

export const inviteBodySchema = z.object({
  email: emailSchema,
  role: roleSchema,
});

export const acceptInvitationBodySchema = z.object({
  token: z.string().min(20).max(200),
  name: z.string().trim().min(2).max(120),
  password: passwordSchema,
});

export const invitationTokenQuerySchema = z.object({ token: z.string().min(20).max(200) });

/** How a user wants notifications by email: at once, one daily digest, or none. */
export const notifyEmailModes = ['immediate', 'daily', 'off'] as const;
export const notifyEmailSchema = z.enum(notifyEmailModes);

/** What became of an email: kept in the outbox (no SMTP), sent, or failed. */
export const deliveryStatuses = ['stored', 'sent', 'failed'] as const;
export const deliveryStatusSchema = z.enum(deliveryStatuses);

export const orgUserSchema = z.object({
  membershipId: z.string(),
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: roleSchema,
  isActive: z.boolean(),
  lastLoginAt: z.string().nullable(),
  isSample: z.boolean(),
});

export const invitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: roleSchema,
  expiresAt: z.string(),
  createdAt: z.string(),
});

export const userListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  role: roleSchema.optional(),
  active: z.enum(['true', 'false']).optional(),
});

export const userUpdateBodySchema = z
  .object({
    name: z.string().trim().min(2).max(120).optional(),
    isActive: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Tidak ada perubahan / nothing to change' });

export const membershipCreateBodySchema = z.object({
  orgCode: z.string().min(2).max(40),
  role: roleSchema,
});

export const membershipRoleBodySchema = z.object({ role: roleSchema });

export const createUserBodySchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(2).max(120),
  password: passwordSchema,
});
