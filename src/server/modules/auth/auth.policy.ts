import type { AccountAbilities } from '../../../shared/contracts/auth';
import { isPlatformAdmin } from '../../platform/auth/actor';
import { definePolicy } from '../../platform/auth/policy';
import { auditPolicy } from '../audit/audit.policy';
import { canPublishCommitments } from '../commitments/commitments.policy';
import { canSeeSomeScope } from '../funnel/funnel.policy';
import { canManageOrgs } from '../orgs/orgs.policy';
import { canManageOfficialResults } from '../results/results.policy';
import { userPolicy } from '../users/users.policy';

// What the signed-in account may do across the platform (sent with /me, so the web shows its
// menus from the server's answer). Each ability asks the rule of the area that owns it.
export const accountPolicy = definePolicy<null>()({
  manageOrgs: (actor) => canManageOrgs(actor),
  manageUsers: (actor) => userPolicy.can(actor, 'read', null),
  readAudit: (actor) => auditPolicy.can(actor, 'read', null),
  // The outbox and framework loading are platform administration (outbox, frameworks routes).
  readOutbox: (actor) => isPlatformAdmin(actor),
  loadFrameworks: (actor) => isPlatformAdmin(actor),
  manageOfficialResults: (actor) => canManageOfficialResults(actor),
  publishCommitments: (actor) => canPublishCommitments(actor),
  readFollowup: (actor) => canSeeSomeScope(actor),
}) satisfies { abilities: (...args: never[]) => AccountAbilities };
