import type { z } from 'zod';
import type { Pagination } from '../../shared/contracts/common';
import type { auditEventSchema } from '../../shared/schemas/audit';
import type { Me } from '../../shared/schemas/auth';
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

export type { Evidence } from '../../shared/contracts/evidence';
export type { ActionItem, PlanSummary } from '../../shared/contracts/plans';
export type { CommitmentText, Signature } from '../../shared/schemas/commitments';
export type { Programme, Visit } from '../../shared/schemas/visits';
