import { type Actor, hasNationalRole } from '../../platform/auth/actor';
import { holdsRoleIn } from '../orgs/orgs.policy';

// Who may look at which follow-up scope. Pure: the service resolves the scope, this decides.
export type ScopeTarget =
  | { kind: 'national' | 'programme' | 'commitment' }
  | { kind: 'province'; code: string }
  | { kind: 'host'; host: { id: string } };

export function canSeeScope(actor: Actor, target: ScopeTarget): boolean {
  if (hasNationalRole(actor)) return true;
  switch (target.kind) {
    case 'province':
      return actor.memberships.some((m) => m.role === 'province_supervisor' && m.orgCode === target.code);
    case 'host':
      return holdsRoleIn(actor, target.host, ['mentor', 'body_admin', 'leader']);
    default:
      return false;
  }
}

/** Whether the follow-up page has anything to show the actor (mentors hold their role in a host). */
export function canSeeSomeScope(actor: Actor): boolean {
  return (
    hasNationalRole(actor) ||
    actor.memberships.some((m) => m.role === 'province_supervisor' || m.role === 'mentor')
  );
}
