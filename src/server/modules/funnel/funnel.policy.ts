import type { FollowupScopeAbilities } from '../../../shared/contracts/followup';
import { type Actor, hasNationalRole } from '../../platform/auth/actor';
import { definePolicy } from '../../platform/auth/policy';
import { holdsRoleIn } from '../orgs/orgs.policy';

// Who may look at which follow-up scope. Pure: the service resolves the scope, this decides; the
// scopes list (GET /funnel/scopes) carries the answer for each scope, so the web never re-derives it.
export type ScopeTarget =
  | { kind: 'national' | 'programme' | 'commitment' }
  | { kind: 'province'; code: string }
  | { kind: 'host'; host: { id: string } };

/** Everything follow-up is open to national roles; a province's supervisors and a host's people see theirs. */
function view(actor: Actor, target: ScopeTarget): boolean {
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

export const funnelPolicy = definePolicy<ScopeTarget>()({
  view,
  // The export lists the same bodies as the drill-downs: whoever sees the scope may take it away.
  export: view,
}) satisfies { abilities: (actor: Actor, t: ScopeTarget) => FollowupScopeAbilities };

/**
 * Whether the follow-up page has anything to show the actor, from the session alone (for /me):
 * a mentor role is only given in a host body. A host's admin or leader who is not a mentor is not
 * known to be in a host here; the page's scope list (which is exact) still answers for them.
 */
export function canSeeSomeScope(actor: Actor): boolean {
  return (
    hasNationalRole(actor) ||
    actor.memberships.some((m) => m.role === 'province_supervisor' || m.role === 'mentor')
  );
}
