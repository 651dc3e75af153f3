import type { Actor } from '../../platform/auth/actor';
import { definePolicy } from '../../platform/auth/policy';
import { canEditAssessment } from '../assessments/assessments.policy';
import { holdsRoleIn, type OrgRef } from '../orgs/orgs.policy';

// Who may add to a body's evidence locker. Reading it is scope (inOrgScope); linking a file is the
// rule of what it is linked to (the assessment's or the plan's policy).

export const evidencePolicy = definePolicy<OrgRef>()({
  /**
   * Those who fill the body's assessment, and in a host body its mentors too (they publish
   * practices with their documents and templates).
   */
  upload: (actor: Actor, org) =>
    canEditAssessment(actor, org) || (org.isHost && holdsRoleIn(actor, org, ['mentor'])),
});
