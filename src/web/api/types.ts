// Response types of the areas not yet on their contract; each area's own come from src/shared/contracts.
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
export type { CommitmentText, Signature } from '../../shared/schemas/commitments';
export type { ActionItem, PlanSummary } from '../../shared/schemas/plans';
export type { Programme, Visit } from '../../shared/schemas/visits';
