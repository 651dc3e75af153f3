import type { Me } from '../../../shared/schemas/auth';
import { type Actor, isPlatformAdmin } from '../../platform/auth/actor';
import { canManageOfficialResults } from '../assessments/assessments.policy';
import { canPublishCommitments } from '../commitments/commitments.policy';
import { canSeeSomeScope } from '../funnel/funnel.policy';

export function presentMe(actor: Actor): Me {
  const admin = isPlatformAdmin(actor);
  const bodyAdmin = actor.memberships.some((m) => m.role === 'body_admin');
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
    abilities: {
      manageOrgs: admin,
      manageUsers: admin,
      readAudit: admin || bodyAdmin,
      readOutbox: admin,
      manageOfficialResults: canManageOfficialResults(actor),
      loadFrameworks: admin,
      publishCommitments: canPublishCommitments(actor),
      readFollowup: canSeeSomeScope(actor),
    },
  };
}
