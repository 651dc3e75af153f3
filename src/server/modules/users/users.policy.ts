import type { UserAbilities } from '../../../shared/contracts/users';
import { type Actor, isPlatformAdmin } from '../../platform/auth/actor';
import { definePolicy } from '../../platform/auth/policy';

/** An account, or null when the question is about the user list as a whole. */
export type UserRef = { id: string } | null;

// Platform-wide user administration belongs to platform admins. A body's own users are managed
// through the body (orgs.policy: canManageOrgUsers, roleGrantProblem).
export const userPolicy = definePolicy<UserRef>()({
  read: (actor) => isPlatformAdmin(actor),
  update: (actor) => isPlatformAdmin(actor),
  /** Nobody disables their own account (they would lock themselves out). */
  disable: (actor, user) => isPlatformAdmin(actor) && user?.id !== actor.userId,
  addMembership: (actor) => isPlatformAdmin(actor),
  removeMembership: (actor) => isPlatformAdmin(actor),
});

export function userAbilities(actor: Actor, user: UserRef): UserAbilities {
  const { update, disable, addMembership, removeMembership } = userPolicy.abilities(actor, user);
  return { update, disable, addMembership, removeMembership };
}
