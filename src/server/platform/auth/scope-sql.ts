import { or, type SQL, sql } from 'drizzle-orm';
import type { Actor, ActorMembership } from './actor';

/**
 * A list's scope as SQL: null (everything) when the actor holds a national role, otherwise any of
 * the conditions its memberships give, and false when they give none. Each area says only what
 * one membership of another role sees.
 */
export function scopeSql(actor: Actor, membershipScope: (m: ActorMembership) => SQL[]): SQL | null {
  if (actor.memberships.some((m) => m.role === 'platform_admin' || m.role === 'national_supervisor'))
    return null;
  const parts = actor.memberships.flatMap(membershipScope);
  return parts.length ? or(...parts)! : sql`false`;
}
