import { z } from 'zod';
import { pageQuerySchema } from '../contracts/common';

const isoDate = z.iso.date({ message: 'Tanggal YYYY-MM-DD / date YYYY-MM-DD' });
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
    message: 'Sebelum tanggal mulai / before the start date',
  })
  .refine((v) => v.hostCode !== v.visitorCode, {
    path: ['visitorCode'],
    message: 'Sama dengan tuan rumah / same as the host',
  });
export type VisitBody = z.infer<typeof visitBodySchema>;

export const visitListQuerySchema = pageQuerySchema.extend({
  org: orgCode.optional(),
  programme: z.uuid().optional(),
  q: z.string().trim().max(100).optional(),
});

export const visitSchema = z.object({
  id: z.string(),
  host: z.object({ code: z.string(), name: z.string() }),
  visitor: z.object({ code: z.string(), name: z.string() }),
  programme: z.object({ id: z.string(), name: z.string() }).nullable(),
  startDate: z.string(),
  endDate: z.string(),
  indicators: z.array(z.number().int()),
  notes: z.string(),
  delegates: z.array(z.object({ id: z.string(), name: z.string(), position: z.string(), role: z.string() })),
  files: z.array(z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number() })),
  obligation: z
    .object({ id: z.string(), dueDate: z.string(), status: z.enum(['open', 'met', 'missed']) })
    .nullable(),
  isSample: z.boolean(),
  createdAt: z.string(),
});
export type Visit = z.infer<typeof visitSchema>;

export const programmeBodySchema = z.object({
  name: z.string().trim().min(3).max(200),
  description: z.string().max(5000).default(''),
  year: z.number().int().min(2018).max(2100).nullable().optional(),
  followUpDays: z.number().int().min(7).max(365).default(60),
  /** Share of the gap to the host a member must close to count as following the host's path. */
  pathThresholdPercent: z.number().int().min(1).max(100).default(25),
});

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
