import { bodyRoles, type OrgType, type Role } from '../../../shared/contracts/common';
import { type Actor, isPlatformAdmin } from '../../platform/auth/actor';

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

export function canManageOrgUsers(actor: Actor, org: OrgRef): boolean {
  return isPlatformAdmin(actor) || holdsRoleIn(actor, org, ['body_admin']);
}

export function canManageOrgs(actor: Actor): boolean {
  return isPlatformAdmin(actor);
}

export function orgAbilities(actor: Actor, org: OrgRef) {
  return {
    readPrivate: inOrgScope(actor, org),
    manageUsers: canManageOrgUsers(actor, org),
    update: canManageOrgs(actor),
    changeSharing: canManageOrgUsers(actor, org),
  };
}

const supervisorRoleTypes: Partial<Record<Role, readonly OrgType[]>> = {
  national_supervisor: ['ministry', 'agency'],
  province_supervisor: ['province'],
};

/** Which roles can the actor grant in this body? Null reason = allowed. */
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
