import { z } from 'zod';
import { data } from './common';

// The joint commitment: texts, signatures, their verification and the platform's keys.

export const commitmentTextBodySchema = z.object({
  title: z.string().trim().min(3).max(200),
  textId: z.string().trim().min(20).max(20_000),
  textEn: z.string().trim().min(20).max(20_000),
});
export type CommitmentTextBody = z.infer<typeof commitmentTextBodySchema>;

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
export type SignBody = z.infer<typeof signBodySchema>;

export const revokeBodySchema = z.object({ reason: z.string().trim().min(5).max(500) });

export const signatureStatuses = ['valid', 'revoked', 'invalid'] as const;
export const signatureStatusSchema = z.enum(signatureStatuses);
export type SignatureStatus = z.infer<typeof signatureStatusSchema>;

export const signatureParamsSchema = z.object({ id: z.uuid() });

/** What the actor may do with one signature (commitments.policy.ts). */
export const signatureAbilitiesSchema = z.object({ revoke: z.boolean(), certificate: z.boolean() });
export type SignatureAbilities = z.infer<typeof signatureAbilitiesSchema>;

/** What the actor may do for a body's commitment and with the texts and keys (commitments.policy.ts). */
export const commitmentAbilitiesSchema = z.object({
  sign: z.boolean(),
  publish: z.boolean(),
  rotateKeys: z.boolean(),
});
export type CommitmentAbilities = z.infer<typeof commitmentAbilitiesSchema>;

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

/** A body's signature as its page lists it: with what the actor may do with it. */
export const listedSignatureSchema = signatureSchema.extend({ abilities: signatureAbilitiesSchema });
export type ListedSignature = z.infer<typeof listedSignatureSchema>;

export const orgSignaturesSchema = z.object({
  data: z.array(listedSignatureSchema),
  current: commitmentTextSchema.nullable(),
  abilities: commitmentAbilitiesSchema,
});
export type OrgSignatures = z.infer<typeof orgSignaturesSchema>;

export const verificationProblems = ['signature', 'text'] as const;

export const verificationSchema = z.object({
  status: signatureStatusSchema,
  /** Why it is invalid: which check failed (signature, text). */
  problems: z.array(z.string()),
  signature: signatureSchema,
  text: z.object({ version: z.number().int(), title: z.string(), hash: z.string() }).nullable(),
  /** The nature of the signature, in both languages (the verification page is public). */
  notice: z.object({ id: z.string(), en: z.string() }),
});
export type Verification = z.infer<typeof verificationSchema>;

export const publicKeySchema = z.object({
  keyId: z.string(),
  algorithm: z.string(),
  publicKeyPem: z.string(),
  createdAt: z.string(),
  retiredAt: z.string().nullable(),
});
export type PublicKey = z.infer<typeof publicKeySchema>;

export const commitmentTextsReplySchema = data(z.array(commitmentTextSchema));
export const commitmentTextReplySchema = data(commitmentTextSchema);
export const publicKeysReplySchema = data(z.array(publicKeySchema));
export const rotationReplySchema = data(z.object({ retired: z.array(z.string()), current: z.string() }));
export const signatureReplySchema = data(signatureSchema);
/** The older per-signature abilities route, kept for its callers. */
export const signatureAbilitiesReplySchema = z.object({ revoke: z.boolean(), publish: z.boolean() });
