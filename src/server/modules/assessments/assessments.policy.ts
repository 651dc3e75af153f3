import type { AssessmentStatus } from '../../../shared/contracts/assessments';
import { type Actor, hasNationalRole, isPlatformAdmin } from '../../platform/auth/actor';
import { holdsRoleIn, type OrgRef } from '../orgs/orgs.policy';

// Pure rules for self-assessments. Scope (may the actor see the body at all) is inOrgScope;
// these decide what an actor in scope may do.

/** Operators and body admins fill in levels, justifications and evidence. */
export function canEditAssessment(actor: Actor, org: OrgRef): boolean {
  return isPlatformAdmin(actor) || holdsRoleIn(actor, org, ['operator', 'body_admin']);
}

/** The body admin sends the assessment for review (and resubmits it). */
export function canSubmitAssessment(actor: Actor, org: OrgRef): boolean {
  return isPlatformAdmin(actor) || holdsRoleIn(actor, org, ['body_admin']);
}

/**
 * Reviewers: the body's mentor (a host that mentors it) or its province supervisor; provinces and
 * central bodies have no province above them, so national supervisors review those. Nobody
 * reviews their own body.
 */
export function canReviewAssessment(actor: Actor, org: OrgRef): boolean {
  if (isPlatformAdmin(actor)) return true;
  return actor.memberships.some((m) => {
    if (m.orgId === org.id) return false;
    switch (m.role) {
      case 'mentor':
        return actor.mentoredOrgIds.includes(org.id);
      case 'province_supervisor':
        return org.provinceCode === m.orgCode;
      case 'national_supervisor':
        return org.provinceCode === null;
      default:
        return false;
    }
  });
}

/** National supervisors enter and import official results. */
export function canManageOfficialResults(actor: Actor): boolean {
  return hasNationalRole(actor);
}

/** Which indicators may be edited now: all in draft, only reopened ones when returned. */
export function editableIn(status: AssessmentStatus): 'all' | 'reopened' | 'none' {
  if (status === 'draft') return 'all';
  if (status === 'returned') return 'reopened';
  return 'none';
}

export type Transition = 'submit' | 'start_review' | 'return' | 'resubmit' | 'accept';

const transitions: Record<Transition, { from: AssessmentStatus[]; to: AssessmentStatus }> = {
  submit: { from: ['draft'], to: 'submitted' },
  start_review: { from: ['submitted', 'resubmitted'], to: 'in_review' },
  return: { from: ['in_review'], to: 'returned' },
  resubmit: { from: ['returned'], to: 'resubmitted' },
  accept: { from: ['in_review'], to: 'accepted' },
};

export function transitionTarget(action: Transition, status: AssessmentStatus): AssessmentStatus | null {
  const t = transitions[action];
  return t.from.includes(status) ? t.to : null;
}

export function mayTransition(actor: Actor, org: OrgRef, action: Transition): boolean {
  return action === 'submit' || action === 'resubmit'
    ? canSubmitAssessment(actor, org)
    : canReviewAssessment(actor, org);
}

export function assessmentAbilities(actor: Actor, org: OrgRef, status: AssessmentStatus) {
  const can = (a: Transition) => mayTransition(actor, org, a) && transitionTarget(a, status) !== null;
  const editor = canEditAssessment(actor, org);
  const reviewer = canReviewAssessment(actor, org);
  return {
    edit: editor && editableIn(status) !== 'none',
    uploadEvidence: editor,
    comment: editor || reviewer,
    submit: can('submit'),
    resubmit: can('resubmit'),
    startReview: can('start_review'),
    return: can('return'),
    accept: can('accept'),
  };
}
