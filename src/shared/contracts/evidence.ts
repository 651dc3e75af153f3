import { z } from 'zod';
import { data, paged, pageQuerySchema } from './common';

// The evidence locker (berkas bukti): a body's files, stored once per content, linked to
// assessment indicators and plan items. modules/evidence decides who may upload and read them.

export const evidenceSchema = z.object({
  id: z.string(),
  name: z.string(),
  mime: z.string(),
  size: z.number(),
  sha256: z.string(),
  isSample: z.boolean(),
  createdAt: z.string(),
  uploadedBy: z.string().nullable(),
  links: z.number().int(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const evidenceAbilitiesSchema = z.object({ upload: z.boolean() });
export type EvidenceAbilities = z.infer<typeof evidenceAbilitiesSchema>;

export const evidenceListQuerySchema = pageQuerySchema.extend({ q: z.string().trim().max(200).optional() });
export type EvidenceListQuery = z.input<typeof evidenceListQuerySchema>;

export const evidenceListReplySchema = paged(evidenceSchema).extend({
  abilities: evidenceAbilitiesSchema,
});
export type EvidenceList = z.infer<typeof evidenceListReplySchema>;

/** A repeated upload of the same bytes answers 200 with the first record and `duplicate: true`. */
export const evidenceUploadReplySchemas = {
  200: data(evidenceSchema).extend({ duplicate: z.literal(true) }),
  201: data(evidenceSchema).extend({ duplicate: z.literal(false) }),
};
export type EvidenceUpload = { data: Evidence; duplicate: boolean };

export const evidenceParamsSchema = z.object({ id: z.uuid() });
export const evidenceLinkBodySchema = z.object({ fileId: z.uuid() });
/** An indicator of an assessment, as the link routes name it. */
export const indicatorLinkParamsSchema = z.object({
  id: z.uuid(),
  indicator: z.coerce.number().int().positive(),
});
export const indicatorFileParamsSchema = indicatorLinkParamsSchema.extend({ fileId: z.uuid() });
