import { describe, expect, it } from 'vitest';
import { actorWith as actor, orgRef } from '../../../../tests/support/actors';
import type { PlanStatus } from '../../../shared/contracts/plans';
import {
  editableItemFields,
  itemPolicy,
  maySetItemStatus,
  planPolicy,
  planTransitionTarget,
} from './plans.policy';

const org = (id: string, code: string, provinceCode: string | null) =>
  orgRef(id, code, provinceCode, provinceCode ? 'regency' : 'province');
const garut = org('garut', '32.05', '32');
const jabar = org('jabar', '32', null);

const plan = (status: PlanStatus) => ({ org: garut, status });

describe('plan policy', () => {
  it('moves draft → submitted → approved, back to draft by return or revise', () => {
    expect(planTransitionTarget('submit', 'draft')).toBe('submitted');
    expect(planTransitionTarget('approve', 'submitted')).toBe('approved');
    expect(planTransitionTarget('return', 'submitted')).toBe('draft');
    expect(planTransitionTarget('revise', 'approved')).toBe('draft');
    expect(planTransitionTarget('approve', 'draft')).toBeNull();
  });

  it('has one rule of what is editable: all in draft, execution once approved, nothing while submitted', () => {
    expect(editableItemFields('draft')).toBe('all');
    expect(editableItemFields('approved')).toBe('execution');
    expect(editableItemFields('submitted')).toBe('none');
    const operator = actor('operator', garut);
    expect(itemPolicy.abilities(operator, plan('draft'))).toMatchObject({
      edit: true,
      update: true,
      delete: true,
    });
    expect(itemPolicy.abilities(operator, plan('approved'))).toMatchObject({ edit: false, update: true });
    expect(itemPolicy.abilities(operator, plan('submitted'))).toMatchObject({ edit: false, update: false });
  });

  it('gives each step to its role: the body admin submits, the leader approves', () => {
    const admin = actor('body_admin', garut);
    const leader = actor('leader', garut);
    expect(planPolicy.abilities(admin, plan('draft'))).toMatchObject({ submit: true, approve: false });
    expect(planPolicy.abilities(leader, plan('submitted'))).toMatchObject({ approve: true, return: true });
    expect(planPolicy.can(leader, 'submit', plan('draft'))).toBe(false);
    expect(planPolicy.can(actor('operator', garut), 'submit', plan('draft'))).toBe(false);
  });

  it('lets the province verify items, the body comment, and nobody outside it do either', () => {
    const province = actor('province_supervisor', jabar);
    const viewer = actor('viewer', garut);
    expect(maySetItemStatus(province, plan('approved'), 'verified')).toBe(true);
    expect(maySetItemStatus(province, plan('approved'), 'done')).toBe(false);
    expect(maySetItemStatus(actor('operator', garut), plan('approved'), 'verified')).toBe(false);
    expect(itemPolicy.abilities(province, plan('approved'))).toMatchObject({ verify: true, comment: true });
    expect(itemPolicy.abilities(viewer, plan('approved'))).toMatchObject({
      comment: true,
      update: false,
      linkEvidence: false,
    });
    expect(
      planPolicy.can(
        actor('national_supervisor', org('kemendagri', 'KEMENDAGRI', null)),
        'comment',
        plan('draft'),
      ),
    ).toBe(false);
  });
});
