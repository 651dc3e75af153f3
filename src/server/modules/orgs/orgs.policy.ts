import { bodyRoles, type OrgType, type Role, roles } from '../../../shared/contracts/common';
import type { OrgAbilities } from '../../../shared/contracts/orgs';
import { type Actor, isPlatformAdmin } from '../../platform/auth/actor';
import { definePolicy } from '../../platform/auth/policy';
import { visitPolicy } from '../visits/visits.policy';

export type OrgRef = {
  id: string;
  code: string;
  type: OrgType;
  provinceCode: string | null;
  isHost: boolean;
};

/**
 * Scope: may the actor see this body's private data (users, later assessments and plans)?
 * Outside scope the API answers 404, so existence of private records is not revealed.
 */
export function inOrgScope(actor: Actor, org: OrgRef): boolean {
  return actor.memberships.some((m) => {
    switch (m.role) {
      case 'platform_admin':
      case 'national_supervisor':
        return true;
      case 'province_supervisor':
        return org.code === m.orgCode || org.provinceCode === m.orgCode;
      case 'mentor':
        return m.orgId === org.id || actor.mentoredOrgIds.includes(org.id);
      default:
        return m.orgId === org.id;
    }
  });
}

/** Does the actor hold one of these roles in this very body? */
export function holdsRoleIn(actor: Actor, org: Pick<OrgRef, 'id'>, roles: readonly Role[]): boolean {
  return actor.memberships.some((m) => m.orgId === org.id && roles.includes(m.role));
}

/** A body's users (and its sharing setting) are managed by its body admin and platform admins. */
export function canManageOrgUsers(actor: Actor, org: OrgRef): boolean {
  return isPlatformAdmin(actor) || holdsRoleIn(actor, org, ['body_admin']);
}

/** The directory itself (adding, renaming, removing bodies) belongs to platform admins. */
export function canManageOrgs(actor: Actor): boolean {
  return isPlatformAdmin(actor);
}

/**
 * The leader's one-page report (rapor) of a body: for its leader and body admin, the supervisors
 * over it (its province's, the national ones) and platform admins. Operators, viewers and mentors
 * see the same figures on their pages but do not take the body's report to a meeting.
 */
export function canDownloadReport(actor: Actor, org: OrgRef): boolean {
  if (!inOrgScope(actor, org)) return false;
  return actor.memberships.some((m) => {
    switch (m.role) {
      case 'platform_admin':
      case 'national_supervisor':
      case 'province_supervisor':
        // Scope already limits a province supervisor to the province and its kab/kota.
        return true;
      case 'leader':
      case 'body_admin':
        return m.orgId === org.id;
      default:
        return false;
    }
  });
}

/** What the actor may do with one body; sent as the record's `abilities`. */
export const orgPolicy = definePolicy<OrgRef>()({
  readPrivate: inOrgScope,
  manageUsers: canManageOrgUsers,
  update: (actor) => canManageOrgs(actor),
  delete: (actor) => canManageOrgs(actor),
  changeSharing: canManageOrgUsers,
  // Answer the mentor access a host's visit asks for (the rule lives with visits: the body's
  // admin or leader, or a supervisor over it); the body's page shows waiting requests only then.
  decideMentorAccess: (actor, org) => visitPolicy.can(actor, 'decideAccess', { host: org, visitor: org }),
  downloadReport: canDownloadReport,
});

export function orgAbilities(actor: Actor, org: OrgRef): OrgAbilities {
  return orgPolicy.abilities(actor, org);
}

const supervisorRoleTypes: Partial<Record<Role, readonly OrgType[]>> = {
  national_supervisor: ['ministry', 'agency'],
  province_supervisor: ['province'],
};

/** May the actor grant (or take away) this role in this body? Null reason = allowed. */
export function roleGrantProblem(
  actor: Actor,
  org: OrgRef,
  role: Role,
): 'FORBIDDEN' | 'ROLE_NOT_FOR_ORG' | null {
  const allowedTypes = supervisorRoleTypes[role];
  if (allowedTypes && !allowedTypes.includes(org.type)) return 'ROLE_NOT_FOR_ORG';
  if (role === 'mentor' && !org.isHost) return 'ROLE_NOT_FOR_ORG';
  if (isPlatformAdmin(actor)) return null;
  if (!canManageOrgUsers(actor, org)) return 'FORBIDDEN';
  return (bodyRoles as readonly Role[]).includes(role) ? null : 'FORBIDDEN';
}

/** The roles the actor may give in this body: the web offers exactly these. */
export function grantableRoles(actor: Actor, org: OrgRef): Role[] {
  return roles.filter((role) => roleGrantProblem(actor, org, role) === null);
}
