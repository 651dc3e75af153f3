import { describe, expect, it } from 'vitest';
import { actorWith, orgRef } from '../../../../tests/support/actors';
import type { Role } from '../../../shared/contracts/common';
import { frameworkPolicy } from '../frameworks/frameworks.policy';
import type { OrgRef } from '../orgs/orgs.policy';
import { officialResultPolicy, scenarioListPolicy, scenarioPolicy } from './results.policy';

const org = (id: string, code: string) => orgRef(id, code, '32');
const garut = org('garut', '32.05');
const sumedang = org('sumedang', '32.11');
const actor = (role: Role, at: OrgRef, userId = 'u') => actorWith(role, at, { userId });

describe('results and frameworks policies', () => {
  it('lets national supervisors manage official results, and platform admins load frameworks', () => {
    const national = actor('national_supervisor', org('kemenpan', 'KEMENPAN'));
    const admin = actor('platform_admin', org('platform', 'PLATFORM'));
    expect(officialResultPolicy.abilities(national, null)).toEqual({ manage: true });
    expect(officialResultPolicy.can(actor('body_admin', garut), 'manage', null)).toBe(false);
    expect(frameworkPolicy.can(admin, 'load', null)).toBe(true);
    expect(frameworkPolicy.can(national, 'load', null)).toBe(false);
  });

  it('lets a body’s members save scenarios; the author or the body admin deletes one', () => {
    expect(scenarioListPolicy.can(actor('viewer', garut), 'create', garut)).toBe(true);
    expect(scenarioListPolicy.can(actor('viewer', sumedang), 'create', garut)).toBe(false);
    expect(scenarioPolicy.can(actor('operator', garut, 'a'), 'delete', { org: garut, createdBy: 'a' })).toBe(
      true,
    );
    expect(scenarioPolicy.can(actor('operator', garut, 'b'), 'delete', { org: garut, createdBy: 'a' })).toBe(
      false,
    );
    expect(
      scenarioPolicy.can(actor('body_admin', garut, 'b'), 'delete', { org: garut, createdBy: 'a' }),
    ).toBe(true);
  });
});
