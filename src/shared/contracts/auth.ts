import { z } from 'zod';
import type { Locale } from '../errors';
import { data, emailSchema, passwordSchema, roleSchema } from './common';

export const loginBodySchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(200),
});
export type LoginBody = z.infer<typeof loginBodySchema>;

export const changePasswordBodySchema = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: passwordSchema,
});

export const forgotPasswordBodySchema = z.object({ email: emailSchema });

export const resetPasswordBodySchema = z.object({
  token: z.string().min(20).max(200),
  newPassword: passwordSchema,
});

/** The two languages of the platform (Bahasa Indonesia first). */
export const locales = ['id', 'en'] as const satisfies readonly Locale[];
export const localeSchema = z.enum(locales);

export const membershipViewSchema = z.object({
  id: z.string(),
  role: roleSchema,
  org: z.object({ id: z.string(), code: z.string(), name: z.string(), type: z.string() }),
});
export type MembershipView = z.infer<typeof membershipViewSchema>;

/** What the signed-in account may do across the platform (auth.policy.ts answers it). */
export const accountAbilitiesSchema = z.object({
  manageOrgs: z.boolean(),
  manageUsers: z.boolean(),
  readAudit: z.boolean(),
  readOutbox: z.boolean(),
  manageOfficialResults: z.boolean(),
  loadFrameworks: z.boolean(),
  publishCommitments: z.boolean(),
  /** Sees at least one follow-up scope (national, a province, or a host it mentors). */
  readFollowup: z.boolean(),
});
export type AccountAbilities = z.infer<typeof accountAbilitiesSchema>;

export const meSchema = z.object({
  user: z.object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    locale: localeSchema,
    isSample: z.boolean(),
  }),
  memberships: z.array(membershipViewSchema),
  csrfToken: z.string(),
  abilities: accountAbilitiesSchema,
});
export type Me = z.infer<typeof meSchema>;
export const meReplySchema = data(meSchema);

export const updateProfileBodySchema = z.object({
  name: z.string().trim().min(2).max(120).optional(),
  locale: localeSchema.optional(),
});
export type UpdateProfileBody = z.infer<typeof updateProfileBodySchema>;
