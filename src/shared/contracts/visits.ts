import { z } from 'zod';
import type { TextKey } from '../texts';
import { data, idReplySchema, paged, pageQuerySchema } from './common';

// Study visits and programmes: one contract for the database enums, the server and the web.

export const obligationStatuses = ['open', 'met', 'missed'] as const;
export type ObligationStatus = (typeof obligationStatuses)[number];

/**
 * The mentor access a visit gives the host's mentors over the visiting body: `pending` until the
 * visiting body (its admin or leader) or a supervisor over it confirms, then `active`; `declined`
 * gives no access.
 */
export const mentorAccessStatuses = ['pending', 'active', 'declined'] as const;
export type MentorAccessStatus = (typeof mentorAccessStatuses)[number];
export const mentorAccessDecisions = ['confirm', 'decline'] as const;
export type MentorAccessDecision = (typeof mentorAccessDecisions)[number];

const isoDate = z.iso.date({ message: 'VISIT_DATE_FORMAT' satisfies TextKey });
const orgCode = z.string().trim().min(1).max(40);

export const delegateSchema = z.object({
  name: z.string().trim().min(2).max(120),
  position: z.string().trim().max(120).default(''),
  role: z.string().trim().max(80).default(''),
});

export const visitBodySchema = z
  .object({
    hostCode: orgCode,
    visitorCode: orgCode,
    programmeId: z.uuid().nullable().optional(),
    startDate: isoDate,
    endDate: isoDate,
    delegates: z.array(delegateSchema).max(100).default([]),
    indicators: z.array(z.number().int().positive()).max(100).default([]),
    notes: z.string().max(10_000).default(''),
  })
  .refine((v) => v.endDate >= v.startDate, {
    path: ['endDate'],
    message: 'VISIT_END_BEFORE_START' satisfies TextKey,
  })
  .refine((v) => v.hostCode !== v.visitorCode, {
    path: ['visitorCode'],
    message: 'VISIT_SAME_AS_HOST' satisfies TextKey,
  });
export type VisitBody = z.infer<typeof visitBodySchema>;

export const visitListQuerySchema = pageQuerySchema.extend({
  org: orgCode.optional(),
  programme: z.uuid().optional(),
  q: z.string().trim().max(100).optional(),
  /** Only visits whose host's mentor access is in this state (e.g. pending: awaiting an answer). */
  access: z.enum(mentorAccessStatuses).optional(),
});
export type VisitListQuery = z.infer<typeof visitListQuerySchema>;

export const visitParamsSchema = z.object({ id: z.uuid() });
export const visitFileParamsSchema = visitParamsSchema.extend({ fileId: z.uuid() });

export const visitSchema = z.object({
  id: z.string(),
  host: z.object({ code: z.string(), name: z.string() }),
  visitor: z.object({ code: z.string(), name: z.string() }),
  programme: z.object({ id: z.string(), name: z.string() }).nullable(),
  startDate: z.string(),
  endDate: z.string(),
  /** The framework the studied indicators are numbered in (the one of the visit's year). */
  frameworkId: z.string(),
  indicators: z.array(z.number().int()),
  notes: z.string(),
  delegates: z.array(z.object({ id: z.string(), name: z.string(), position: z.string(), role: z.string() })),
  files: z.array(z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number() })),
  obligation: z
    .object({ id: z.string(), dueDate: z.string(), status: z.enum(obligationStatuses) })
    .nullable(),
  /** The host's mentors' access to the visiting body (null: the grant was removed meanwhile). */
  mentorAccess: z.enum(mentorAccessStatuses).nullable(),
  isSample: z.boolean(),
  createdAt: z.string(),
});
export type Visit = z.infer<typeof visitSchema>;

/** What the actor may do with a visit (one rule in visits.policy.ts answers all of them). */
export const visitAbilitiesSchema = z.object({
  update: z.boolean(),
  delete: z.boolean(),
  manageFiles: z.boolean(),
  /** Confirm or decline the mentor access (the visiting body's admin/leader, its supervisors). */
  decideAccess: z.boolean(),
});
export type VisitAbilities = z.infer<typeof visitAbilitiesSchema>;

/** The list says whether the actor may record a visit at all (the button on the visits page). */
export const visitListAbilitiesSchema = z.object({ record: z.boolean() });
export const visitListSchema = paged(visitSchema).extend({ abilities: visitListAbilitiesSchema });
export type VisitList = z.infer<typeof visitListSchema>;

export const visitReplySchema = data(visitSchema);
export const visitDetailSchema = data(visitSchema).extend({ abilities: visitAbilitiesSchema });
export type VisitDetail = z.infer<typeof visitDetailSchema>;
export const visitFileReplySchema = data(z.object({ id: z.string(), name: z.string() }));

export const programmeBodySchema = z.object({
  name: z.string().trim().min(3).max(200),
  description: z.string().max(5000).default(''),
  year: z.number().int().min(2018).max(2100).nullable().optional(),
  followUpDays: z.number().int().min(7).max(365).default(60),
  /** Share of the gap to the host a member must close to count as following the host's path. */
  pathThresholdPercent: z.number().int().min(1).max(100).default(25),
});
export type ProgrammeBody = z.infer<typeof programmeBodySchema>;

export const programmeMemberBodySchema = z.object({ orgCode: orgCode });
export const programmeMemberParamsSchema = visitParamsSchema.extend({ code: orgCode });

export const programmeSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  year: z.number().int().nullable(),
  followUpDays: z.number().int(),
  pathThresholdPercent: z.number().int(),
  memberCount: z.number().int(),
  visitCount: z.number().int(),
  isSample: z.boolean(),
});
export type Programme = z.infer<typeof programmeSchema>;

/** Programmes are run nationally: the same answer for the list and for one programme. */
export const programmeAbilitiesSchema = z.object({
  create: z.boolean(),
  update: z.boolean(),
  manageMembers: z.boolean(),
});
export type ProgrammeAbilities = z.infer<typeof programmeAbilitiesSchema>;

export const programmeListSchema = z.object({
  data: z.array(programmeSchema),
  abilities: programmeAbilitiesSchema,
});
export type ProgrammeList = z.infer<typeof programmeListSchema>;

export const programmeMemberSchema = z.object({ code: z.string(), name: z.string(), type: z.string() });
export const programmeDetailSchema = z.object({
  data: programmeSchema.extend({ members: z.array(programmeMemberSchema) }),
  abilities: programmeAbilitiesSchema,
});
export type ProgrammeDetail = z.infer<typeof programmeDetailSchema>;
export const programmeCreatedSchema = idReplySchema;
