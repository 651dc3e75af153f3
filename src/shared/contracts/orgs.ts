import { z } from 'zod';
import { addableOrgTypes, orgTypeSchema, pageQuerySchema, paginationSchema } from './common';

export const orgCodeSchema = z
  .string()
  .trim()
  .regex(/^[0-9]{2}(\.[0-9]{2})?$|^[A-Z][A-Z0-9-]{1,39}$/, {
    message: 'Kode: 32 / 32.11 (Kemendagri) atau huruf besar, angka, tanda hubung / e.g. KEMENDAGRI',
  });

export const orgParamsSchema = z.object({ code: orgCodeSchema });

export const orgSortSchema = z.enum(['code', 'name', 'type']);

export const orgListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
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
  shareLevels: z.boolean(),
  isSample: z.boolean(),
});
export type Org = z.infer<typeof orgSchema>;

export const orgAbilitiesSchema = z.object({
  readPrivate: z.boolean(),
  manageUsers: z.boolean(),
  update: z.boolean(),
  changeSharing: z.boolean(),
});

export const orgDetailSchema = z.object({
  data: orgSchema.extend({
    supervisedBy: z.array(z.object({ code: z.string(), name: z.string() })),
    mentoredBy: z.array(z.object({ code: z.string(), name: z.string() })),
    userCount: z.number().int().nullable(),
  }),
  abilities: orgAbilitiesSchema,
});

export const orgListSchema = z.object({
  data: z.array(orgSchema),
  pagination: paginationSchema,
  abilities: z.object({ create: z.boolean() }),
});

export const orgCreateBodySchema = z.object({
  code: orgCodeSchema,
  name: z.string().trim().min(3).max(200),
  type: z.enum(addableOrgTypes),
  isMember: z.boolean().default(false),
  memberSince: z.iso.date().nullable().optional(),
  isHost: z.boolean().default(false),
});

export const orgUpdateBodySchema = z
  .object({
    name: z.string().trim().min(3).max(200).optional(),
    isMember: z.boolean().optional(),
    memberSince: z.iso.date().nullable().optional(),
    isHost: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Tidak ada perubahan / nothing to change' });
