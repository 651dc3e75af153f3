import { replicatingStages } from '../../../shared/contracts/adoptions';
import type { Actor } from '../../platform/auth/actor';
import { definePolicy } from '../../platform/auth/policy';

// The public portal and its open data are for anyone, signed in or not: the routes are `public`
// and the policy grants reading to every caller. What keeps it safe is WHAT is public, decided
// here once and used by the queries as filters: a record leaves through the portal only when it
// is public by nature. Users, drafts, evidence, comments and self-assessed levels never do.

export const publicPolicy = definePolicy<unknown, Actor | null>()({ read: () => true });

/** Practices in the public catalogue (drafts and archived ones are their host's). */
export const publicPracticeStatuses = ['published'] as const;

/**
 * Replications shown on a body's page: agreed (MoU/PKS) or later and not dropped, the stages the
 * follow-up measure counts as "replicating". An interest alone is the body's own intention.
 */
export const publicAdoptionStages = replicatingStages;
