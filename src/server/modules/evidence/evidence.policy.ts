import type { Actor } from '../../platform/auth/actor';
import { canEditAssessment } from '../assessments/assessments.policy';
import { holdsRoleIn, type OrgRef } from '../orgs/orgs.policy';

/**
 * Who may add files to a body's evidence locker: those who fill its assessment, and in a host
 * body its mentors too (they publish practices with their documents and templates).
 */
export function canUploadEvidence(actor: Actor, org: OrgRef): boolean {
  return canEditAssessment(actor, org) || (org.isHost && holdsRoleIn(actor, org, ['mentor']));
}
