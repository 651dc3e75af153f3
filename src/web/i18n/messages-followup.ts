import { idPlans } from './messages-plans';
import { idVisits } from './messages-visits';

// UI text of the follow-through area: visits, programmes, commitments and notifications
// (./messages-visits.ts), plans and the follow-up stages (./messages-plans.ts).
export const idFollowup = { ...idVisits, ...idPlans };

export type FollowupMessages = typeof idFollowup;
