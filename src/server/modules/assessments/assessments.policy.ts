import type {
  AssessmentAbilities,
  AssessmentItemAbilities,
  AssessmentListAbilities,
  AssessmentStatus,
} from '../../../shared/contracts/assessments';
import { type Actor, isPlatformAdmin } from '../../platform/auth/actor';
import { definePolicy, type Policy } from '../../platform/auth/policy';
import { holdsRoleIn, type OrgRef } from '../orgs/orgs.policy';

// Pure rules for self-assessments. Scope (may the actor see the body at all) is inOrgScope;
// these decide what an actor in scope may do. The role predicates below are also the rules other
// areas build on (plans, evidence), so each is written once, here.

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

/** Those who fill the assessment and its reviewers talk about an indicator. */
export function canCommentAssessment(actor: Actor, org: OrgRef): boolean {
  return canEditAssessment(actor, org) || canReviewAssessment(actor, org);
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

/** Who may take a transition at all, whatever the status (not allowed → 403, wrong status → 409). */
export function mayTransition(actor: Actor, org: OrgRef, action: Transition): boolean {
  return action === 'submit' || action === 'resubmit'
    ? canSubmitAssessment(actor, org)
    : canReviewAssessment(actor, org);
}

export type AssessmentSubject = { org: OrgRef; status: AssessmentStatus };

const transitionRule = (action: Transition) => (actor: Actor, s: AssessmentSubject) =>
  mayTransition(actor, s.org, action) && transitionTarget(action, s.status) !== null;

/** What an actor may do with one assessment; its abilities are sent with the record. */
export const assessmentPolicy: Policy<AssessmentSubject, keyof AssessmentAbilities> =
  definePolicy<AssessmentSubject>()({
    edit: (actor, s) => canEditAssessment(actor, s.org) && editableIn(s.status) !== 'none',
    uploadEvidence: (actor, s) => canEditAssessment(actor, s.org),
    comment: (actor, s) => canCommentAssessment(actor, s.org),
    submit: transitionRule('submit'),
    resubmit: transitionRule('resubmit'),
    startReview: transitionRule('start_review'),
    return: transitionRule('return'),
    accept: transitionRule('accept'),
  });

/** The ability a transition needs (the API's action names are the web's ability names). */
export const transitionAbility = {
  submit: 'submit',
  start_review: 'startReview',
  return: 'return',
  resubmit: 'resubmit',
  accept: 'accept',
} as const satisfies Record<Transition, keyof AssessmentAbilities>;

/** One indicator: editable in draft, or when returned only if the reviewer reopened it. */
export type AssessmentItemSubject = AssessmentSubject & { reopened: boolean };
export const assessmentItemPolicy: Policy<AssessmentItemSubject, keyof AssessmentItemAbilities> =
  definePolicy<AssessmentItemSubject>()({
    edit: (actor, s) => {
      const editable = editableIn(s.status);
      return (
        canEditAssessment(actor, s.org) && (editable === 'all' || (editable === 'reopened' && s.reopened))
      );
    },
  });

/** A body's list of assessments: who may start one. */
export const assessmentListPolicy: Policy<OrgRef, keyof AssessmentListAbilities> = definePolicy<OrgRef>()({
  create: canEditAssessment,
});
