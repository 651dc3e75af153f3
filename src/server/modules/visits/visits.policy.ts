import { type Actor, hasNationalRole, isPlatformAdmin } from '../../platform/auth/actor';
import type { OrgRef } from '../orgs/orgs.policy';

// Who may record and change a study visit: the host's mentors, the visiting body (its admin or
// operators), the visitor's province supervisor, national supervisors and platform admins.
export function canRecordVisit(actor: Actor, host: OrgRef, visitor: OrgRef): boolean {
  if (isPlatformAdmin(actor)) return true;
  return actor.memberships.some((m) => {
    switch (m.role) {
      case 'national_supervisor':
        return true;
      case 'mentor':
        return m.orgId === host.id;
      case 'province_supervisor':
        return visitor.provinceCode === m.orgCode;
      case 'body_admin':
      case 'operator':
        return m.orgId === visitor.id;
      default:
        return false;
    }
  });
}

/** Programmes (cohorts) are run nationally. */
export function canManageProgrammes(actor: Actor): boolean {
  return hasNationalRole(actor);
}
