import {
  commitmentTextBodySchema,
  commitmentTextReplySchema,
  commitmentTextsReplySchema,
  signatureParamsSchema as idParams,
  orgSignaturesSchema,
  publicKeysReplySchema,
  revokeBodySchema,
  rotationReplySchema,
  signatureAbilitiesReplySchema,
  signatureReplySchema,
  signBodySchema,
  verificationSchema,
} from '../../../shared/contracts/commitments';
import { okSchema } from '../../../shared/contracts/common';
import { orgParamsSchema } from '../../../shared/contracts/orgs';
import { routeOptions } from '../../platform/auth/route-access';
import { attachment } from '../../platform/file-names';
import type { App } from '../../platform/http-types';
import { auditContext, requireActor } from '../../platform/request-context';
import { rotateKey } from './commitments.keys.service';
import { listPublicKeys, listTexts } from './commitments.queries';
import { publishText, revokeSignature, signCommitment } from './commitments.service';
import {
  getOrgSignatures,
  signatureAbilitiesById,
  signatureCertificate,
  verifySignatureById,
} from './commitments.signatures.service';

const tags = ['commitments'];
// Verification is public and unauthenticated: limited like the calculator.
const limited = routeOptions('public', tags, { rateLimit: { max: 120, timeWindow: '1 minute' } });
const user = routeOptions('user', tags);

export async function commitmentRoutes(app: App) {
  const db = app.deps.database.db;

  app.get(
    '/commitments',
    limited({
      description: 'Every published version of the joint commitment text, newest first.',
      response: { 200: commitmentTextsReplySchema },
    }),
    async () => ({ data: await listTexts(db) }),
  );

  app.post(
    '/commitments',
    user({
      description:
        'National supervisors publish a new version of the commitment text; it becomes the one to sign.',
      body: commitmentTextBodySchema,
      response: { 201: commitmentTextReplySchema },
    }),
    async (req, reply) =>
      reply.code(201).send({ data: await publishText(db, requireActor(req), auditContext(req), req.body) }),
  );

  app.get(
    '/commitments/keys',
    limited({
      description: 'The platform’s public keys (current and retired), to check signatures independently.',
      response: { 200: publicKeysReplySchema },
    }),
    async () => ({ data: await listPublicKeys(db) }),
  );

  app.post(
    '/commitments/keys/rotate',
    user({
      description:
        'Platform admins replace the signing key; old signatures stay verifiable with the retired public key.',
      response: { 200: rotationReplySchema },
    }),
    async (req) => ({ data: await rotateKey(db, requireActor(req), auditContext(req)) }),
  );

  app.get(
    '/orgs/:code/commitment-signatures',
    limited({
      description:
        'A body’s signatures of the commitment (public, for transparency), with their status and what the caller may do.',
      params: orgParamsSchema,
      response: { 200: orgSignaturesSchema },
    }),
    async (req) => getOrgSignatures(db, req.actor ?? null, req.params.code),
  );

  app.post(
    '/orgs/:code/commitment-signatures',
    user({
      description:
        'The body’s leader signs the current commitment text. The record (signer, text version and hash, time) is signed with the platform’s Ed25519 key: an attestation, not a certified electronic signature.',
      params: orgParamsSchema,
      body: signBodySchema,
      response: { 201: signatureReplySchema },
    }),
    async (req, reply) =>
      reply.code(201).send({
        data: await signCommitment(db, requireActor(req), auditContext(req), req.params.code, req.body),
      }),
  );

  app.get(
    '/commitments/signatures/:id/verify',
    limited({
      description:
        'Anyone can check a signature: valid, revoked (with the reason), or invalid when anything signed was altered.',
      params: idParams,
      response: { 200: verificationSchema },
    }),
    async (req) => verifySignatureById(db, req.params.id),
  );

  app.post(
    '/commitments/signatures/:id/revoke',
    user({ params: idParams, body: revokeBodySchema, response: { 200: okSchema } }),
    async (req) => {
      await revokeSignature(db, requireActor(req), auditContext(req), req.params.id, req.body.reason);
      return { ok: true as const };
    },
  );

  app.get(
    '/commitments/signatures/:id/certificate',
    user({
      description: 'The PDF certificate with a QR code to the public verification page.',
      params: idParams,
    }),
    async (req, reply) => {
      const { pdf, filename } = await signatureCertificate(
        db,
        requireActor(req),
        req.params.id,
        app.deps.config.publicUrl,
      );
      return reply.type('application/pdf').header('content-disposition', attachment(filename)).send(pdf);
    },
  );

  // Whether the actor may revoke is shown on the body's page; exposed here for the web.
  app.get(
    '/commitments/signatures/:id/abilities',
    user({ params: idParams, response: { 200: signatureAbilitiesReplySchema } }),
    async (req) => signatureAbilitiesById(db, requireActor(req), req.params.id),
  );
}
