import type { SupervisionAbilities } from '../../../shared/contracts/supervision';
import { type Actor, hasNationalRole } from '../../platform/auth/actor';
import { definePolicy } from '../../platform/auth/policy';

// Who may look at the supervisors' cockpits. The nation is national supervisors' and platform
// admins'; a province is also its own province supervisors' (a membership in the province body).
export type SupervisionTarget = { kind: 'national' } | { kind: 'province'; code: string };

function view(actor: Actor, target: SupervisionTarget): boolean {
  if (hasNationalRole(actor)) return true;
  return (
    target.kind === 'province' &&
    actor.memberships.some((m) => m.role === 'province_supervisor' && m.orgCode === target.code)
  );
}

export const supervisionPolicy = definePolicy<SupervisionTarget>()({
  view,
  // The simulation reads the same bodies' levels and plans the cockpit summarises.
  simulate: view,
}) satisfies { abilities: (actor: Actor, t: SupervisionTarget) => SupervisionAbilities };
