import { z } from 'zod';
import { pageQuerySchema } from './common';

export const auditQuerySchema = pageQuerySchema.extend({
  actor: z.string().trim().max(254).optional(),
  org: z.string().trim().max(40).optional(),
  action: z.string().trim().max(80).optional(),
  entityType: z.string().trim().max(80).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

export const auditEventSchema = z.object({
  seq: z.number(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorEmail: z.string().nullable(),
  orgId: z.string().nullable(),
  orgCode: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  summary: z.unknown(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
});
