import type { OrgType, Role } from '../../../shared/contracts/common';
import type { Locale } from '../../../shared/errors';

export type ActorMembership = {
  id: string;
  orgId: string;
  orgCode: string;
  orgName: string;
  orgType: OrgType;
  provinceCode: string | null;
  role: Role;
};

// Who is making the request: resolved once per request from the session cookie.
export type Actor = {
  userId: string;
  email: string;
  name: string;
  locale: Locale;
  isSample: boolean;
  sessionId: string;
  csrfToken: string;
  memberships: ActorMembership[];
  /** Bodies that a host this actor is a mentor of mentors (scope rule for the mentor role). */
  mentoredOrgIds: string[];
};

export function hasRole(actor: Actor, role: Role, orgId?: string): boolean {
  return actor.memberships.some((m) => m.role === role && (orgId === undefined || m.orgId === orgId));
}

export function isPlatformAdmin(actor: Actor): boolean {
  return hasRole(actor, 'platform_admin');
}

/** Platform admins and national supervisors (Kemendagri, KemenPAN-RB): the national view. */
export function hasNationalRole(actor: Actor): boolean {
  return isPlatformAdmin(actor) || hasRole(actor, 'national_supervisor');
}
