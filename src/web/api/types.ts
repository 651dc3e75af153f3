import type { z } from 'zod';
import type { auditEventSchema } from '../../shared/schemas/audit';
import type { Me } from '../../shared/schemas/auth';
import type { Pagination } from '../../shared/schemas/common';
import type { orgDetailSchema, orgListSchema } from '../../shared/schemas/orgs';
import type { invitationSchema, orgUserSchema } from '../../shared/schemas/users';

export type { Me, Pagination };
export type OrgList = z.infer<typeof orgListSchema>;
export type OrgDetail = z.infer<typeof orgDetailSchema>;
export type OrgUser = z.infer<typeof orgUserSchema>;
export type Invitation = z.infer<typeof invitationSchema>;
export type AuditEvent = z.infer<typeof auditEventSchema>;
export type Meta = {
  version: string;
  database: 'pglite' | 'postgres';
  sampleMode: boolean;
  sampleAccounts: { email: string; role: string; org: string }[];
  samplePassword: string | null;
};
