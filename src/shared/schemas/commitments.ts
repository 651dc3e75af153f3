import { z } from 'zod';

export const commitmentTextBodySchema = z.object({
  title: z.string().trim().min(3).max(200),
  textId: z.string().trim().min(20).max(20_000),
  textEn: z.string().trim().min(20).max(20_000),
});

export const commitmentTextSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  title: z.string(),
  textId: z.string(),
  textEn: z.string(),
  hash: z.string(),
  isCurrent: z.boolean(),
  publishedAt: z.string(),
});
export type CommitmentText = z.infer<typeof commitmentTextSchema>;

export const signBodySchema = z.object({
  signerName: z.string().trim().min(3).max(120),
  signerPosition: z.string().trim().min(2).max(120),
  /** The version the leader read; signing an outdated text is refused. */
  textVersion: z.number().int().positive(),
});

export const revokeBodySchema = z.object({ reason: z.string().trim().min(5).max(500) });

export const signatureStatusSchema = z.enum(['valid', 'revoked', 'invalid']);

export const signatureSchema = z.object({
  id: z.string(),
  org: z.object({ code: z.string(), name: z.string() }),
  signerName: z.string(),
  signerPosition: z.string(),
  signedAt: z.string(),
  textVersion: z.number().int(),
  textHash: z.string(),
  keyId: z.string(),
  algorithm: z.string(),
  status: signatureStatusSchema,
  revokedAt: z.string().nullable(),
  revokedReason: z.string().nullable(),
  isSample: z.boolean(),
});
export type Signature = z.infer<typeof signatureSchema>;

export const verificationSchema = z.object({
  status: signatureStatusSchema,
  /** Why it is invalid: which check failed (signature, text). */
  problems: z.array(z.string()),
  signature: signatureSchema,
  text: z.object({ version: z.number().int(), title: z.string(), hash: z.string() }).nullable(),
  notice: z.object({ id: z.string(), en: z.string() }),
});

export const publicKeySchema = z.object({
  keyId: z.string(),
  algorithm: z.string(),
  publicKeyPem: z.string(),
  createdAt: z.string(),
  retiredAt: z.string().nullable(),
});
