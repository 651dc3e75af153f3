import { z } from 'zod';
import { milestones } from '../followup/milestones';
import { adoptionStages } from './adoptions';
import { assessmentStatusSchema } from './assessments';
import { assistanceStatuses } from './assistance';
import { data, roleSchema } from './common';
import { orgRefSchema } from './fields';
import { itemStatuses, planStatuses } from './plans';
import { bodyIndexSchema } from './supervision';

// The home page (Beranda): GET /home answers one section per membership of the signed-in user —
// what waits on them in that body, each thing with the ids the web needs to link to the page
// where it is done. Lists carry their full count and only the first few items.

/** How many items each list of the home page names; `count` says how many there are in all. */
export const HOME_LIST_LIMIT = 5;
/** Open action items due within this many days (from today) are "due soon". */
export const DUE_SOON_DAYS = 14;

const int = z.number().int();
const list = <T extends z.ZodType>(item: T) => z.object({ count: int, items: z.array(item) });

/** An action item as the home page lists it (assigned to me, overdue, without owner or date). */
export const homeActionItemSchema = z.object({
  id: z.string(),
  planId: z.string(),
  title: z.string(),
  dueDate: z.string().nullable(),
  status: z.enum(itemStatuses),
  progress: int,
  overdue: z.boolean(),
});
export type HomeActionItem = z.infer<typeof homeActionItemSchema>;

/** Items assigned to the user in one body: counts by urgency and the most urgent ones. */
export const assignedSchema = z.object({
  open: int,
  overdue: int,
  dueSoon: int,
  items: z.array(homeActionItemSchema),
});

const draftSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('assessment'), id: z.string(), year: int, answered: int, total: int }),
  z.object({ kind: z.literal('plan'), id: z.string(), period: z.string(), itemCount: int }),
]);

const textSchema = z.object({ id: z.string(), en: z.string() });

/** A body's index by the one definition (shared/framework/body-index.ts), naming its framework. */
export const indexFigureSchema = bodyIndexSchema.extend({ framework: textSchema });

/**
 * A body's index beside its host's and its province's average (all three by the one definition),
 * with its latest official result and submitted self-assessment, and its years by framework.
 */
export const indexBlockSchema = z.object({
  latest: indexFigureSchema.nullable(),
  official: z.object({ year: int, index: z.number(), predicate: z.string() }).nullable(),
  /** The latest submitted self-assessment (its index as last submitted). */
  self: z
    .object({
      assessmentId: z.string(),
      year: int,
      index: z.number().nullable(),
      status: assessmentStatusSchema,
    })
    .nullable(),
  /** Oldest first; a framework change starts a new run of rows, never one series across it. */
  trend: z.array(
    z.object({
      year: int,
      framework: textSchema,
      official: z.number().nullable(),
      self: z.number().nullable(),
    }),
  ),
  host: orgRefSchema.extend({ latest: indexFigureSchema.nullable() }).nullable(),
  province: orgRefSchema
    .extend({ average: z.number().nullable(), count: int, framework: textSchema.nullable() })
    .nullable(),
});
export type IndexBlock = z.infer<typeof indexBlockSchema>;

/** A submitted plan's progress. */
export const planProgressSchema = z.object({
  id: z.string(),
  period: z.string(),
  status: z.enum(planStatuses),
  itemCount: int,
  doneCount: int,
  overdueCount: int,
});

/** Mentor access a host's visit asks of the body, waiting for the body's answer. */
const mentorAccessSchema = list(z.object({ host: orgRefSchema, requestedAt: z.string() }));

/** What the user may do from the home page for the body (the web shows links from these). */
export const homeAbilitiesSchema = z.object({ downloadReport: z.boolean() });

const base = {
  org: orgRefSchema,
  /** How many things in this section wait on the user: sections are ordered by it. */
  attention: int,
};

export const operatorSectionSchema = z.object({
  role: z.literal('operator'),
  ...base,
  /** Indicators of returned assessments that the reviewer reopened, with the reviewer's comment. */
  returned: list(
    z.object({ assessmentId: z.string(), year: int, indicator: int, comment: z.string().nullable() }),
  ),
  assigned: assignedSchema,
  /** Draft assessments and draft plans of the body. */
  drafts: list(draftSchema),
});

export const bodyAdminSectionSchema = z.object({
  role: z.literal('body_admin'),
  ...base,
  /** Assessments waiting for the body's submission (drafts) or resubmission (returned). */
  toSubmit: list(
    z.object({
      id: z.string(),
      year: int,
      status: assessmentStatusSchema,
      answered: int,
      total: int,
    }),
  ),
  /** Draft plans with items, to send to the leader. */
  plansToSubmit: list(z.object({ id: z.string(), period: z.string(), itemCount: int })),
  invitations: list(z.object({ id: z.string(), email: z.string(), role: roleSchema, expiresAt: z.string() })),
  /** Unfinished items without an owner (no assignee and no owner unit) or without a due date. */
  planGaps: z.object({
    count: int,
    noOwner: int,
    noDate: int,
    items: z.array(
      z.object({
        id: z.string(),
        planId: z.string(),
        title: z.string(),
        noOwner: z.boolean(),
        noDate: z.boolean(),
      }),
    ),
  }),
  mentorAccess: mentorAccessSchema,
  index: indexBlockSchema,
  /** The follow-through milestones (src/shared/followup) with the day each was reached. */
  followup: z.object({
    referenceDate: z.string().nullable(),
    milestones: z.array(z.object({ milestone: z.enum(milestones), date: z.string().nullable() })),
  }),
  /** The earliest open follow-up obligation of a study visit. */
  nextObligation: z
    .object({ visitId: z.string(), host: orgRefSchema, dueDate: z.string(), daysLeft: int })
    .nullable(),
  /** Items assigned to the user here, when they are not also an operator of the body. */
  assigned: assignedSchema.nullable(),
  abilities: homeAbilitiesSchema,
});

export const leaderSectionSchema = z.object({
  role: z.literal('leader'),
  ...base,
  /** Plans submitted for the leader's approval. */
  approvals: list(
    z.object({ id: z.string(), period: z.string(), itemCount: int, submittedAt: z.string().nullable() }),
  ),
  mentorAccess: mentorAccessSchema,
  commitment: z.object({
    current: z.object({ version: int, title: z.string() }).nullable(),
    /** The body's valid signature (the latest), if any. */
    signature: z
      .object({ id: z.string(), textVersion: int, signedAt: z.string(), signerName: z.string() })
      .nullable(),
    canSign: z.boolean(),
  }),
  index: indexBlockSchema,
  plan: planProgressSchema.nullable(),
  /** Overdue items of the body's plans, the longest overdue first. */
  escalations: list(homeActionItemSchema),
  abilities: homeAbilitiesSchema,
});

export const mentorSectionSchema = z.object({
  role: z.literal('mentor'),
  ...base,
  /** Active mentees of the host (bodies that confirmed its mentor access). */
  mentees: int,
  /** Submitted (or resubmitted) assessments of mentored bodies, and those in review. */
  reviews: list(
    z.object({
      id: z.string(),
      org: orgRefSchema,
      year: int,
      status: assessmentStatusSchema,
      round: int,
      submittedAt: z.string().nullable(),
    }),
  ),
  /** Assistance requests (questions) to the host that are open or in progress. */
  assistance: list(
    z.object({
      id: z.string(),
      org: orgRefSchema,
      topic: z.string(),
      status: z.enum(assistanceStatuses),
      createdAt: z.string(),
    }),
  ),
  /** Bodies replicating the host's practices: counts per stage and the latest moves. */
  followers: z.object({
    bodies: int,
    stageCounts: z.record(z.enum(adoptionStages), int),
    items: z.array(
      z.object({
        adoptionId: z.string(),
        org: orgRefSchema,
        practice: z.string(),
        stage: z.enum(adoptionStages),
        updatedAt: z.string(),
      }),
    ),
  }),
});

export const viewerSectionSchema = z.object({
  role: z.literal('viewer'),
  ...base,
  index: indexBlockSchema,
  plan: planProgressSchema.nullable(),
});

export const platformAdminSectionSchema = z.object({
  role: z.literal('platform_admin'),
  ...base,
  memberBodies: int,
  activeUsers: int,
  /** Emails that could not be delivered (the outbox page shows them). */
  failedEmails: int,
});

export const homeSectionSchema = z.discriminatedUnion('role', [
  operatorSectionSchema,
  bodyAdminSectionSchema,
  leaderSectionSchema,
  mentorSectionSchema,
  viewerSectionSchema,
  platformAdminSectionSchema,
]);
export type HomeSection = z.infer<typeof homeSectionSchema>;
export type HomeSectionRole = HomeSection['role'];
export type SectionOf<R extends HomeSectionRole> = Extract<HomeSection, { role: R }>;

export const homeReplySchema = data(
  z.object({
    /** Today in the platform's time zone (what "overdue" and "days left" were counted from). */
    today: z.string(),
    /** Most urgent first. */
    sections: z.array(homeSectionSchema),
  }),
);
export type HomeReply = z.infer<typeof homeReplySchema>;
