// Response types of the areas not yet on their contract; each area's own come from src/shared/contracts.
export type { Evidence } from '../../shared/contracts/evidence';
export type { ActionItem, PlanSummary } from '../../shared/contracts/plans';
