import { z } from 'zod';
import type { TextKey } from '../texts';
import { addableOrgTypes, data, orgTypeSchema, paged, pageQuerySchema, SEARCH_MAX_LENGTH } from './common';

export const orgCodeSchema = z
  .string()
  .trim()
  .regex(/^[0-9]{2}(\.[0-9]{2})?$|^[A-Z][A-Z0-9-]{1,39}$/, { message: 'ORG_CODE_FORMAT' satisfies TextKey });

export const orgParamsSchema = z.object({ code: orgCodeSchema });

export const orgSortSchema = z.enum(['code', 'name', 'type']);

export const orgListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(SEARCH_MAX_LENGTH).optional(),
  type: orgTypeSchema.optional(),
  province: z
    .string()
    .regex(/^[0-9]{2}$/)
    .optional(),
  member: z.enum(['true', 'false']).optional(),
  sort: orgSortSchema.default('code'),
  dir: z.enum(['asc', 'desc']).default('asc'),
});
export type OrgListQuery = z.infer<typeof orgListQuerySchema>;

export const orgSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  type: orgTypeSchema,
  provinceCode: z.string().nullable(),
  provinceName: z.string().nullable(),
  isReference: z.boolean(),
  isMember: z.boolean(),
  memberSince: z.string().nullable(),
  isHost: z.boolean(),
  /** Evaluated separately in the SPBE evaluation (false: DKI Jakarta's administrative areas). */
  evaluated: z.boolean(),
  shareLevels: z.boolean(),
  isSample: z.boolean(),
});
export type Org = z.infer<typeof orgSchema>;

/** What the actor may do with one body (orgs.policy.ts answers it). */
export const orgAbilitiesSchema = z.object({
  readPrivate: z.boolean(),
  manageUsers: z.boolean(),
  update: z.boolean(),
  delete: z.boolean(),
  changeSharing: z.boolean(),
  /** Confirm or decline the mentor access hosts' visits ask for over this body. */
  decideMentorAccess: z.boolean(),
  /** Download the body's one-page leader report (GET /orgs/{code}/report.pdf). */
  downloadReport: z.boolean(),
});
export type OrgAbilities = z.infer<typeof orgAbilitiesSchema>;

/** What the actor may do with the directory as a whole. */
export const orgDirectoryAbilitiesSchema = z.object({ create: z.boolean() });
export type OrgDirectoryAbilities = z.infer<typeof orgDirectoryAbilitiesSchema>;

const orgRefSchema = z.object({ code: z.string(), name: z.string() });

export const orgDetailSchema = z.object({
  data: orgSchema.extend({
    supervisedBy: z.array(orgRefSchema),
    mentoredBy: z.array(orgRefSchema),
    userCount: z.number().int().nullable(),
  }),
  abilities: orgAbilitiesSchema,
});

export const orgListSchema = paged(orgSchema).extend({
  abilities: orgDirectoryAbilitiesSchema,
});
export type OrgList = z.infer<typeof orgListSchema>;
export type OrgDetail = z.infer<typeof orgDetailSchema>;

export const orgReplySchema = data(orgSchema);

export const orgExportQuerySchema = orgListQuerySchema.omit({ page: true, pageSize: true });

export const orgCreateBodySchema = z.object({
  code: orgCodeSchema,
  name: z.string().trim().min(3).max(200),
  type: z.enum(addableOrgTypes),
  isMember: z.boolean().default(false),
  memberSince: z.iso.date().nullable().optional(),
  isHost: z.boolean().default(false),
});

export type OrgCreateBody = z.infer<typeof orgCreateBodySchema>;

export const orgUpdateBodySchema = z
  .object({
    name: z.string().trim().min(3).max(200).optional(),
    isMember: z.boolean().optional(),
    memberSince: z.iso.date().nullable().optional(),
    isHost: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'ORG_NOTHING_TO_CHANGE' satisfies TextKey });
export type OrgUpdateBody = z.infer<typeof orgUpdateBodySchema>;
