import type { OrgSignatures, Verification } from '../../../shared/contracts/commitments';
import type { Db } from '../../db/client';
import { AppError } from '../../platform/app-error';
import type { Actor } from '../../platform/auth/actor';
import { findOrgById } from '../orgs/orgs.queries';
import { getOrg } from '../orgs/orgs.service';
import { certificatePdf } from './commitments.certificate';
import { commitmentPolicy, signaturePolicy } from './commitments.policy';
import { attestationNotice, presentSignature, presentText } from './commitments.presenter';
import { currentText, findText, signatureRow, signatureRowsOf, verifySignature } from './commitments.queries';

// Reading signatures: a body's list (public, for transparency), the public verification, the
// certificate, each with what the actor may do.

const none = { sign: false, publish: false, rotateKeys: false };

/** A body's signatures with their status; the caller may be anonymous (then it may do nothing). */
export async function getOrgSignatures(db: Db, actor: Actor | null, code: string): Promise<OrgSignatures> {
  const org = await getOrg(db, code);
  const rows = await signatureRowsOf(db, org.id);
  const data = await Promise.all(
    rows.map(async (r) => {
      const v = await verifySignature(db, r);
      const subject = { org, revoked: !!r.revokedAt };
      const abilities = actor
        ? signaturePolicy.abilities(actor, subject)
        : { revoke: false, certificate: false };
      return { ...presentSignature(r, v.status, v.algorithm), abilities };
    }),
  );
  const text = await currentText(db);
  return {
    data,
    current: text ? presentText(text) : null,
    abilities: actor ? commitmentPolicy.abilities(actor, org) : none,
  };
}

/** Anyone can check a signature: valid, revoked, or invalid when anything signed was altered. */
export async function verifySignatureById(db: Db, id: string): Promise<Verification> {
  const row = await signatureRow(db, id);
  const v = await verifySignature(db, row);
  return {
    status: v.status,
    problems: v.problems,
    signature: presentSignature(row, v.status, v.algorithm),
    text: v.text ? { version: v.text.version, title: v.text.title, hash: v.text.hash } : null,
    notice: attestationNotice(),
  };
}

/** The PDF certificate of a signature, for those who see its body (404 otherwise). */
export async function signatureCertificate(db: Db, actor: Actor, id: string, publicUrl: string) {
  const row = await signatureRow(db, id);
  const org = await findOrgById(db, row.orgId);
  if (!org || !signaturePolicy.can(actor, 'certificate', { org, revoked: !!row.revokedAt })) {
    throw new AppError('NOT_FOUND');
  }
  const text = await findText(db, row.commitmentTextId);
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
    verifyUrl: `${publicUrl}/verify/${row.id}`,
    revoked: !!row.revokedAt,
  });
  return { pdf, filename: `sertifikat-komitmen-${row.orgCode}.pdf` };
}

/** The older per-signature abilities answer (revoke this one; publish texts at all). */
export async function signatureAbilitiesById(db: Db, actor: Actor, id: string) {
  const row = await signatureRow(db, id);
  const org = (await findOrgById(db, row.orgId))!;
  return {
    revoke: signaturePolicy.can(actor, 'revoke', { org, revoked: !!row.revokedAt }),
    publish: commitmentPolicy.can(actor, 'publish', null),
  };
}
