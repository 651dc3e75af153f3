// English of messages-followup.ts, loaded only when the interface is in English (i18n.tsx).
import type { FollowupMessages } from './messages-followup';
import { enPlans } from './messages-plans.en';
import { enVisits } from './messages-visits.en';

export const enFollowup: FollowupMessages = { ...enVisits, ...enPlans };
