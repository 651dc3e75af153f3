import type { ItemStatus } from '../../../shared/schemas/plans';
import { type Actor, isPlatformAdmin } from '../../platform/auth/actor';
import { canEditAssessment, canReviewAssessment } from '../assessments/assessments.policy';
import { holdsRoleIn, type OrgRef } from '../orgs/orgs.policy';

export type PlanStatus = 'draft' | 'submitted' | 'approved';
export type PlanAction = 'submit' | 'approve' | 'return' | 'revise';

/** Operators and body admins maintain the plan's items (like the assessment). */
export const canEditPlan = canEditAssessment;

export function mayTransitionPlan(actor: Actor, org: OrgRef, action: PlanAction): boolean {
  switch (action) {
    case 'submit':
    case 'revise':
      return isPlatformAdmin(actor) || holdsRoleIn(actor, org, ['body_admin']);
    // The leader (kepala daerah / Sekda) approves, or sends it back.
    case 'approve':
    case 'return':
      return holdsRoleIn(actor, org, ['leader']);
  }
}

const transitions: Record<PlanAction, { from: PlanStatus; to: PlanStatus }> = {
  submit: { from: 'draft', to: 'submitted' },
  approve: { from: 'submitted', to: 'approved' },
  return: { from: 'submitted', to: 'draft' },
  revise: { from: 'approved', to: 'draft' },
};

export function planTransitionTarget(action: PlanAction, status: PlanStatus): PlanStatus | null {
  return transitions[action].from === status ? transitions[action].to : null;
}

/** Fields of an item that may change in each plan status. */
export const executionFields = ['status', 'progress', 'blockedReason', 'assigneeId'] as const;
export function editableItemFields(status: PlanStatus): 'all' | 'execution' | 'none' {
  return status === 'draft' ? 'all' : status === 'approved' ? 'execution' : 'none';
}

/** "Verified" is the reviewer's word that an item was really done (mentor or province). */
export function canSetItemStatus(actor: Actor, org: OrgRef, to: ItemStatus): boolean {
  if (to === 'verified') return canReviewAssessment(actor, org);
  return canEditPlan(actor, org);
}

export function planAbilities(actor: Actor, org: OrgRef, status: PlanStatus) {
  const can = (a: PlanAction) => mayTransitionPlan(actor, org, a) && planTransitionTarget(a, status) !== null;
  return {
    editItems: canEditPlan(actor, org) && status === 'draft',
    updateProgress: canEditPlan(actor, org) && status !== 'submitted',
    submit: can('submit'),
    approve: can('approve'),
    return: can('return'),
    revise: can('revise'),
    verify: canReviewAssessment(actor, org) && status === 'approved',
  };
}
