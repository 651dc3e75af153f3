import {
  type AdoptionAbilities,
  type AdoptionStage,
  adoptionMoves,
} from '../../../shared/contracts/adoptions';
import type { AssistanceAbilities } from '../../../shared/contracts/assistance';
import type { PracticeAbilities, PracticeStatus } from '../../../shared/contracts/practices';
import { type Actor, hasNationalRole, isPlatformAdmin } from '../../platform/auth/actor';
import { definePolicy } from '../../platform/auth/policy';
import { holdsRoleIn, inOrgScope, type OrgRef } from '../orgs/orgs.policy';

// Pure rules for the practice catalogue, the replication ledger and assistance requests. Scope
// (may the actor see a body at all) stays inOrgScope; these decide what an actor may do. Each rule
// is written once; the services ask `can`, the presenters send `abilities` with every record.

type HostRef = Pick<OrgRef, 'id' | 'isHost'>;

/** The host's own people speak for its practices and answer its requests: mentors and body admin. */
export function isHostStaff(actor: Actor, host: Pick<OrgRef, 'id'>): boolean {
  return holdsRoleIn(actor, host, ['mentor', 'body_admin']);
}

/** A body's admin or operators take on (and move) a replication; they run the body's plan too. */
function actsForBody(actor: Actor, org: Pick<OrgRef, 'id'>): boolean {
  return isPlatformAdmin(actor) || holdsRoleIn(actor, org, ['body_admin', 'operator']);
}

/** Publishing practices: a host body's mentors and admin, or a platform admin. */
function publishes(actor: Actor | null, host: HostRef): boolean {
  if (!actor || !host.isHost) return false;
  return isPlatformAdmin(actor) || isHostStaff(actor, host);
}

/** A host body: who publishes its practices and who follows its followers. */
export const hostPolicy = definePolicy<
  Pick<OrgRef, 'id' | 'isHost' | 'code' | 'provinceCode'>,
  Actor | null
>()({
  publish: publishes,
  /** Its staff, its province supervisor, national supervisors and platform admins. */
  seeFollowers: (actor, host) => {
    if (!actor) return false;
    if (hasNationalRole(actor) || isHostStaff(actor, host)) return true;
    return actor.memberships.some(
      (m) => m.role === 'province_supervisor' && (host.provinceCode === m.orgCode || host.code === m.orgCode),
    );
  },
});

/** A body that may take up practices and ask hosts for help. */
export const bodyPolicy = definePolicy<Pick<OrgRef, 'id'>>()({
  adopt: actsForBody,
  requestAssistance: actsForBody,
});

export type PracticeSubject = { host: HostRef; status: PracticeStatus };

export const practicePolicy = definePolicy<PracticeSubject, Actor | null>()({
  /** Drafts and archived practices are only visible to those who may edit them. */
  view: (actor, p) => p.status === 'published' || publishes(actor, p.host),
  update: (actor, p) => publishes(actor, p.host),
  /** Whether the actor could adopt it for some body of theirs (the catalogue's button). */
  adopt: (actor, p) =>
    !!actor &&
    p.status === 'published' &&
    (isPlatformAdmin(actor) ||
      actor.memberships.some(
        (m) => m.orgId !== p.host.id && (m.role === 'body_admin' || m.role === 'operator'),
      )),
}) satisfies { abilities: (a: Actor | null, p: PracticeSubject) => PracticeAbilities };

export type AdoptionSubject = { org: OrgRef; host: Pick<OrgRef, 'id'>; stage: AdoptionStage };

const adoptionRules = definePolicy<AdoptionSubject>()({
  /** An adoption is seen by the adopting body's scope and by the host's staff. */
  view: (actor, a) => inOrgScope(actor, a.org) || isHostStaff(actor, a.host),
  move: (actor, a) => actsForBody(actor, a.org),
  requestAssistance: (actor, a) => actsForBody(actor, a.org) && a.stage !== 'dropped',
});

/** The adoption's rules, and its abilities with the moves open to the actor from its stage. */
export const adoptionPolicy = {
  can: adoptionRules.can,
  abilities: (actor: Actor, a: AdoptionSubject): AdoptionAbilities => {
    const abilities = adoptionRules.abilities(actor, a);
    return { ...abilities, moves: abilities.move ? [...adoptionMoves[a.stage]] : [] };
  },
};

export type AssistanceSubject = { org: OrgRef; host: Pick<OrgRef, 'id'> };

export const assistancePolicy = definePolicy<AssistanceSubject>()({
  /** The requesting body's scope and the host's staff. */
  view: (actor, r) => inOrgScope(actor, r.org) || isHostStaff(actor, r.host),
  /** The host's mentors and admin (or a platform admin) answer, assign and close requests. */
  update: (actor, r) => isPlatformAdmin(actor) || isHostStaff(actor, r.host),
}) satisfies { abilities: (a: Actor, r: AssistanceSubject) => AssistanceAbilities };
