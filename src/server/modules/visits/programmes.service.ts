import { and, count, eq } from 'drizzle-orm';
import type { ProgrammeBody, ProgrammeDetail, ProgrammeList } from '../../../shared/contracts/visits';
import type { Db } from '../../db/client';
import { programmeMembers, programmes } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { type AuditContext, recordAudit } from '../../platform/audit';
import type { Actor } from '../../platform/auth/actor';
import { refreshFollowupFacts } from '../followup/followup.facts';
import { getOrg } from '../orgs/orgs.service';
import { findProgramme, listProgrammes } from './programmes.queries';
import { programmePolicy } from './visits.policy';

// Programmes (cohorts) group bodies and study visits; they are run nationally.

export async function getProgrammes(db: Db, actor: Actor): Promise<ProgrammeList> {
  return { data: await listProgrammes(db), abilities: programmePolicy.abilities(actor, null) };
}

export async function getProgramme(db: Db, actor: Actor, id: string): Promise<ProgrammeDetail> {
  const data = await findProgramme(db, id);
  if (!data) throw new AppError('NOT_FOUND');
  return { data, abilities: programmePolicy.abilities(actor, null) };
}

function authorise(actor: Actor, action: 'create' | 'update' | 'manageMembers') {
  if (!programmePolicy.can(actor, action, null)) throw new AppError('FORBIDDEN');
}

export async function createProgramme(db: Db, actor: Actor, ctx: AuditContext, input: ProgrammeBody) {
  authorise(actor, 'create');
  return db.transaction(async (tx) => {
    const [p] = await tx
      .insert(programmes)
      .values({ ...input, year: input.year ?? null, createdBy: actor.userId })
      .returning({ id: programmes.id });
    await recordAudit(tx, ctx, {
      action: 'programme.created',
      entityType: 'programme',
      entityId: p!.id,
      summary: { ...input },
    });
    return { id: p!.id };
  });
}

export async function updateProgramme(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  id: string,
  input: ProgrammeBody,
) {
  authorise(actor, 'update');
  await db.transaction(async (tx) => {
    const [p] = await tx
      .update(programmes)
      .set({ ...input, year: input.year ?? null })
      .where(eq(programmes.id, id))
      .returning({ id: programmes.id });
    if (!p) throw new AppError('NOT_FOUND');
    await recordAudit(tx, ctx, {
      action: 'programme.updated',
      entityType: 'programme',
      entityId: p.id,
      summary: { ...input },
    });
  });
}

/** Adds a body to a programme (member = true) or removes it. */
export async function setProgrammeMember(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  id: string,
  code: string,
  member: boolean,
) {
  authorise(actor, 'manageMembers');
  const org = await getOrg(db, code);
  await db.transaction(async (tx) => {
    const [p] = await tx.select({ n: count() }).from(programmes).where(eq(programmes.id, id));
    if (!p?.n) throw new AppError('NOT_FOUND');
    if (member) {
      await tx.insert(programmeMembers).values({ programmeId: id, orgId: org.id }).onConflictDoNothing();
    } else {
      await tx
        .delete(programmeMembers)
        .where(and(eq(programmeMembers.programmeId, id), eq(programmeMembers.orgId, org.id)));
    }
    await recordAudit(tx, ctx, {
      action: member ? 'programme.member_added' : 'programme.member_removed',
      entityType: 'programme',
      entityId: id,
      orgId: org.id,
      summary: { org: org.code },
    });
    await refreshFollowupFacts(tx, [org.id]);
  });
}
