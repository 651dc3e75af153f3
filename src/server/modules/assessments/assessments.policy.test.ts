import { describe, expect, it } from 'vitest';
import { actorWith, orgRef } from '../../../../tests/support/actors';
import type { AssessmentStatus } from '../../../shared/contracts/assessments';
import type { Role } from '../../../shared/contracts/common';
import type { Actor } from '../../platform/auth/actor';
import type { OrgRef } from '../orgs/orgs.policy';
import {
  assessmentItemPolicy,
  assessmentPolicy,
  canReviewAssessment,
  editableIn,
  transitionTarget,
} from './assessments.policy';

const assessmentAbilities = (a: Actor, org: OrgRef, status: AssessmentStatus) =>
  assessmentPolicy.abilities(a, { org, status });

const org = orgRef;
const garut = org('garut', '32.05', '32');
const sumedang = org('sumedang', '32.11', '32');
const jabar = org('jabar', '32', null, 'province');
const kemendagri = org('kemendagri', 'KEMENDAGRI', null, 'ministry');

const actor = (role: Role, at: OrgRef, mentored: string[] = []) => actorWith(role, at, { mentored });

describe('assessment policy', () => {
  it('follows the workflow draft → submitted → in review → returned/accepted', () => {
    expect(transitionTarget('submit', 'draft')).toBe('submitted');
    expect(transitionTarget('submit', 'returned')).toBeNull();
    expect(transitionTarget('start_review', 'resubmitted')).toBe('in_review');
    expect(transitionTarget('return', 'in_review')).toBe('returned');
    expect(transitionTarget('accept', 'submitted')).toBeNull();
    expect(editableIn('draft')).toBe('all');
    expect(editableIn('returned')).toBe('reopened');
    expect(editableIn('accepted')).toBe('none');
  });

  it('lets mentors, the province and (for bodies without a province) the nation review, never their own body', () => {
    expect(canReviewAssessment(actor('mentor', sumedang, ['garut']), garut)).toBe(true);
    expect(canReviewAssessment(actor('mentor', sumedang, ['garut']), sumedang)).toBe(false);
    expect(canReviewAssessment(actor('province_supervisor', jabar), garut)).toBe(true);
    expect(canReviewAssessment(actor('province_supervisor', jabar), jabar)).toBe(false);
    expect(canReviewAssessment(actor('national_supervisor', kemendagri), garut)).toBe(false);
    expect(canReviewAssessment(actor('national_supervisor', kemendagri), jabar)).toBe(true);
    expect(canReviewAssessment(actor('body_admin', garut), garut)).toBe(false);
  });

  it('gives each role its abilities for the status', () => {
    expect(assessmentAbilities(actor('operator', garut), garut, 'draft')).toMatchObject({
      edit: true,
      submit: false,
      startReview: false,
    });
    expect(assessmentAbilities(actor('body_admin', garut), garut, 'draft')).toMatchObject({
      edit: true,
      submit: true,
    });
    expect(assessmentAbilities(actor('viewer', garut), garut, 'draft')).toMatchObject({
      edit: false,
      comment: false,
    });
    expect(assessmentAbilities(actor('operator', garut), garut, 'submitted').edit).toBe(false);
    expect(assessmentAbilities(actor('province_supervisor', jabar), garut, 'in_review')).toMatchObject({
      accept: true,
      return: true,
      edit: false,
      comment: true,
    });
  });

  it('lets an editor change an item in draft, and only a reopened one when returned', () => {
    const editor = actor('operator', garut);
    const item = (status: AssessmentStatus, reopened: boolean) =>
      assessmentItemPolicy.can(editor, 'edit', { org: garut, status, reopened });
    expect(item('draft', false)).toBe(true);
    expect(item('returned', false)).toBe(false);
    expect(item('returned', true)).toBe(true);
    expect(item('submitted', true)).toBe(false);
    expect(
      assessmentItemPolicy.can(actor('viewer', garut), 'edit', {
        org: garut,
        status: 'draft',
        reopened: false,
      }),
    ).toBe(false);
  });
});
