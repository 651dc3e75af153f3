import { describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/contracts/common';
import type { Actor } from '../../platform/auth/actor';
import type { OrgRef } from '../orgs/orgs.policy';
import { answeringMembership, answerPolicy, canViewQuestion, questionPolicy } from './questions.policy';

const garut: OrgRef = { id: 'garut', code: '32.05', type: 'regency', provinceCode: '32', isHost: false };
const actor = (role: Role, orgId: string, orgCode: string, mentored: string[] = []): Actor => ({
  userId: `${role}@${orgCode}`,
  email: 'x@example.test',
  name: 'X',
  locale: 'id',
  isSample: false,
  sessionId: 's',
  csrfToken: 'c',
  memberships: [{ id: 'm', orgId, orgCode, orgName: orgCode, orgType: 'regency', provinceCode: null, role }],
  mentoredOrgIds: mentored,
});
const q = (visibility: 'public' | 'private', askedBy: string | null = 'operator@32.05') => ({
  org: garut,
  visibility,
  askedBy,
  accepted: false,
});

describe('question policy', () => {
  const mentor = actor('mentor', 'sumedang', '32.11', ['garut']);
  const strangerMentor = actor('mentor', 'semarang', '33.74');
  const bandung = actor('body_admin', 'bandung', '32.04');
  const viewer = actor('viewer', 'garut', '32.05');

  it('hides a private question outside the body’s scope', () => {
    expect(canViewQuestion(bandung, q('public'))).toBe(true);
    expect(canViewQuestion(bandung, q('private'))).toBe(false);
    expect(canViewQuestion(strangerMentor, q('private'))).toBe(false);
    expect(canViewQuestion(mentor, q('private'))).toBe(true);
  });

  it('lets mentors, supervisors and (for public questions) other bodies answer; not viewers', () => {
    expect(questionPolicy.can(bandung, 'answer', q('public'))).toBe(true);
    expect(questionPolicy.can(bandung, 'answer', q('private'))).toBe(false);
    expect(questionPolicy.can(mentor, 'answer', q('private'))).toBe(true);
    expect(questionPolicy.can(viewer, 'answer', q('public'))).toBe(false);
  });

  it('leaves acceptance to the asker and the body admin', () => {
    const asker = actor('operator', 'garut', '32.05');
    const otherOperator = { ...asker, userId: 'someone-else' };
    expect(questionPolicy.can(asker, 'accept', q('public'))).toBe(true);
    expect(questionPolicy.can(otherOperator, 'accept', q('public'))).toBe(false);
    expect(questionPolicy.can(actor('body_admin', 'garut', '32.05'), 'accept', q('public'))).toBe(true);
    expect(questionPolicy.can(mentor, 'accept', q('public'))).toBe(false);
  });

  it('freezes answers once one is accepted', () => {
    expect(answerPolicy.can(mentor, 'edit', { authorId: mentor.userId, questionAccepted: false })).toBe(true);
    expect(answerPolicy.can(mentor, 'edit', { authorId: mentor.userId, questionAccepted: true })).toBe(false);
    expect(answerPolicy.can(bandung, 'delete', { authorId: mentor.userId, questionAccepted: false })).toBe(
      false,
    );
  });

  it('answers for the most specific body', () => {
    expect(answeringMembership(mentor, garut, ['sumedang'], true)?.orgCode).toBe('32.11');
    expect(answeringMembership(bandung, garut, ['sumedang'], true)?.orgCode).toBe('32.04');
    expect(answeringMembership(bandung, garut, ['sumedang'], false)).toBeUndefined();
  });
});
