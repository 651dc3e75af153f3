import type { OutboxAbilities } from '../../../shared/contracts/outbox';
import { type Actor, isPlatformAdmin } from '../../platform/auth/actor';
import { definePolicy, type Policy } from '../../platform/auth/policy';

// The outbox holds password-reset and invitation links: only platform admins read it.
export const outboxPolicy: Policy<null, keyof OutboxAbilities> = definePolicy<null>()({
  read: (actor: Actor) => isPlatformAdmin(actor),
});
