import type { CommitmentAbilities, SignatureAbilities } from '../../../shared/contracts/commitments';
import { type Actor, hasNationalRole, isPlatformAdmin } from '../../platform/auth/actor';
import { definePolicy, type Policy } from '../../platform/auth/policy';
import { holdsRoleIn, inOrgScope, type OrgRef } from '../orgs/orgs.policy';

// Pure rules of the joint commitment. A body's leader signs for it; national supervisors publish
// the text; platform admins rotate the signing key; the leader or a national role revokes.

/** National supervisors (and platform admins) manage the commitment texts. */
const managesTexts = (actor: Actor) => hasNationalRole(actor);

export const commitmentPolicy: Policy<OrgRef | null, keyof CommitmentAbilities> =
  definePolicy<OrgRef | null>()({
    sign: (actor, org) => !!org && holdsRoleIn(actor, org, ['leader']),
    publish: managesTexts,
    rotateKeys: (actor) => isPlatformAdmin(actor),
  });

/** A signature as the rules see it: its body and whether it is still in force. */
export type SignatureSubject = { org: OrgRef; revoked: boolean };

/** The leader of the body, or those who manage the texts, may withdraw a signature once. */
const mayRevoke = (actor: Actor, org: Pick<OrgRef, 'id'>) =>
  managesTexts(actor) || holdsRoleIn(actor, org, ['leader']);

export const signaturePolicy: Policy<SignatureSubject, keyof SignatureAbilities> =
  definePolicy<SignatureSubject>()({
    revoke: (actor, s) => mayRevoke(actor, s.org) && !s.revoked,
    certificate: (actor, s) => inOrgScope(actor, s.org),
  });

/** For the signed-in user's profile (me.presenter): may they publish commitment texts? */
export const canPublishCommitments = (actor: Actor) => commitmentPolicy.can(actor, 'publish', null);

/** Revoking an already revoked signature is a state error (409), not a permission one. */
export const canRevokeFor = (actor: Actor, org: Pick<OrgRef, 'id'>) => mayRevoke(actor, org);
