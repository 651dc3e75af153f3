import { z } from 'zod';
import type { TextKey } from '../texts';
import { pageQuerySchema } from './common';
import { orgRefSchema, text } from './fields';

// Requests for technical assistance (pendampingan teknis) from a body to a host.

export const assistanceStatuses = ['open', 'in_progress', 'resolved', 'closed'] as const;
export type AssistanceStatus = (typeof assistanceStatuses)[number];

/** Days a request may wait for the host's first response before the reminders job warns. */
export const ASSISTANCE_WAIT_DAYS = 7;
/** Days before an MoU/PKS expires that the reminders job warns the adopting body and the host. */
export const AGREEMENT_EXPIRY_WARNING_DAYS = 30;

// ---- technical assistance ----

export const assistanceCreateSchema = z.object({
  hostCode: z.string().trim().min(1).max(40),
  practiceId: z.uuid().optional(),
  adoptionId: z.uuid().optional(),
  topic: text(200).min(3),
  description: text(5000).default(''),
});

export const assistanceUpdateSchema = z
  .object({
    status: z.enum(assistanceStatuses).optional(),
    assignedMentorId: z.uuid().nullable().optional(),
    response: text(5000).optional(),
  })
  .refine((v) => v.status !== undefined || v.assignedMentorId !== undefined || !!v.response, {
    message: 'ASSISTANCE_NOTHING_TO_CHANGE' satisfies TextKey,
  });

export const assistanceAbilitiesSchema = z.object({ view: z.boolean(), update: z.boolean() });
export type AssistanceAbilities = z.infer<typeof assistanceAbilitiesSchema>;

export const assistanceSchema = z.object({
  id: z.string(),
  org: orgRefSchema,
  host: orgRefSchema,
  practice: z.object({ id: z.string(), title: z.string() }).nullable(),
  adoptionId: z.string().nullable(),
  topic: z.string(),
  description: z.string(),
  status: z.enum(assistanceStatuses),
  assignedMentor: z.object({ id: z.string(), name: z.string() }).nullable(),
  response: z.string(),
  createdAt: z.string(),
  firstResponseAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  /** Hours from the request to the host's first response / to resolution. */
  firstResponseHours: z.number().nullable(),
  resolutionHours: z.number().nullable(),
  abilities: assistanceAbilitiesSchema,
});
export type Assistance = z.infer<typeof assistanceSchema>;

export const assistanceListQuerySchema = pageQuerySchema.extend({
  /** The requesting body's code. */
  org: z.string().trim().min(1).max(40).optional(),
  /** The host's code. */
  host: z.string().trim().min(1).max(40).optional(),
  status: z.enum(assistanceStatuses).optional(),
});
