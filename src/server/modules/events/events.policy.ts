import type { EventStatus, EventVisibility } from '../../../shared/contracts/events';
import { type Actor, hasNationalRole } from '../../platform/auth/actor';
import { definePolicy } from '../../platform/auth/policy';
import type { OrgRef } from '../orgs/orgs.policy';

// Who organises learning events and who takes part. One home for these rules: the service asks
// them, the API sends their answers as `abilities`, the web shows buttons from those.

export type EventSubject = {
  organiser: OrgRef;
  visibility: EventVisibility;
  status: EventStatus;
};

/**
 * May the actor organise (create, change, cancel, invite, check in) events of this body? Platform
 * admins and national supervisors any; a province supervisor its own province's; a host body's
 * admin or mentors their host's.
 */
export function organisesFor(actor: Actor, organiser: OrgRef): boolean {
  if (hasNationalRole(actor)) return true;
  return actor.memberships.some((m) => {
    switch (m.role) {
      case 'province_supervisor':
        return organiser.type === 'province' && organiser.code === m.orgCode;
      case 'body_admin':
      case 'mentor':
        return organiser.isHost && organiser.id === m.orgId;
      default:
        return false;
    }
  });
}

/**
 * May the actor invite this body? National roles any; a province supervisor only its own
 * province's bodies (the province and its kab/kota); a host's staff any body (delegations come
 * from everywhere).
 */
export function mayInvite(actor: Actor, organiser: OrgRef, invitee: Pick<OrgRef, 'code' | 'provinceCode'>) {
  if (hasNationalRole(actor)) return true;
  return actor.memberships.some((m) => {
    switch (m.role) {
      case 'province_supervisor':
        return (
          organiser.code === m.orgCode && (invitee.code === m.orgCode || invitee.provinceCode === m.orgCode)
        );
      case 'body_admin':
      case 'mentor':
        return organiser.isHost && organiser.id === m.orgId;
      default:
        return false;
    }
  });
}

/**
 * May the actor register (or remove) participants of this body? Only the body's own admin — a
 * body registers only its own people — or a platform admin acting for the secretariat.
 */
export function registersFor(actor: Actor, org: Pick<OrgRef, 'id'>): boolean {
  return actor.memberships.some(
    (m) => m.role === 'platform_admin' || (m.role === 'body_admin' && m.orgId === org.id),
  );
}

const organises = (actor: Actor, e: EventSubject) => organisesFor(actor, e.organiser);
const organisesLive = (actor: Actor, e: EventSubject) => e.status === 'scheduled' && organises(actor, e);

export const eventPolicy = definePolicy<EventSubject>()({
  update: organisesLive,
  cancel: organisesLive,
  invite: organisesLive,
  // Attendance can still be recorded after the event ends (a queue synced late), not once cancelled.
  checkIn: organisesLive,
  /** The participant list and check-in codes of every body. */
  readAllParticipants: organises,
});
