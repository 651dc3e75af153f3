import type { Me } from '../../../shared/contracts/auth';
import type { Actor } from '../../platform/auth/actor';
import { accountPolicy } from './auth.policy';

export function presentMe(actor: Actor): Me {
  return {
    user: {
      id: actor.userId,
      email: actor.email,
      name: actor.name,
      locale: actor.locale,
      isSample: actor.isSample,
    },
    memberships: actor.memberships.map((m) => ({
      id: m.id,
      role: m.role,
      org: { id: m.orgId, code: m.orgCode, name: m.orgName, type: m.orgType },
    })),
    csrfToken: actor.csrfToken,
    abilities: accountPolicy.abilities(actor, null),
  };
}
