import { describe, expect, it } from 'vitest';
import { actorWith, orgRef } from '../../../../tests/support/actors';
import type { Actor } from '../../platform/auth/actor';
import { compareSections, homePolicy, listsAssignedItems, sectionsFor } from './home.policy';

const garut = orgRef('g', '32.05', '32');
const bandung = orgRef('b', '32.04', '32');
const jabar = orgRef('p', '32', null, 'province');

/** One actor holding several memberships. */
const holding = (...ms: [Parameters<typeof actorWith>[0], ReturnType<typeof orgRef>][]): Actor => {
  const actors = ms.map(([role, org]) => actorWith(role, org));
  return { ...actors[0]!, memberships: actors.flatMap((a) => a.memberships) };
};

describe('home sections', () => {
  it('give one section per membership with a section, none to supervisors', () => {
    const a = holding(
      ['operator', garut],
      ['leader', bandung],
      ['province_supervisor', jabar],
      ['operator', garut],
    );
    expect(sectionsFor(a).map((s) => [s.role, s.membership.orgCode])).toEqual([
      ['leader', '32.04'],
      ['operator', '32.05'],
    ]);
    expect(sectionsFor(actorWith('national_supervisor', jabar))).toEqual([]);
  });

  it('list items assigned to the user once per body', () => {
    const both = holding(['operator', garut], ['body_admin', garut]);
    expect(listsAssignedItems(both, 'operator', 'g')).toBe(true);
    expect(listsAssignedItems(both, 'body_admin', 'g')).toBe(false);
    expect(listsAssignedItems(actorWith('body_admin', garut), 'body_admin', 'g')).toBe(true);
    expect(listsAssignedItems(actorWith('leader', garut), 'leader', 'g')).toBe(false);
  });

  it('put the most urgent first, then by role and body', () => {
    const s = (role: 'leader' | 'operator', attention: number, name: string) => ({
      role,
      attention,
      org: { name },
    });
    const sorted = [
      s('operator', 1, 'B'),
      s('leader', 1, 'B'),
      s('operator', 5, 'A'),
      s('leader', 1, 'A'),
    ].sort(compareSections);
    expect(sorted.map((x) => `${x.role}:${x.attention}:${x.org.name}`)).toEqual([
      'operator:5:A',
      'leader:1:A',
      'leader:1:B',
      'operator:1:B',
    ]);
  });

  it('offer the one-page report to the body’s leaders and admins only', () => {
    expect(homePolicy.can(actorWith('leader', garut), 'downloadReport', garut)).toBe(true);
    expect(homePolicy.can(actorWith('body_admin', garut), 'downloadReport', garut)).toBe(true);
    expect(homePolicy.can(actorWith('operator', garut), 'downloadReport', garut)).toBe(false);
    expect(homePolicy.can(actorWith('leader', bandung), 'downloadReport', garut)).toBe(false);
  });
});
