import { describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/contracts/common';
import type { Actor } from '../../platform/auth/actor';
import { supervisionPolicy } from './supervision.policy';

const actor = (role: Role, orgCode: string) =>
  ({ memberships: [{ role, orgCode }], mentoredOrgIds: [] }) as unknown as Actor;
const province = (code: string) => ({ kind: 'province' as const, code });

describe('supervisionPolicy', () => {
  it('opens the nation and every province to national supervisors and platform admins', () => {
    for (const a of [actor('national_supervisor', 'KEMENDAGRI'), actor('platform_admin', 'LL-SEKRETARIAT')]) {
      expect(supervisionPolicy.can(a, 'view', { kind: 'national' })).toBe(true);
      expect(supervisionPolicy.abilities(a, province('94'))).toEqual({ view: true, simulate: true });
    }
  });

  it('opens only its own province to a province supervisor', () => {
    const jabar = actor('province_supervisor', '32');
    expect(supervisionPolicy.can(jabar, 'view', province('32'))).toBe(true);
    expect(supervisionPolicy.can(jabar, 'view', province('33'))).toBe(false);
    expect(supervisionPolicy.can(jabar, 'view', { kind: 'national' })).toBe(false);
  });

  it('gives body roles nothing, even in the province body', () => {
    for (const role of ['body_admin', 'leader', 'operator', 'mentor', 'viewer'] as const)
      expect(supervisionPolicy.can(actor(role, '32'), 'view', province('32'))).toBe(false);
  });
});
