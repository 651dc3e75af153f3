import { z } from 'zod';
import type { TextKey } from '../texts';
import { membershipViewSchema } from './auth';
import {
  data,
  emailSchema,
  idReplySchema,
  paged,
  pageQuerySchema,
  passwordSchema,
  roleSchema,
} from './common';

// Users, their memberships in bodies, and invitations.

/** How a user wants notifications by email: at once, one daily digest, or none. */
export const notifyEmailModes = ['immediate', 'daily', 'off'] as const;
export const notifyEmailSchema = z.enum(notifyEmailModes);

/** What became of an email: kept in the outbox (no SMTP), sent, or failed. */
export const deliveryStatuses = ['stored', 'sent', 'failed'] as const;
export const deliveryStatusSchema = z.enum(deliveryStatuses);
export type DeliveryStatus = z.infer<typeof deliveryStatusSchema>;

const nameSchema = z.string().trim().min(2).max(120);
const tokenSchema = z.string().min(20).max(200);

// ---- A body's users (GET /orgs/:code/users) ----

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
export type OrgUser = z.infer<typeof orgUserSchema>;

/** What the actor may do with a body's users; `grantableRoles` are the roles it may give there. */
export const orgUsersAbilitiesSchema = z.object({
  manage: z.boolean(),
  grantableRoles: z.array(roleSchema),
});
export type OrgUsersAbilities = z.infer<typeof orgUsersAbilitiesSchema>;

export const orgUsersReplySchema = z.object({
  data: z.array(orgUserSchema),
  abilities: orgUsersAbilitiesSchema,
});
export type OrgUsersReply = z.infer<typeof orgUsersReplySchema>;

export const membershipRoleBodySchema = z.object({ role: roleSchema });

// ---- Invitations ----

export const inviteBodySchema = z.object({ email: emailSchema, role: roleSchema });
export type InviteBody = z.infer<typeof inviteBodySchema>;

export const invitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: roleSchema,
  expiresAt: z.string(),
  createdAt: z.string(),
});
export type Invitation = z.infer<typeof invitationSchema>;

export const invitationListSchema = data(z.array(invitationSchema));
export const invitationCreatedSchema = data(invitationSchema).extend({ delivery: deliveryStatusSchema });

export const invitationTokenQuerySchema = z.object({ token: tokenSchema });

/** What the invitee sees before accepting (the link's token is the authorisation). */
export const invitationLookupSchema = data(
  z.object({
    email: z.string(),
    role: roleSchema,
    org: z.object({ code: z.string(), name: z.string() }),
    existingAccount: z.boolean(),
  }),
);
export type InvitationLookup = z.infer<typeof invitationLookupSchema>['data'];

export const acceptInvitationBodySchema = z.object({
  token: tokenSchema,
  name: nameSchema,
  password: passwordSchema,
});
export const invitationAcceptedSchema = data(z.object({ email: z.string() }));

// ---- Platform user administration (GET /users …) ----

export const userListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  role: roleSchema.optional(),
  active: z.enum(['true', 'false']).optional(),
});
export type UserListQuery = z.infer<typeof userListQuerySchema>;

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  isActive: z.boolean(),
  isSample: z.boolean(),
  lastLoginAt: z.string().nullable(),
});
export type User = z.infer<typeof userSchema>;

export const userListSchema = paged(userSchema);
export type UserList = z.infer<typeof userListSchema>;

/** What the actor may do with one account (users.policy.ts answers it). */
export const userAbilitiesSchema = z.object({
  update: z.boolean(),
  /** False for one's own account: nobody disables themselves. */
  disable: z.boolean(),
  addMembership: z.boolean(),
  removeMembership: z.boolean(),
});
export type UserAbilities = z.infer<typeof userAbilitiesSchema>;

export const userDetailSchema = z.object({
  data: userSchema.extend({ memberships: z.array(membershipViewSchema) }),
  abilities: userAbilitiesSchema,
});
export type UserDetail = z.infer<typeof userDetailSchema>;

export const userUpdateBodySchema = z
  .object({
    name: nameSchema.optional(),
    isActive: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'USER_NOTHING_TO_CHANGE' satisfies TextKey });
export type UserUpdateBody = z.infer<typeof userUpdateBodySchema>;

export const membershipCreateBodySchema = z.object({
  orgCode: z.string().min(2).max(40),
  role: roleSchema,
});
export type MembershipCreateBody = z.infer<typeof membershipCreateBodySchema>;
export const membershipCreatedSchema = idReplySchema;

export const createUserBodySchema = z.object({
  email: emailSchema,
  name: nameSchema,
  password: passwordSchema,
});
