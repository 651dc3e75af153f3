import parseSpdx from 'spdx-expression-parse';
import { z } from 'zod';
import { pageQuerySchema } from '../schemas/common';

// The practice catalogue (katalog praktik baik), the replication ledger (replikasi) and requests
// for technical assistance. One contract for the database enums, the server and the web.

export const practiceTypes = [
  'application',
  'regulation',
  'sop',
  'organisation',
  'infrastructure',
  'public_service',
] as const;
export type PracticeType = (typeof practiceTypes)[number];

export const practiceStatuses = ['draft', 'published', 'archived'] as const;
export type PracticeStatus = (typeof practiceStatuses)[number];

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

export const assistanceStatuses = ['open', 'in_progress', 'resolved', 'closed'] as const;
export type AssistanceStatus = (typeof assistanceStatuses)[number];

/** Days a request may wait for the host's first response before the reminders job warns. */
export const ASSISTANCE_WAIT_DAYS = 7;
/** Days before an MoU/PKS expires that the reminders job warns the adopting body and the host. */
export const AGREEMENT_EXPIRY_WARNING_DAYS = 30;

const isoDate = z.iso.date({ message: 'Tanggal YYYY-MM-DD / date YYYY-MM-DD' });
const text = (max: number) => z.string().trim().max(max);
const httpUrl = z
  .string()
  .trim()
  .max(500)
  .pipe(z.url({ protocol: /^https?$/, message: 'URL http(s) tidak valid / invalid http(s) URL' }));

/** An SPDX licence expression such as "MIT" or "GPL-3.0-or-later OR Apache-2.0". */
export const spdxSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine(
    (v) => {
      try {
        parseSpdx(v);
        return true;
      } catch {
        return false;
      }
    },
    {
      message: 'Bukan lisensi SPDX yang dikenal (mis. MIT, Apache-2.0) / not a known SPDX licence (e.g. MIT)',
    },
  );

export const practiceIndicatorSchema = z.object({
  indicator: z.number().int().min(1).max(999),
  /** The level the host reached with this practice. */
  level: z.number().int().min(1).max(5),
});

export const sourceCodeSchema = z.object({
  repoUrl: httpUrl,
  license: spdxSchema,
  stack: text(300).default(''),
});

const practiceFields = z.object({
  title: text(200).min(3),
  summary: text(2000).min(10),
  problem: text(5000).default(''),
  type: z.enum(practiceTypes),
  frameworkId: z.string().trim().min(1).max(60).default('spbe-2020'),
  indicators: z.array(practiceIndicatorSchema).min(1).max(60),
  sourceCode: sourceCodeSchema.nullable().default(null),
  prerequisites: text(5000).default(''),
  effort: text(500).default(''),
  durationWeeks: z.number().int().min(1).max(520).nullable().default(null),
  /** Users who are mentors of the host body. */
  contactUserIds: z.array(z.uuid()).max(20).default([]),
  /** Files in the host's evidence locker (documents, templates). */
  fileIds: z.array(z.uuid()).max(50).default([]),
  status: z.enum(practiceStatuses).default('draft'),
  /** The version the edit started from (updates only); a stale one answers 409. */
  version: z.number().int().min(0).optional(),
});
const distinctIndicators = (v: { indicators: { indicator: number }[] }) =>
  new Set(v.indicators.map((i) => i.indicator)).size === v.indicators.length;
const duplicateIndicator = { path: ['indicators'], message: 'Indikator ganda / duplicate indicator' };

export const practiceBodySchema = practiceFields.refine(distinctIndicators, duplicateIndicator);
export type PracticeBody = z.infer<typeof practiceBodySchema>;

/** Creating names the host body that publishes the practice (its mentors or admin create it). */
export const practiceCreateSchema = practiceFields
  .extend({ hostCode: z.string().trim().min(1).max(40) })
  .refine(distinctIndicators, duplicateIndicator);
export type PracticeCreate = z.infer<typeof practiceCreateSchema>;

export const practiceListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  indicator: z.coerce.number().int().min(1).max(999).optional(),
  type: z.enum(practiceTypes).optional(),
  /** Host body code. */
  host: z.string().trim().min(1).max(40).optional(),
  province: z.string().trim().min(1).max(10).optional(),
  /** Hosts' own lists may include drafts and archived practices. */
  status: z.enum(practiceStatuses).optional(),
  sort: z.enum(['title', 'updated', 'adoptions']).default('updated'),
});

export const orgRefSchema = z.object({ code: z.string(), name: z.string() });

export const practiceAbilitiesSchema = z.object({
  update: z.boolean(),
  adopt: z.boolean(),
});
export type PracticeAbilities = z.infer<typeof practiceAbilitiesSchema>;

export const practiceSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  type: z.enum(practiceTypes),
  status: z.enum(practiceStatuses),
  frameworkId: z.string(),
  indicators: z.array(practiceIndicatorSchema),
  host: orgRefSchema.extend({ provinceCode: z.string().nullable() }),
  adoptionCount: z.number().int(),
  liveCount: z.number().int(),
  isSample: z.boolean(),
  updatedAt: z.string(),
});
export type PracticeSummary = z.infer<typeof practiceSummarySchema>;

/** A row of the catalogue list: the summary and what the caller may do with it. */
export const practiceListItemSchema = practiceSummarySchema.extend({ abilities: practiceAbilitiesSchema });

export const practiceSchema = practiceSummarySchema.extend({
  problem: z.string(),
  sourceCode: z.object({ repoUrl: z.string(), license: z.string(), stack: z.string() }).nullable(),
  prerequisites: z.string(),
  effort: z.string(),
  durationWeeks: z.number().int().nullable(),
  contacts: z.array(z.object({ id: z.string(), name: z.string(), email: z.string() })),
  files: z.array(z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number() })),
  version: z.number().int(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  history: z.array(
    z.object({
      at: z.string(),
      user: z.string().nullable(),
      changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
    }),
  ),
  abilities: practiceAbilitiesSchema,
});
export type Practice = z.infer<typeof practiceSchema>;

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
    message: 'Isi nomor MoU dan/atau PKS / give the MoU and/or PKS number',
  })
  .refine((v) => !v.expiresOn || v.expiresOn > v.signedOn, {
    path: ['expiresOn'],
    message: 'Harus setelah tanggal tanda tangan / must be after the signing date',
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
      message: 'Isi alamat layanan atau bukti / give the URL or evidence',
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
  /** Moves the actor may make now. */
  moves: z.array(z.enum(adoptionStages)),
  requestAssistance: z.boolean(),
});

export const adoptionSchema = z.object({
  id: z.string(),
  practice: z.object({ id: z.string(), title: z.string(), type: z.enum(practiceTypes) }),
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
    message: 'Tidak ada perubahan / nothing to change',
  });

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
  abilities: z.object({ update: z.boolean() }),
});
export type Assistance = z.infer<typeof assistanceSchema>;

export const assistanceListQuerySchema = pageQuerySchema.extend({
  /** The requesting body's code. */
  org: z.string().trim().min(1).max(40).optional(),
  /** The host's code. */
  host: z.string().trim().min(1).max(40).optional(),
  status: z.enum(assistanceStatuses).optional(),
});

// ---- practices for a body's gaps ----

export const suggestionQuerySchema = z.object({
  frameworkId: z.string().trim().min(1).max(60).default('spbe-2020'),
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
