import { z } from 'zod';
import type { TextKey } from '../texts';

export const roles = [
  'platform_admin',
  'national_supervisor',
  'province_supervisor',
  'body_admin',
  'leader',
  'operator',
  'viewer',
  'mentor',
] as const;
export const roleSchema = z.enum(roles);

/** The longest search text a list takes (the search boxes stop there too). */
export const SEARCH_MAX_LENGTH = 100;
export type Role = z.infer<typeof roleSchema>;

/** Roles a body admin may give inside their own body (mentor only in a host body). */
export const bodyRoles = [
  'body_admin',
  'leader',
  'operator',
  'viewer',
  'mentor',
] as const satisfies readonly Role[];

export const orgTypes = ['province', 'regency', 'city', 'ministry', 'agency', 'ngo'] as const;
export const orgTypeSchema = z.enum(orgTypes);
export type OrgType = z.infer<typeof orgTypeSchema>;
/** Types that only platform admins add (provinces and kab/kota come from the Kemendagri reference). */
export const addableOrgTypes = ['ministry', 'agency', 'ngo'] as const;

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'EMAIL_INVALID' satisfies TextKey }));

// Length is what matters for passphrases (NIST 800-63B); no composition rules.
export const passwordSchema = z
  .string()
  .min(10, { message: 'PASSWORD_TOO_SHORT' satisfies TextKey })
  .max(200, { message: 'PASSWORD_TOO_LONG' satisfies TextKey });

export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});

export const paginationSchema = z.object({
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  pageCount: z.number().int(),
});
export type Pagination = z.infer<typeof paginationSchema>;

/** The envelope of every API reply: the record (or list) under `data`. */
export const data = <T extends z.ZodType>(schema: T) => z.object({ data: schema });

/** The reply of a create that answers only the new record's id. */
export const idReplySchema = data(z.object({ id: z.string() }));

/** One page of a list: its rows under `data` and where the page sits (extend for extra fields). */
export const paged = <T extends z.ZodType>(row: T) =>
  z.object({ data: z.array(row), pagination: paginationSchema });

export const okSchema = z.object({ ok: z.literal(true) });
