import type { Role } from '../../../shared/contracts/common';
import type { HomeSectionRole } from '../../../shared/contracts/home';
import type { Actor, ActorMembership } from '../../platform/auth/actor';
import { definePolicy } from '../../platform/auth/policy';
import { canDownloadReport, holdsRoleIn, type OrgRef } from '../orgs/orgs.policy';

// Pure rules of the home page: which sections a user's memberships give, and what the page may
// offer for a body. What each section lists is decided by the areas' own policies (plans,
// assessments, commitments, visits, practices); the service asks them for every item.

/**
 * The roles with a section here, in the order sections of equal urgency are shown. Province and
 * national supervisors have their own cockpit (the supervisor map), which adds its sections
 * beside these; they get none from this list.
 */
export const sectionRoles = [
  'leader',
  'body_admin',
  'operator',
  'mentor',
  'viewer',
  'platform_admin',
] as const satisfies readonly (HomeSectionRole & Role)[];

export type SectionRequest = { role: HomeSectionRole; membership: ActorMembership };

/** One section per membership whose role has one (a user may hold several roles in several bodies). */
export function sectionsFor(actor: Actor): SectionRequest[] {
  const out: SectionRequest[] = [];
  for (const role of sectionRoles) {
    const seen = new Set<string>();
    for (const m of actor.memberships) {
      if (m.role !== role || seen.has(m.orgId)) continue;
      // The platform has one secretariat: admin sections of several bodies would repeat each other.
      if (role === 'platform_admin' && out.some((s) => s.role === 'platform_admin')) continue;
      seen.add(m.orgId);
      out.push({ role, membership: m });
    }
  }
  return out;
}

/**
 * Items assigned to the user are listed once per body: in the operator's section, else in the
 * body admin's (leaders approve plans; they are rarely assigned items, and their escalations list
 * every overdue item anyway).
 */
export function listsAssignedItems(actor: Actor, role: HomeSectionRole, orgId: string): boolean {
  if (role === 'operator') return true;
  return role === 'body_admin' && !holdsRoleIn(actor, { id: orgId }, ['operator']);
}

/** Urgent first; equal urgency in the order of sectionRoles, then by body name. */
export function compareSections(
  a: { role: HomeSectionRole; attention: number; org: { name: string } },
  b: { role: HomeSectionRole; attention: number; org: { name: string } },
): number {
  return (
    b.attention - a.attention ||
    sectionRoles.indexOf(a.role) - sectionRoles.indexOf(b.role) ||
    a.org.name.localeCompare(b.org.name)
  );
}

/**
 * What the home page offers for one body. The one-page report (rapor) follows the orgs area's
 * rule (the body page's `downloadReport`), so the two pages never disagree.
 */
export const homePolicy = definePolicy<OrgRef>()({
  downloadReport: canDownloadReport,
});
