import { eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Role } from '../../../shared/contracts/common';
import type { DbOrTx } from '../../db/client';
import { memberships, mentorships, orgs } from '../../db/schema';
import type { Audience } from './reminders.rules';

// Who receives a reminder, for every body at once. The daily run loads the few role holders it
// can address (admins, leaders, province supervisors, mentors: thousands of rows nationally, not
// hundreds of thousands) with three queries per run, instead of asking per item and audience.

export type Directory = {
  /** The users of each audience for a body, each once, in audience order. */
  recipients: (orgId: string, who: readonly Audience[], assigneeId: string | null) => string[];
  /** The users holding a role in a body (admins, leaders, province supervisors, mentors). */
  holders: (orgId: string, role: Role) => string[];
};

const addressed: Role[] = ['body_admin', 'leader', 'province_supervisor', 'mentor'];

export async function loadDirectory(db: DbOrTx): Promise<Directory> {
  const province = alias(orgs, 'province');
  const [holders, provinces, hosts] = await Promise.all([
    db
      .select({ orgId: memberships.orgId, role: memberships.role, userId: memberships.userId })
      .from(memberships)
      .where(inArray(memberships.role, addressed)),
    db
      .select({ id: orgs.id, provinceId: province.id })
      .from(orgs)
      .innerJoin(province, eq(province.code, orgs.provinceCode)),
    // Only confirmed mentor access makes a host's mentors an audience (issue 9 item 1).
    db
      .select({ host: mentorships.hostOrgId, mentee: mentorships.menteeOrgId })
      .from(mentorships)
      .where(eq(mentorships.status, 'active')),
  ]);
  const byRole = new Map<string, string[]>();
  for (const h of holders) {
    const key = `${h.orgId}|${h.role}`;
    const list = byRole.get(key) ?? [];
    list.push(h.userId);
    byRole.set(key, list);
  }
  const provinceOf = new Map(provinces.map((p) => [p.id, p.provinceId]));
  const hostsOf = new Map<string, string[]>();
  for (const m of hosts) hostsOf.set(m.mentee, [...(hostsOf.get(m.mentee) ?? []), m.host]);
  const at = (orgId: string | undefined, role: Role) => (orgId ? (byRole.get(`${orgId}|${role}`) ?? []) : []);

  return {
    holders: (orgId, role) => at(orgId, role),
    recipients(orgId, who, assigneeId) {
      const out = new Set<string>();
      for (const a of who) {
        if (a === 'assignee' && assigneeId) out.add(assigneeId);
        if (a === 'body_admin' || a === 'leader') for (const u of at(orgId, a)) out.add(u);
        if (a === 'province_supervisor')
          for (const u of at(provinceOf.get(orgId), 'province_supervisor')) out.add(u);
        if (a === 'host_mentor')
          for (const host of hostsOf.get(orgId) ?? []) for (const u of at(host, 'mentor')) out.add(u);
      }
      return [...out];
    },
  };
}
