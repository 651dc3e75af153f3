import { isPlatformAdmin } from '../../platform/auth/actor';
import { definePolicy } from '../../platform/auth/policy';

// Frameworks are public to read and to calculate with; loading another framework from its JSON
// definition changes what every body may be assessed against, so it is the platform admins' task.
export const frameworkPolicy = definePolicy<unknown>()({
  load: (actor) => isPlatformAdmin(actor),
});
