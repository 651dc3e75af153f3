import { describe, expect, it } from 'vitest';
import { actorWith } from '../../../../tests/support/actors';
import type { Role } from '../../../shared/contracts/common';
import type { OrgRef } from '../orgs/orgs.policy';
import { visitPolicy } from '../visits/visits.policy';
import { commitmentPolicy, signaturePolicy } from './commitments.policy';

const garut: OrgRef = { id: 'garut', code: '32.05', type: 'regency', provinceCode: '32', isHost: false };
const sumedang: OrgRef = { id: 'sumedang', code: '32.11', type: 'regency', provinceCode: '32', isHost: true };
const kemendagri: OrgRef = {
  id: 'kemendagri',
  code: 'KEMENDAGRI',
  type: 'ministry',
  provinceCode: null,
  isHost: false,
};

const actor = (role: Role, org: OrgRef) => actorWith(role, org);

describe('commitment policy', () => {
  it('lets a body’s leader sign and revoke for it, national supervisors publish and revoke', () => {
    const leader = actor('leader', garut);
    expect(commitmentPolicy.abilities(leader, garut)).toEqual({
      sign: true,
      publish: false,
      rotateKeys: false,
    });
    expect(commitmentPolicy.can(leader, 'sign', sumedang)).toBe(false);
    expect(signaturePolicy.abilities(leader, { org: garut, revoked: false })).toEqual({
      revoke: true,
      certificate: true,
    });
    const national = actor('national_supervisor', kemendagri);
    expect(commitmentPolicy.abilities(national, garut)).toEqual({
      sign: false,
      publish: true,
      rotateKeys: false,
    });
    expect(signaturePolicy.can(national, 'revoke', { org: garut, revoked: false })).toBe(true);
    expect(signaturePolicy.can(national, 'revoke', { org: garut, revoked: true })).toBe(false);
    expect(commitmentPolicy.can(actor('platform_admin', kemendagri), 'rotateKeys', null)).toBe(true);
    expect(signaturePolicy.abilities(actor('viewer', sumedang), { org: garut, revoked: false })).toEqual({
      revoke: false,
      certificate: false,
    });
  });
});

describe('visit policy', () => {
  it('lets the host’s mentors and the visitor’s admin change a visit, not its viewers', () => {
    const parties = { host: sumedang, visitor: garut };
    expect(visitPolicy.can(actor('mentor', sumedang), 'update', parties)).toBe(true);
    expect(visitPolicy.can(actor('body_admin', garut), 'manageFiles', parties)).toBe(true);
    expect(visitPolicy.can(actor('viewer', garut), 'delete', parties)).toBe(false);
    expect(visitPolicy.can(actor('body_admin', sumedang), 'update', parties)).toBe(false);
  });
});
