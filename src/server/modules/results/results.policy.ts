import type {
  OfficialResultAbilities,
  ScenarioAbilities,
  ScenarioListAbilities,
} from '../../../shared/contracts/results';
import { type Actor, hasNationalRole, isPlatformAdmin } from '../../platform/auth/actor';
import { definePolicy, type Policy } from '../../platform/auth/policy';
import { canManageOrgUsers, type OrgRef } from '../orgs/orgs.policy';

// Pure rules for official results and saved scenarios. Official results are published by
// KemenPAN-RB, so every signed-in user reads them; entering them is a national task.

/** National supervisors enter and import official results. */
export function canManageOfficialResults(actor: Actor): boolean {
  return hasNationalRole(actor);
}

export const officialResultPolicy: Policy<unknown, keyof OfficialResultAbilities> = definePolicy<unknown>()({
  manage: (actor) => canManageOfficialResults(actor),
});

/** A body's members save simulator scenarios for it. */
export const scenarioListPolicy: Policy<OrgRef, keyof ScenarioListAbilities> = definePolicy<OrgRef>()({
  create: (actor, org) => isPlatformAdmin(actor) || actor.memberships.some((m) => m.orgId === org.id),
});

/** A scenario is deleted by its author or by whoever manages the body's users. */
export type ScenarioSubject = { org: OrgRef; createdBy: string | null };
export const scenarioPolicy: Policy<ScenarioSubject, keyof ScenarioAbilities> =
  definePolicy<ScenarioSubject>()({
    delete: (actor, s) => canManageOrgUsers(actor, s.org) || s.createdBy === actor.userId,
  });
