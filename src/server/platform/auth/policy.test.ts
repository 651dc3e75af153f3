import { describe, expect, it } from 'vitest';
import type { Actor } from './actor';
import { definePolicy } from './policy';

const actor = (roles: string[]) => ({ memberships: roles.map((role) => ({ role })) }) as unknown as Actor;

describe('definePolicy', () => {
  const policy = definePolicy<{ locked: boolean }>()({
    read: () => true,
    edit: (a, s) => !s.locked && a.memberships.some((m) => m.role === 'operator'),
  });

  it('answers one action with can and every action with abilities', () => {
    expect(policy.can(actor(['operator']), 'edit', { locked: false })).toBe(true);
    expect(policy.can(actor(['viewer']), 'edit', { locked: false })).toBe(false);
    expect(policy.abilities(actor(['operator']), { locked: true })).toEqual({ read: true, edit: false });
  });
});
