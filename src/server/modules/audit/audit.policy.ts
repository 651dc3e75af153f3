import { type Actor, isPlatformAdmin } from '../../platform/auth/actor';
import { definePolicy } from '../../platform/auth/policy';

/**
 * Whose events the actor may read: every body's and the platform's own (null), or the events of
 * the bodies where they are body admin (possibly none).
 */
export function auditScope(actor: Actor): string[] | null {
  if (isPlatformAdmin(actor)) return null;
  return actor.memberships.filter((m) => m.role === 'body_admin').map((m) => m.orgId);
}

// The one rule for reading the audit log: the log page, and `abilities.readAudit` of /me.
export const auditPolicy = definePolicy<null>()({
  read: (actor) => auditScope(actor)?.length !== 0,
});
