import { z } from 'zod';
import { roleSchema } from './common';

// The service's own state: the health probe and what the web needs before anyone signs in.
export const databaseEngineSchema = z.enum(['pglite', 'postgres']);

export const healthSchema = z.object({
  status: z.literal('ok'),
  database: databaseEngineSchema,
  version: z.string(),
});
export const unavailableSchema = healthSchema.extend({ status: z.literal('unavailable') });

export const metaSchema = z.object({
  version: z.string(),
  database: databaseEngineSchema,
  sampleMode: z.boolean(),
  sampleAccounts: z.array(z.object({ email: z.string(), role: roleSchema, org: z.string() })),
  samplePassword: z.string().nullable(),
  /** The zone calendar days and times are shown in (REMINDER_TIME_ZONE). */
  timeZone: z.string(),
});
export type Meta = z.infer<typeof metaSchema>;
