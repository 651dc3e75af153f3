import type { ItemStatus, PlanAction, PlanStatus } from '../../../shared/contracts/plans';
import { type Actor, isPlatformAdmin } from '../../platform/auth/actor';
import { definePolicy } from '../../platform/auth/policy';
import { canEditAssessment, canReviewAssessment } from '../assessments/assessments.policy';
import { holdsRoleIn, type OrgRef } from '../orgs/orgs.policy';

// Pure rules for action plans. Scope (may the actor see the body at all) is inOrgScope, checked
// when the plan is loaded; these decide what an actor in scope may do. The services ask `can`,
// the API sends `abilities` with each plan and item, and the web shows controls from them.

export type PlanSubject = { org: OrgRef; status: PlanStatus };

/** Operators and body admins maintain a body's plans and items, as they fill its assessment. */
const maintains = (actor: Actor, org: OrgRef) => canEditAssessment(actor, org);
/** The body's reviewers (its mentor or province supervisor) confirm that an item was really done. */
const reviews = (actor: Actor, org: OrgRef) => canReviewAssessment(actor, org);

/** Which fields of an item may change in each plan status: the one rule of "editable". */
export const executionFields = ['status', 'progress', 'blockedReason', 'assigneeId'] as const;
export function editableItemFields(status: PlanStatus): 'all' | 'execution' | 'none' {
  return status === 'draft' ? 'all' : status === 'approved' ? 'execution' : 'none';
}

/** The body admin submits and revises; the leader (kepala daerah / Sekda) approves or returns. */
export function mayTransitionPlan(actor: Actor, org: OrgRef, action: PlanAction): boolean {
  return action === 'submit' || action === 'revise'
    ? isPlatformAdmin(actor) || holdsRoleIn(actor, org, ['body_admin'])
    : holdsRoleIn(actor, org, ['leader']);
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

const transition = (action: PlanAction) => (actor: Actor, plan: PlanSubject) =>
  mayTransitionPlan(actor, plan.org, action) && planTransitionTarget(action, plan.status) !== null;

/** A body's plans: who may start one. */
export const bodyPlansPolicy = definePolicy<OrgRef>()({ create: maintains });

const rules = {
  /** Add or delete items, import, link evidence (the plan's status is checked separately). */
  maintain: (actor: Actor, plan: PlanSubject) => maintains(actor, plan.org),
  editItems: (actor: Actor, plan: PlanSubject) =>
    maintains(actor, plan.org) && editableItemFields(plan.status) === 'all',
  updateProgress: (actor: Actor, plan: PlanSubject) =>
    maintains(actor, plan.org) && editableItemFields(plan.status) !== 'none',
  /** Setting an item "verified" is the reviewer's word, wherever items may change. */
  verify: (actor: Actor, plan: PlanSubject) =>
    reviews(actor, plan.org) && editableItemFields(plan.status) !== 'none',
  /** Everyone of the body, its maintainers and its reviewers discuss items. */
  comment: (actor: Actor, plan: PlanSubject) =>
    maintains(actor, plan.org) ||
    reviews(actor, plan.org) ||
    actor.memberships.some((m) => m.orgId === plan.org.id),
};

export const planPolicy = definePolicy<PlanSubject>()({
  ...rules,
  submit: transition('submit'),
  approve: transition('approve'),
  return: transition('return'),
  revise: transition('revise'),
  /** The import itself refuses a submitted plan row by row (400), so the button follows updateProgress. */
  import: rules.updateProgress,
});

/** Each item answers the same rules (they depend on the plan), named for the item's controls. */
export const itemPolicy = definePolicy<PlanSubject>()({
  edit: rules.editItems,
  update: rules.updateProgress,
  verify: rules.verify,
  delete: rules.editItems,
  comment: rules.comment,
  linkEvidence: rules.maintain,
});

/** May the actor change an item's status to `to`? "Verified" is the reviewers'; the rest the maintainers'. */
export function maySetItemStatus(actor: Actor, plan: PlanSubject, to: ItemStatus): boolean {
  return to === 'verified' ? reviews(actor, plan.org) : maintains(actor, plan.org);
}
