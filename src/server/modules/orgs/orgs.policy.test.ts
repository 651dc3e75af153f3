import { describe, expect, it } from 'vitest';
import { actorWith } from '../../../../tests/support/actors';
import type { Role } from '../../../shared/contracts/common';
import { grantableRoles, inOrgScope, type OrgRef, orgAbilities, roleGrantProblem } from './orgs.policy';

const garut: OrgRef = { id: 'garut', code: '32.05', type: 'regency', provinceCode: '32', isHost: false };
const sumedang: OrgRef = { id: 'sumedang', code: '32.11', type: 'regency', provinceCode: '32', isHost: true };
const jabar: OrgRef = { id: 'jabar', code: '32', type: 'province', provinceCode: null, isHost: false };
const semarang: OrgRef = { id: 'semarang', code: '33.74', type: 'city', provinceCode: '33', isHost: false };
const kemendagri: OrgRef = {
  id: 'kemendagri',
  code: 'KEMENDAGRI',
  type: 'ministry',
  provinceCode: null,
  isHost: false,
};

const actor = (role: Role, org: OrgRef, mentored: string[] = []) => actorWith(role, org, { mentored });

describe('inOrgScope', () => {
  it('limits body roles to their own body', () => {
    for (const role of ['body_admin', 'leader', 'operator', 'viewer'] as const) {
      expect(inOrgScope(actor(role, garut), garut)).toBe(true);
      expect(inOrgScope(actor(role, garut), sumedang)).toBe(false);
    }
  });

  it('gives a province supervisor the province and its kab/kota only', () => {
    const a = actor('province_supervisor', jabar);
    expect(inOrgScope(a, jabar)).toBe(true);
    expect(inOrgScope(a, garut)).toBe(true);
    expect(inOrgScope(a, semarang)).toBe(false);
  });

  it('gives national supervisors and platform admins everything', () => {
    expect(inOrgScope(actor('national_supervisor', kemendagri), semarang)).toBe(true);
    expect(inOrgScope(actor('platform_admin', kemendagri), semarang)).toBe(true);
  });

  it('gives a mentor the host and the bodies it mentors', () => {
    const a = actor('mentor', sumedang, ['garut']);
    expect(inOrgScope(a, sumedang)).toBe(true);
    expect(inOrgScope(a, garut)).toBe(true);
    expect(inOrgScope(a, semarang)).toBe(false);
  });
});

describe('abilities and role grants', () => {
  it('lets only the body admin (or platform admin) manage users', () => {
    expect(orgAbilities(actor('body_admin', garut), garut)).toEqual({
      readPrivate: true,
      manageUsers: true,
      update: false,
      delete: false,
      changeSharing: true,
      decideMentorAccess: true,
      downloadReport: true,
    });
    expect(orgAbilities(actor('operator', garut), garut).manageUsers).toBe(false);
    expect(orgAbilities(actor('province_supervisor', jabar), garut).manageUsers).toBe(false);
    expect(orgAbilities(actor('platform_admin', kemendagri), garut)).toEqual({
      readPrivate: true,
      manageUsers: true,
      update: true,
      delete: true,
      changeSharing: true,
      decideMentorAccess: true,
      downloadReport: true,
    });
    expect(orgAbilities(actor('operator', garut), garut).decideMentorAccess).toBe(false);
    expect(orgAbilities(actor('province_supervisor', jabar), garut).decideMentorAccess).toBe(true);
  });

  it('gives the leader report to the body’s leader and admin and to the supervisors over it', () => {
    const may = (role: Role, org: OrgRef, body: OrgRef, mentored: string[] = []) =>
      orgAbilities(actor(role, org, mentored), body).downloadReport;
    expect(may('leader', garut, garut)).toBe(true);
    expect(may('body_admin', garut, garut)).toBe(true);
    expect(may('province_supervisor', jabar, garut)).toBe(true);
    expect(may('province_supervisor', jabar, jabar)).toBe(true);
    expect(may('national_supervisor', kemendagri, semarang)).toBe(true);
    expect(may('platform_admin', kemendagri, semarang)).toBe(true);
    expect(may('operator', garut, garut)).toBe(false);
    expect(may('viewer', garut, garut)).toBe(false);
    expect(may('mentor', sumedang, garut, ['garut'])).toBe(false);
    expect(may('leader', garut, sumedang)).toBe(false);
    expect(may('province_supervisor', jabar, semarang)).toBe(false);
  });

  it('keeps supervisor roles for platform admins and the right kind of body', () => {
    expect(roleGrantProblem(actor('body_admin', garut), garut, 'operator')).toBeNull();
    expect(roleGrantProblem(actor('body_admin', garut), garut, 'platform_admin')).toBe('FORBIDDEN');
    expect(roleGrantProblem(actor('body_admin', garut), garut, 'province_supervisor')).toBe(
      'ROLE_NOT_FOR_ORG',
    );
    expect(roleGrantProblem(actor('body_admin', garut), garut, 'mentor')).toBe('ROLE_NOT_FOR_ORG');
    expect(roleGrantProblem(actor('body_admin', sumedang), sumedang, 'mentor')).toBeNull();
    expect(roleGrantProblem(actor('platform_admin', kemendagri), jabar, 'province_supervisor')).toBeNull();
    expect(roleGrantProblem(actor('platform_admin', kemendagri), garut, 'national_supervisor')).toBe(
      'ROLE_NOT_FOR_ORG',
    );
    expect(roleGrantProblem(actor('operator', garut), garut, 'viewer')).toBe('FORBIDDEN');
  });

  it('lists exactly the roles the actor may grant, for the web to offer', () => {
    expect(grantableRoles(actor('body_admin', garut), garut)).toEqual([
      'body_admin',
      'leader',
      'operator',
      'viewer',
    ]);
    expect(grantableRoles(actor('body_admin', sumedang), sumedang)).toContain('mentor');
    expect(grantableRoles(actor('operator', garut), garut)).toEqual([]);
    expect(grantableRoles(actor('platform_admin', kemendagri), jabar)).toContain('province_supervisor');
  });
});
