import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { orgCreateBodySchema, orgUpdateBodySchema } from '../../../shared/contracts/orgs';
import type { Db, DbOrTx } from '../../db/client';
import { memberships, orgs } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { type AuditContext, recordAudit } from '../../platform/audit';
import type { Actor } from '../../platform/auth/actor';
import { canManageOrgs, inOrgScope } from './orgs.policy';
import { findOrgByCode } from './orgs.queries';

export async function getOrg(db: DbOrTx, code: string) {
  const org = await findOrgByCode(db, code);
  if (!org) throw new AppError('NOT_FOUND');
  return org;
}

/** The body, when its private data is within the actor's scope; otherwise "not found". */
export async function getOrgInScope(db: DbOrTx, actor: Actor, code: string) {
  const org = await getOrg(db, code);
  if (!inOrgScope(actor, org)) throw new AppError('NOT_FOUND');
  return org;
}

export async function createOrg(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  input: z.infer<typeof orgCreateBodySchema>,
) {
  if (!canManageOrgs(actor)) throw new AppError('FORBIDDEN');
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(orgs)
      .values({
        code: input.code,
        name: input.name,
        type: input.type,
        isMember: input.isMember,
        memberSince: input.memberSince ?? null,
        isHost: input.isHost,
      })
      .onConflictDoNothing()
      .returning({ id: orgs.id });
    if (!created) throw new AppError('ORG_CODE_TAKEN');
    await recordAudit(tx, ctx, {
      action: 'org.created',
      entityType: 'org',
      entityId: input.code,
      orgId: created.id,
      summary: { ...input },
    });
    return (await findOrgByCode(tx, input.code))!;
  });
}

export async function updateOrg(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  code: string,
  input: z.infer<typeof orgUpdateBodySchema>,
) {
  if (!canManageOrgs(actor)) throw new AppError('FORBIDDEN');
  return db.transaction(async (tx) => {
    const before = await getOrg(tx, code);
    // Reference names follow the Kemendagri regulation; they change only with the reference data.
    if (input.name !== undefined && before.isReference && input.name !== before.name) {
      throw new AppError('VALIDATION_FAILED', {
        issues: [
          { field: 'body.name', message: 'Nama referensi Kemendagri tidak dapat diubah / reference name' },
        ],
      });
    }
    const patch = { ...input };
    if (patch.isMember === false) patch.memberSince = null;
    await tx
      .update(orgs)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(orgs.id, before.id));
    const changes = Object.fromEntries(
      Object.entries(patch).map(([k, v]) => [k, { from: before[k as keyof typeof before] ?? null, to: v }]),
    );
    await recordAudit(tx, ctx, {
      action: 'org.updated',
      entityType: 'org',
      entityId: code,
      orgId: before.id,
      summary: changes,
    });
    return (await findOrgByCode(tx, code))!;
  });
}

export async function deleteOrg(db: Db, actor: Actor, ctx: AuditContext, code: string) {
  if (!canManageOrgs(actor)) throw new AppError('FORBIDDEN');
  await db.transaction(async (tx) => {
    const org = await getOrg(tx, code);
    if (org.isReference) {
      throw new AppError('CONFLICT', {
        reason: 'Referensi Kemendagri tidak dapat dihapus / reference bodies stay',
      });
    }
    const [member] = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(eq(memberships.orgId, org.id))
      .limit(1);
    if (member) {
      throw new AppError('CONFLICT', {
        reason: 'Instansi masih memiliki pengguna / the body still has users',
      });
    }
    await tx.delete(orgs).where(eq(orgs.id, org.id));
    await recordAudit(tx, ctx, {
      action: 'org.deleted',
      entityType: 'org',
      entityId: code,
      summary: { name: org.name },
    });
  });
}
