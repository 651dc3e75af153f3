import type {
  AnswerAbilities,
  QuestionAbilities,
  QuestionVisibility,
} from '../../../shared/contracts/questions';
import { type Actor, type ActorMembership, isPlatformAdmin } from '../../platform/auth/actor';
import { definePolicy } from '../../platform/auth/policy';
import { holdsRoleIn, inOrgScope, type OrgRef } from '../orgs/orgs.policy';

// Pure rules of mentoring questions. A public question is open to everyone signed in to the
// Living Lab; a private one to the asking body's scope (its own people, the mentors of hosts with
// confirmed mentor access, the province supervisor over it and the national roles): inOrgScope,
// the same rule as the body's assessments. Outside what the actor may view the API answers 404.

export type QuestionSubjectRef = {
  org: OrgRef;
  visibility: QuestionVisibility;
  askedBy: string | null;
  accepted: boolean;
};

/** The roles that may write in a thread (leaders and viewers read). */
const speaks = (m: ActorMembership, org: OrgRef, open: boolean, actor: Actor): boolean => {
  switch (m.role) {
    case 'platform_admin':
    case 'national_supervisor':
      return true;
    case 'province_supervisor':
      return open || org.code === m.orgCode || org.provinceCode === m.orgCode;
    case 'mentor':
      return open || m.orgId === org.id || actor.mentoredOrgIds.includes(org.id);
    case 'body_admin':
    case 'operator':
      return open || m.orgId === org.id;
    default:
      return false;
  }
};

export function canViewQuestion(actor: Actor, q: Pick<QuestionSubjectRef, 'org' | 'visibility'>): boolean {
  return q.visibility === 'public' || inOrgScope(actor, q.org);
}

export const questionPolicy = definePolicy<QuestionSubjectRef>()({
  /**
   * Mentors, supervisors and (for a public question) other bodies' admins and operators answer;
   * the asking body's admin and operators reply in the thread to clarify.
   */
  answer: (actor, q) =>
    canViewQuestion(actor, q) &&
    actor.memberships.some((m) => speaks(m, q.org, q.visibility === 'public', actor)),
  /** The asker, or the asking body's admin, accepts one answer (and may change which). */
  accept: (actor, q) => actor.userId === q.askedBy || holdsRoleIn(actor, q.org, ['body_admin']),
}) satisfies { abilities: (a: Actor, q: QuestionSubjectRef) => QuestionAbilities };

/** A body's admin or operators ask its questions. */
export function canAsk(actor: Actor, org: Pick<OrgRef, 'id'>): boolean {
  return holdsRoleIn(actor, org, ['body_admin', 'operator']);
}

export type AnswerRef = { authorId: string | null; questionAccepted: boolean };

/** Its author edits or deletes an answer until the question has an accepted answer. */
const ownUnsettled = (actor: Actor, a: AnswerRef) => a.authorId === actor.userId && !a.questionAccepted;

export const answerPolicy = definePolicy<AnswerRef>()({
  edit: ownUnsettled,
  delete: ownUnsettled,
}) satisfies { abilities: (a: Actor, r: AnswerRef) => AnswerAbilities };

/**
 * The membership in whose name the actor answers, most specific first: the asking body itself (a
 * clarification), a host that mentors it, the province over it, a national role, then any body of
 * the actor's that may speak in a public thread. `hostIds`: hosts with confirmed access over it.
 */
export function answeringMembership(
  actor: Actor,
  org: OrgRef,
  hostIds: readonly string[],
  open: boolean,
): ActorMembership | undefined {
  const ms = actor.memberships;
  return (
    ms.find((m) => m.orgId === org.id && (m.role === 'body_admin' || m.role === 'operator')) ??
    ms.find((m) => m.role === 'mentor' && hostIds.includes(m.orgId)) ??
    ms.find(
      (m) => m.role === 'province_supervisor' && (org.provinceCode === m.orgCode || org.code === m.orgCode),
    ) ??
    ms.find((m) => m.role === 'national_supervisor') ??
    ms.find((m) => speaks(m, org, open, actor) && m.role !== 'platform_admin') ??
    (isPlatformAdmin(actor) ? ms.find((m) => m.role === 'platform_admin') : undefined)
  );
}
