import { z } from 'zod';
import type { TextKey } from '../texts';
import { assistanceStatuses } from './assistance';
import { httpUrl, isoDate, orgRefSchema, text } from './fields';
import { practiceSummarySchema, practiceTypes } from './practices';

// The replication ledger (replikasi): a body adopting a host's practice, stage by stage.

/** interested → agreed → adapting → live → measured, or dropped (with a reason) from any open stage. */
export const adoptionStages = ['interested', 'agreed', 'adapting', 'live', 'measured', 'dropped'] as const;
export type AdoptionStage = (typeof adoptionStages)[number];

/** The one table of allowed moves; the server enforces it and the web shows the buttons from it. */
export const adoptionMoves: Record<AdoptionStage, readonly AdoptionStage[]> = {
  interested: ['agreed', 'dropped'],
  agreed: ['adapting', 'dropped'],
  adapting: ['live', 'dropped'],
  live: ['measured', 'dropped'],
  measured: [],
  // A dropped replication can be taken up again from the start.
  dropped: ['interested'],
};
/** Stages that count as "replicating" for the follow-up measure (agreed or later, not dropped). */
export const replicatingStages = [
  'agreed',
  'adapting',
  'live',
  'measured',
] as const satisfies readonly AdoptionStage[];

// ---- adoptions ----

export const adoptionCreateSchema = z.object({
  practiceId: z.uuid(),
  note: text(2000).default(''),
  /** Also add the practice's indicators as items of the body's plan (created when none exists). */
  createItems: z.boolean().default(false),
  planId: z.uuid().optional(),
});

export const agreementSchema = z
  .object({
    mouNumber: text(120).optional(),
    pksNumber: text(120).optional(),
    parties: z.array(text(200).min(2)).min(2).max(10),
    signedOn: isoDate,
    startsOn: isoDate.optional(),
    expiresOn: isoDate.optional(),
    /** The signed document in the adopting body's evidence locker. */
    fileId: z.uuid().optional(),
  })
  .refine((v) => !!(v.mouNumber || v.pksNumber), {
    path: ['mouNumber'],
    message: 'AGREEMENT_NUMBER_REQUIRED' satisfies TextKey,
  })
  .refine((v) => !v.expiresOn || v.expiresOn > v.signedOn, {
    path: ['expiresOn'],
    message: 'AGREEMENT_EXPIRY_BEFORE_SIGNING' satisfies TextKey,
  });
export type Agreement = z.infer<typeof agreementSchema>;

export const measuredLevelSchema = z.object({
  indicator: z.number().int().min(1).max(999),
  before: z.number().int().min(1).max(5),
  after: z.number().int().min(1).max(5),
});

/** What each move must record. */
export const adoptionTransitionBodies = {
  interested: z.object({ note: text(2000).default('') }),
  agreed: z.object({ note: text(2000).default(''), agreement: agreementSchema }),
  adapting: z.object({ note: text(2000).default('') }),
  live: z
    .object({ note: text(2000).default(''), url: httpUrl.optional(), fileId: z.uuid().optional() })
    .refine((v) => !!(v.url || v.fileId), {
      path: ['url'],
      message: 'LIVE_PROOF_REQUIRED' satisfies TextKey,
    }),
  measured: z.object({ note: text(2000).default(''), levels: z.array(measuredLevelSchema).min(1).max(60) }),
  dropped: z.object({ note: text(2000).default(''), reason: text(2000).min(3) }),
} as const satisfies Record<AdoptionStage, z.ZodType>;

export const adoptionTransitionSchema = z.object({
  from: z.enum(adoptionStages).nullable(),
  to: z.enum(adoptionStages),
  at: z.string(),
  user: z.string().nullable(),
  note: z.string(),
  details: z.record(z.string(), z.unknown()).nullable(),
});

export const adoptionAbilitiesSchema = z.object({
  view: z.boolean(),
  /** Whether the actor moves this replication at all; `moves` are the stages open from here. */
  move: z.boolean(),
  moves: z.array(z.enum(adoptionStages)),
  requestAssistance: z.boolean(),
});
export type AdoptionAbilities = z.infer<typeof adoptionAbilitiesSchema>;

export const adoptionSchema = z.object({
  id: z.string(),
  practice: z.object({
    id: z.string(),
    title: z.string(),
    type: z.enum(practiceTypes),
    /** The framework its indicators (and the measured levels) are numbered in. */
    frameworkId: z.string(),
  }),
  host: orgRefSchema,
  org: orgRefSchema,
  stage: z.enum(adoptionStages),
  agreement: z
    .object({
      mouNumber: z.string().nullable(),
      pksNumber: z.string().nullable(),
      parties: z.array(z.string()),
      signedOn: z.string(),
      startsOn: z.string().nullable(),
      expiresOn: z.string().nullable(),
      file: z.object({ id: z.string(), name: z.string() }).nullable(),
    })
    .nullable(),
  live: z
    .object({ url: z.string().nullable(), file: z.object({ id: z.string(), name: z.string() }).nullable() })
    .nullable(),
  measured: z.array(measuredLevelSchema).nullable(),
  droppedReason: z.string().nullable(),
  transitions: z.array(adoptionTransitionSchema),
  itemCount: z.number().int(),
  isSample: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: adoptionAbilitiesSchema,
});
export type Adoption = z.infer<typeof adoptionSchema>;

// ---- practices for a body's gaps ----

export const suggestionQuerySchema = z.object({
  /** Absent: the framework of the body's latest levels, else the one of the current year. */
  frameworkId: z.string().trim().min(1).max(60).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/** Where the body's current levels came from; `none` means every indicator was taken as level 1. */
export const levelBasisSchema = z.object({
  source: z.enum(['official', 'assessment', 'none']),
  year: z.number().int().nullable(),
  status: z.string().nullable(),
  note: z.string(),
});

export const practiceSuggestionSchema = z.object({
  practice: practiceSummarySchema,
  /** Index points the practice's indicators would add: Σ weight × max(0, practice − body) / 100. */
  gain: z.number(),
  indicators: z.array(
    z.object({
      indicator: z.number().int(),
      weight: z.number(),
      bodyLevel: z.number().int(),
      practiceLevel: z.number().int(),
      gain: z.number(),
    }),
  ),
  /** The body's own replication of this practice, if any. */
  adoption: z.object({ id: z.string(), stage: z.enum(adoptionStages) }).nullable(),
});

// ---- a host's followers ----

export const followersSchema = z.object({
  host: orgRefSchema,
  stageCounts: z.record(z.enum(adoptionStages), z.number().int()),
  bodies: z.array(
    z.object({
      org: orgRefSchema,
      adoptions: z.array(
        z.object({
          id: z.string(),
          practice: z.object({ id: z.string(), title: z.string() }),
          stage: z.enum(adoptionStages),
          /** When the adoption reached its current stage. */
          since: z.string(),
        }),
      ),
      openAssistance: z.array(
        z.object({
          id: z.string(),
          topic: z.string(),
          status: z.enum(assistanceStatuses),
          createdAt: z.string(),
        }),
      ),
    }),
  ),
});
export type Followers = z.infer<typeof followersSchema>;
