import type { Role } from '../../../shared/contracts/common';
import type { ProgrammeAbilities, VisitAbilities } from '../../../shared/contracts/visits';
import { type Actor, hasNationalRole, isPlatformAdmin } from '../../platform/auth/actor';
import { definePolicy, type Policy } from '../../platform/auth/policy';
import type { OrgRef } from '../orgs/orgs.policy';

export type VisitParties = { host: OrgRef; visitor: OrgRef };

// Who may record and change a study visit: the host's mentors, the visiting body (its admin or
// operators), the visitor's province supervisor, national supervisors and platform admins.
// Recording, changing, deleting and its files all follow this one rule.
function recordsVisit(actor: Actor, { host, visitor }: VisitParties): boolean {
  if (isPlatformAdmin(actor)) return true;
  return actor.memberships.some((m) => {
    switch (m.role) {
      case 'national_supervisor':
        return true;
      case 'mentor':
        return m.orgId === host.id;
      case 'province_supervisor':
        return visitor.provinceCode === m.orgCode;
      case 'body_admin':
      case 'operator':
        return m.orgId === visitor.id;
      default:
        return false;
    }
  });
}

// Who may confirm or decline the access a visit gives the host's mentors over the visiting body:
// the body itself (its admin or leader) or a supervisor over it (its province supervisor, national
// supervisors, platform admins). A mentor of the host never may, so a host cannot grant itself a
// body's data by recording a visit. Recording by someone who may decide confirms at once.
function decidesAccess(actor: Actor, { visitor }: VisitParties): boolean {
  if (isPlatformAdmin(actor)) return true;
  return actor.memberships.some((m) => {
    switch (m.role) {
      case 'national_supervisor':
        return true;
      case 'province_supervisor':
        return visitor.provinceCode === m.orgCode || visitor.code === m.orgCode;
      case 'body_admin':
      case 'leader':
        return m.orgId === visitor.id;
      default:
        return false;
    }
  });
}

/** The roles of recordsVisit: holding one means some visit could be recorded (the list's button). */
const recorderRoles: readonly Role[] = [
  'platform_admin',
  'national_supervisor',
  'mentor',
  'province_supervisor',
  'body_admin',
  'operator',
];
export const visitListPolicy = definePolicy<null>()({
  record: (actor) => actor.memberships.some((m) => recorderRoles.includes(m.role)),
});

export const visitPolicy = definePolicy<VisitParties>()({
  record: recordsVisit,
  update: recordsVisit,
  delete: recordsVisit,
  manageFiles: recordsVisit,
  decideAccess: decidesAccess,
});

/** The abilities a visit is returned with (the contract's shape). */
export const visitAbilities = (actor: Actor, parties: VisitParties): VisitAbilities => {
  const { update, delete: del, manageFiles, decideAccess } = visitPolicy.abilities(actor, parties);
  return { update, delete: del, manageFiles, decideAccess };
};

// Programmes (cohorts) are run nationally; the subject is empty because the rule does not depend
// on which programme.
const runsProgrammes = (actor: Actor) => hasNationalRole(actor);

export const programmePolicy: Policy<null, keyof ProgrammeAbilities> = definePolicy<null>()({
  create: runsProgrammes,
  update: runsProgrammes,
  manageMembers: runsProgrammes,
});
