import { asc, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { okSchema } from '../../../shared/contracts/common';
import { orgParamsSchema } from '../../../shared/contracts/orgs';
import {
  commitmentTextBodySchema,
  commitmentTextSchema,
  publicKeySchema,
  revokeBodySchema,
  signatureSchema,
  signBodySchema,
  verificationSchema,
} from '../../../shared/schemas/commitments';
import { commitmentSignatures, commitmentTexts, signingKeys } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import type { App } from '../../platform/http-types';
import { auditContext, requireActor } from '../../platform/request-context';
import { inOrgScope } from '../orgs/orgs.policy';
import { findOrgById } from '../orgs/orgs.queries';
import { getOrg } from '../orgs/orgs.service';
import { certificatePdf } from './certificate';
import {
  ATTESTATION_NOTICE,
  canPublishCommitments,
  canRevoke,
  canSignFor,
  currentText,
  presentSignature,
  publishText,
  revokeSignature,
  rotateKey,
  signCommitment,
  verifySignature,
} from './commitments.service';

const tags = ['commitments'];
const idParams = z.object({ id: z.uuid() });
// Verification is public and unauthenticated: limited like the calculator.
const publicLimit = { max: 120, timeWindow: '1 minute' };

const presentText = (t: typeof commitmentTexts.$inferSelect) => ({
  id: t.id,
  version: t.version,
  title: t.title,
  textId: t.textId,
  textEn: t.textEn,
  hash: t.hash,
  isCurrent: t.isCurrent,
  publishedAt: t.publishedAt.toISOString(),
});

export async function commitmentRoutes(app: App) {
  const db = app.deps.database.db;

  async function signatureRow(id: string) {
    const [row] = await db.select().from(commitmentSignatures).where(eq(commitmentSignatures.id, id));
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  }

  app.get(
    '/commitments',
    {
      config: { access: 'public', rateLimit: publicLimit },
      schema: {
        tags,
        description: 'Every published version of the joint commitment text, newest first.',
        response: { 200: z.object({ data: z.array(commitmentTextSchema) }) },
      },
    },
    async () => ({
      data: (await db.select().from(commitmentTexts).orderBy(desc(commitmentTexts.version))).map(presentText),
    }),
  );

  app.post(
    '/commitments',
    {
      config: { access: 'user' },
      schema: {
        tags,
        description:
          'National supervisors publish a new version of the commitment text; it becomes the one to sign.',
        body: commitmentTextBodySchema,
        response: { 201: z.object({ data: commitmentTextSchema }) },
      },
    },
    async (req, reply) => {
      const row = await publishText(db, requireActor(req), auditContext(req), req.body);
      return reply.code(201).send({ data: presentText(row) });
    },
  );

  app.get(
    '/commitments/keys',
    {
      config: { access: 'public', rateLimit: publicLimit },
      schema: {
        tags,
        description: 'The platform’s public keys (current and retired), to check signatures independently.',
        response: { 200: z.object({ data: z.array(publicKeySchema) }) },
      },
    },
    async () => ({
      data: (await db.select().from(signingKeys).orderBy(asc(signingKeys.createdAt))).map((k) => ({
        keyId: k.id,
        algorithm: k.algorithm,
        publicKeyPem: k.publicKeyPem,
        createdAt: k.createdAt.toISOString(),
        retiredAt: k.retiredAt?.toISOString() ?? null,
      })),
    }),
  );

  app.post(
    '/commitments/keys/rotate',
    {
      config: { access: 'user' },
      schema: {
        tags,
        description:
          'Platform admins replace the signing key; old signatures stay verifiable with the retired public key.',
        response: {
          200: z.object({ data: z.object({ retired: z.array(z.string()), current: z.string() }) }),
        },
      },
    },
    async (req) => ({ data: await rotateKey(db, requireActor(req), auditContext(req)) }),
  );

  app.get(
    '/orgs/:code/commitment-signatures',
    {
      config: { access: 'public', rateLimit: publicLimit },
      schema: {
        tags,
        description: 'A body’s signatures of the commitment (public, for transparency), with their status.',
        params: orgParamsSchema,
        response: {
          200: z.object({
            data: z.array(signatureSchema),
            current: commitmentTextSchema.nullable(),
            abilities: z.object({ sign: z.boolean() }),
          }),
        },
      },
    },
    async (req) => {
      const org = await getOrg(db, req.params.code);
      const rows = await db
        .select()
        .from(commitmentSignatures)
        .where(eq(commitmentSignatures.orgId, org.id))
        .orderBy(desc(commitmentSignatures.signedAt));
      const data = await Promise.all(
        rows.map(async (r) => {
          const v = await verifySignature(db, r);
          return presentSignature(r, v.status, v.algorithm);
        }),
      );
      const text = await currentText(db);
      return {
        data,
        current: text ? presentText(text) : null,
        abilities: { sign: !!req.actor && canSignFor(req.actor, org) },
      };
    },
  );

  app.post(
    '/orgs/:code/commitment-signatures',
    {
      config: { access: 'user' },
      schema: {
        tags,
        description:
          'The body’s leader signs the current commitment text. The record (signer, text version and hash, time) is signed with the platform’s Ed25519 key: an attestation, not a certified electronic signature.',
        params: orgParamsSchema,
        body: signBodySchema,
        response: { 201: z.object({ data: signatureSchema }) },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const org = await getOrg(db, req.params.code);
      if (!inOrgScope(actor, org)) throw new AppError('NOT_FOUND');
      const id = await signCommitment(db, actor, auditContext(req), org, req.body);
      const row = await signatureRow(id);
      const v = await verifySignature(db, row);
      return reply.code(201).send({ data: presentSignature(row, v.status, v.algorithm) });
    },
  );

  app.get(
    '/commitments/signatures/:id/verify',
    {
      config: { access: 'public', rateLimit: publicLimit },
      schema: {
        tags,
        description:
          'Anyone can check a signature: valid, revoked (with the reason), or invalid when anything signed was altered.',
        params: idParams,
        response: { 200: verificationSchema },
      },
    },
    async (req) => {
      const row = await signatureRow(req.params.id);
      const v = await verifySignature(db, row);
      return {
        status: v.status,
        problems: v.problems,
        signature: presentSignature(row, v.status, v.algorithm),
        text: v.text ? { version: v.text.version, title: v.text.title, hash: v.text.hash } : null,
        notice: ATTESTATION_NOTICE,
      };
    },
  );

  app.post(
    '/commitments/signatures/:id/revoke',
    {
      config: { access: 'user' },
      schema: { tags, params: idParams, body: revokeBodySchema, response: { 200: okSchema } },
    },
    async (req) => {
      await revokeSignature(db, requireActor(req), auditContext(req), req.params.id, req.body.reason);
      return { ok: true as const };
    },
  );

  app.get(
    '/commitments/signatures/:id/certificate',
    {
      config: { access: 'user' },
      schema: {
        tags,
        description: 'The PDF certificate with a QR code to the public verification page.',
        params: idParams,
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const row = await signatureRow(req.params.id);
      const org = await findOrgById(db, row.orgId);
      if (!org || !inOrgScope(actor, org)) throw new AppError('NOT_FOUND');
      const [text] = await db
        .select()
        .from(commitmentTexts)
        .where(eq(commitmentTexts.id, row.commitmentTextId));
      const pdf = await certificatePdf({
        signatureId: row.id,
        orgName: row.orgName,
        orgCode: row.orgCode,
        signerName: row.signerName,
        signerPosition: row.signerPosition,
        signedAt: row.signedAt,
        textTitle: text?.title ?? '',
        textVersion: row.textVersion,
        textHash: row.textHash,
        keyId: row.keyId,
        verifyUrl: `${app.deps.config.publicUrl}/verify/${row.id}`,
        revoked: !!row.revokedAt,
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="sertifikat-komitmen-${row.orgCode}.pdf"`)
        .send(pdf);
    },
  );

  // Whether the actor may revoke is shown on the body's page; exposed here for the web.
  app.get(
    '/commitments/signatures/:id/abilities',
    {
      config: { access: 'user' },
      schema: {
        tags,
        params: idParams,
        response: { 200: z.object({ revoke: z.boolean(), publish: z.boolean() }) },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const row = await signatureRow(req.params.id);
      return { revoke: canRevoke(actor, row.orgId) && !row.revokedAt, publish: canPublishCommitments(actor) };
    },
  );
}
