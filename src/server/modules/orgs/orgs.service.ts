import { eq } from 'drizzle-orm';
import type { OrgCreateBody, OrgListQuery, OrgUpdateBody } from '../../../shared/contracts/orgs';
import type { TextKey } from '../../../shared/texts';
import type { Db, DbOrTx } from '../../db/client';
import { pagination } from '../../db/query-helpers';
import { orgs } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { type AuditContext, recordAudit } from '../../platform/audit';
import type { Actor } from '../../platform/auth/actor';
import { toCsv } from '../../platform/csv';
import type { ReadCache } from '../../platform/read-cache';
import { canManageOrgs, inOrgScope, orgPolicy } from './orgs.policy';
import { directoryCsvColumns, directoryCsvRow, presentOrg, supervisorCodes } from './orgs.presenter';
import {
  countOrgUsers,
  findOrgByCode,
  findOrgsByCodes,
  listOrgs,
  mentorsOf,
  orgHasMembers,
} from './orgs.queries';

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

/**
 * A directory page as the JSON body of the reply. The page is the same for every signed-in user,
 * so it is cached serialised and only the actor's abilities are added per request (see
 * platform/read-cache.ts); a hit is answered synchronously (a string, not a promise).
 */
export function directoryReply(
  db: DbOrTx,
  cache: ReadCache<{ json: string }>,
  actor: Actor,
  query: OrgListQuery,
): string | Promise<string> {
  const key = JSON.stringify(query);
  const abilities = JSON.stringify({ create: canManageOrgs(actor) });
  const body = (page: { json: string }) => `{${page.json},"abilities":${abilities}}`;
  const hit = cache.peek(key);
  if (hit) return body(hit);
  return cache
    .get(key, async () => {
      const { rows, total } = await listOrgs(db, query);
      const page = JSON.stringify(pagination(query, total));
      return { json: `"data":${JSON.stringify(rows.map(presentOrg))},"pagination":${page}` };
    })
    .then(body);
}

/** The directory as CSV, with the list's filters (all pages). */
export async function directoryCsv(db: DbOrTx, query: Omit<OrgListQuery, 'page' | 'pageSize'>) {
  const { rows } = await listOrgs(db, { ...query, page: 1, pageSize: 100_000 });
  return toCsv([...directoryCsvColumns], rows.map(directoryCsvRow));
}

/** A body's public facts, who supervises and mentors it, and (within scope) how many users it has. */
export async function orgDetail(db: DbOrTx, actor: Actor, code: string) {
  const org = await getOrg(db, code);
  const abilities = orgPolicy.abilities(actor, org);
  const [supervisedBy, mentoredBy, userCount] = await Promise.all([
    findOrgsByCodes(db, supervisorCodes(org)),
    mentorsOf(db, org.id),
    abilities.readPrivate ? countOrgUsers(db, org.id) : null,
  ]);
  return { data: { ...presentOrg(org), supervisedBy, mentoredBy, userCount }, abilities };
}

export async function createOrg(db: Db, actor: Actor, ctx: AuditContext, input: OrgCreateBody) {
  if (!canManageOrgs(actor)) throw new AppError('FORBIDDEN');
  const org = await db.transaction(async (tx) => {
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
  return presentOrg(org);
}

export async function updateOrg(db: Db, actor: Actor, ctx: AuditContext, code: string, input: OrgUpdateBody) {
  // The directory's rule needs no body, so it is asked first: a non-admin learns nothing (403).
  if (!canManageOrgs(actor)) throw new AppError('FORBIDDEN');
  return db.transaction(async (tx) => {
    const before = await getOrg(tx, code);
    // Reference names follow the Kemendagri regulation; they change only with the reference data.
    if (input.name !== undefined && before.isReference && input.name !== before.name) {
      throw new AppError('VALIDATION_FAILED', {
        issues: [{ field: 'body.name', message: 'ORG_REFERENCE_NAME_FIXED' satisfies TextKey }],
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
    return presentOrg((await findOrgByCode(tx, code))!);
  });
}

export async function deleteOrg(db: Db, actor: Actor, ctx: AuditContext, code: string) {
  if (!canManageOrgs(actor)) throw new AppError('FORBIDDEN');
  await db.transaction(async (tx) => {
    const org = await getOrg(tx, code);
    if (org.isReference) {
      throw new AppError('CONFLICT', {
        reason: 'reference',
        message: 'ORG_REFERENCE_KEPT' satisfies TextKey,
      });
    }
    if (await orgHasMembers(tx, org.id)) {
      throw new AppError('CONFLICT', { reason: 'has_users', message: 'ORG_HAS_USERS' satisfies TextKey });
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
