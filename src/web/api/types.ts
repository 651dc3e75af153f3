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

export type { Framework } from '../../shared/framework/framework-schema';
export type {
  AssessmentDetail,
  AssessmentItem,
  AssessmentStatus,
  AssessmentSummary,
} from '../../shared/schemas/assessments';
export type {
  Calibration,
  Comparison,
  History,
  OfficialResult,
  Scenario,
} from '../../shared/schemas/results';
export type Evidence = {
  id: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  isSample: boolean;
  createdAt: string;
  uploadedBy: string | null;
  links: number;
};
export type FrameworkSummary = {
  id: string;
  name: { id: string; en: string };
  version: string;
  status: 'official' | 'provisional';
  source: string;
  indicatorCount: number;
};
export type { ActionItem, PlanSummary } from '../../shared/schemas/plans';
