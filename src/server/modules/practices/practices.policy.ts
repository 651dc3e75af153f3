import { type AdoptionStage, adoptionMoves } from '../../../shared/contracts/adoptions';
import type { PracticeStatus } from '../../../shared/contracts/practices';
import { type Actor, hasNationalRole, isPlatformAdmin } from '../../platform/auth/actor';
import { holdsRoleIn, inOrgScope, type OrgRef } from '../orgs/orgs.policy';

// Pure rules for the practice catalogue, the replication ledger and assistance requests. Scope
// (may the actor see a body at all) stays inOrgScope; these decide what an actor may do.

type HostRef = Pick<OrgRef, 'id' | 'isHost'>;

/** The host's own people speak for its practices and answer its requests: mentors and body admin. */
export function isHostStaff(actor: Actor, host: Pick<OrgRef, 'id'>): boolean {
  return holdsRoleIn(actor, host, ['mentor', 'body_admin']);
}

/** Publishing practices: a host body's mentors and admin, or a platform admin. */
export function canEditPractices(actor: Actor | null, host: HostRef): boolean {
  if (!actor || !host.isHost) return false;
  return isPlatformAdmin(actor) || isHostStaff(actor, host);
}

/** Drafts and archived practices are only visible to those who may edit them. */
export function canSeePractice(actor: Actor | null, host: HostRef, status: PracticeStatus): boolean {
  return status === 'published' || canEditPractices(actor, host);
}

/** A body's admin or operators take on (and move) a replication; they run the body's plan too. */
export function canAdoptFor(actor: Actor, org: Pick<OrgRef, 'id'>): boolean {
  return isPlatformAdmin(actor) || holdsRoleIn(actor, org, ['body_admin', 'operator']);
}

/** Whether the actor could adopt a practice for some body of theirs (for the catalogue's button). */
function mayAdoptSomewhere(actor: Actor, hostId: string): boolean {
  return (
    isPlatformAdmin(actor) ||
    actor.memberships.some((m) => m.orgId !== hostId && (m.role === 'body_admin' || m.role === 'operator'))
  );
}

export function practiceAbilities(actor: Actor | null, p: { host: HostRef; status: PracticeStatus }) {
  return {
    update: canEditPractices(actor, p.host),
    adopt: !!actor && p.status === 'published' && mayAdoptSomewhere(actor, p.host.id),
  };
}

/** An adoption is seen by the adopting body's scope and by the host's staff. */
export function canSeeAdoption(actor: Actor, org: OrgRef, host: Pick<OrgRef, 'id'>): boolean {
  return inOrgScope(actor, org) || isHostStaff(actor, host);
}

export function adoptionMovesFor(
  actor: Actor,
  org: Pick<OrgRef, 'id'>,
  stage: AdoptionStage,
): AdoptionStage[] {
  return canAdoptFor(actor, org) ? [...adoptionMoves[stage]] : [];
}

export function adoptionAbilities(actor: Actor, org: Pick<OrgRef, 'id'>, stage: AdoptionStage) {
  return {
    moves: adoptionMovesFor(actor, org, stage),
    requestAssistance: canAdoptFor(actor, org) && stage !== 'dropped',
  };
}

/** The requesting body's admin or operators ask a host for help. */
export const canRequestAssistance = canAdoptFor;

/** The host's mentors and admin (or a platform admin) answer, assign and close requests. */
export function canAnswerAssistance(actor: Actor, host: Pick<OrgRef, 'id'>): boolean {
  return isPlatformAdmin(actor) || isHostStaff(actor, host);
}

/**
 * A host's followers (who replicates its practices, who waits for help): the host's staff, its
 * province supervisor, national supervisors and platform admins.
 */
export function canSeeFollowers(actor: Actor, host: Pick<OrgRef, 'id' | 'code' | 'provinceCode'>): boolean {
  if (hasNationalRole(actor) || isHostStaff(actor, host)) return true;
  return actor.memberships.some(
    (m) => m.role === 'province_supervisor' && (host.provinceCode === m.orgCode || host.code === m.orgCode),
  );
}
