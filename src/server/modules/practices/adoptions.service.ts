import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import {
  type AdoptionStage,
  type adoptionCreateSchema,
  adoptionMoves,
  adoptionTransitionBodies,
} from '../../../shared/contracts/adoptions';
import type { YearRuleEntry } from '../../../shared/framework/framework-for-year';
import type { TextKey } from '../../../shared/texts';
import { inBoth } from '../../../shared/texts';
import type { Db, Tx } from '../../db/client';
import { adoptions, adoptionTransitions, practices } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { type AuditContext, recordAudit } from '../../platform/audit';
import type { Actor } from '../../platform/auth/actor';
import { refreshFollowupFacts } from '../followup/followup.facts';
import { notify, usersWithRole } from '../notifications/notifications.service';
import { findOrgById } from '../orgs/orgs.queries';
import { getOrgInScope } from '../orgs/orgs.service';
import { addPracticeItems } from './adoptions.plans';
import { getAdoption } from './adoptions.reads.service';
import { checkIndicators, checkLockerFiles, frameworkFor } from './practices.checks';
import { adoptionPolicy, bodyPolicy } from './practices.policy';

type AdoptionCreate = z.infer<typeof adoptionCreateSchema>;

async function tellHost(
  tx: Tx,
  hostId: string,
  orgName: string,
  p: { id: string; title: string },
  stage: AdoptionStage,
  adoptionId: string,
) {
  await notify(tx, await usersWithRole(tx, hostId, ['mentor']), {
    kind: `adoption.${stage}`,
    title: inBoth('NOTICE_ADOPTION_STAGE', { org: orgName, title: p.title, stage }),
    link: `/adoptions/${adoptionId}`,
  });
}

export async function createAdoption(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  rule: readonly YearRuleEntry[],
  code: string,
  input: AdoptionCreate,
) {
  const saved = await db.transaction(async (tx) => {
    const org = await getOrgInScope(tx, actor, code);
    if (!bodyPolicy.can(actor, 'adopt', org)) throw new AppError('FORBIDDEN');
    const [p] = await tx.select().from(practices).where(eq(practices.id, input.practiceId));
    // A draft is not in the catalogue yet; an archived practice is, but can no longer be taken up.
    if (!p || p.status === 'draft') throw new AppError('NOT_FOUND');
    if (p.status !== 'published') throw new AppError('PRACTICE_NOT_PUBLISHED');
    if (p.hostOrgId === org.id) {
      throw new AppError('VALIDATION_FAILED', {
        issues: [{ field: 'body.practiceId', message: 'ADOPTION_OWN_PRACTICE' satisfies TextKey }],
      });
    }
    const [a] = await tx
      .insert(adoptions)
      .values({ practiceId: p.id, hostOrgId: p.hostOrgId, orgId: org.id, createdBy: actor.userId })
      .onConflictDoNothing()
      .returning();
    if (!a) {
      const [existing] = await tx
        .select({ id: adoptions.id, stage: adoptions.stage })
        .from(adoptions)
        .where(and(eq(adoptions.practiceId, p.id), eq(adoptions.orgId, org.id)));
      throw new AppError('ADOPTION_EXISTS', { adoptionId: existing?.id, stage: existing?.stage });
    }
    const plan = input.createItems
      ? await addPracticeItems(tx, actor, ctx, rule, org, p, input.planId)
      : null;
    await tx.insert(adoptionTransitions).values({
      adoptionId: a.id,
      fromStage: null,
      toStage: 'interested',
      note: input.note,
      details: plan ? { planId: plan.planId, items: plan.items } : null,
      userId: actor.userId,
    });
    await recordAudit(tx, ctx, {
      action: 'adoption.created',
      entityType: 'adoption',
      entityId: a.id,
      orgId: org.id,
      summary: { practice: p.id, title: p.title, stage: 'interested', plan },
    });
    await refreshFollowupFacts(tx, [org.id]);
    await tellHost(tx, p.hostOrgId, org.name, p, 'interested', a.id);
    return a;
  });
  return getAdoption(db, actor, saved.id);
}

/** The body one move must carry, checked against the stage's schema. */
function parseMoveBody<S extends AdoptionStage>(stage: S, body: unknown) {
  const r = adoptionTransitionBodies[stage].safeParse(body ?? {});
  if (!r.success) {
    throw new AppError('VALIDATION_FAILED', {
      issues: r.error.issues.map((i) => ({
        field: ['body', ...i.path.map(String)].join('.'),
        message: i.message,
      })),
    });
  }
  return r.data as Record<string, unknown> & { note: string };
}

/**
 * Moves a replication one step along adoptionMoves, recording what the step needs (the MoU/PKS,
 * where it runs, the levels measured, why it stopped). The transition row, the audit event and
 * the follow-up facts are written in one transaction with the change.
 */
export async function moveAdoption(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  id: string,
  stage: AdoptionStage,
  rawBody: unknown,
) {
  await db.transaction(async (tx) => {
    const [a] = await tx.select().from(adoptions).where(eq(adoptions.id, id)).for('update');
    if (!a) throw new AppError('NOT_FOUND');
    const [org, host] = await Promise.all([findOrgById(tx, a.orgId), findOrgById(tx, a.hostOrgId)]);
    const subject = { org: org!, host: host!, stage: a.stage };
    if (!adoptionPolicy.can(actor, 'view', subject)) throw new AppError('NOT_FOUND');
    if (!adoptionPolicy.can(actor, 'move', subject)) throw new AppError('FORBIDDEN');
    if (!adoptionMoves[a.stage].includes(stage)) {
      throw new AppError('ADOPTION_MOVE_NOT_ALLOWED', {
        from: a.stage,
        to: stage,
        allowed: adoptionMoves[a.stage],
      });
    }
    const body = parseMoveBody(stage, rawBody);
    const [p] = await tx.select().from(practices).where(eq(practices.id, a.practiceId));
    const set: Partial<typeof adoptions.$inferInsert> = { stage, updatedAt: new Date() };
    let details: Record<string, unknown> | null = null;
    switch (stage) {
      case 'agreed': {
        const agreement = adoptionTransitionBodies.agreed.parse(body).agreement;
        if (agreement.fileId)
          await checkLockerFiles(tx, a.orgId, [agreement.fileId], 'body.agreement.fileId');
        set.agreement = agreement;
        set.agreementExpiresOn = agreement.expiresOn ?? null;
        details = { agreement };
        break;
      }
      case 'live': {
        const live = adoptionTransitionBodies.live.parse(body);
        if (live.fileId) await checkLockerFiles(tx, a.orgId, [live.fileId], 'body.fileId');
        set.liveUrl = live.url ?? null;
        set.liveFileId = live.fileId ?? null;
        details = { url: live.url ?? null, fileId: live.fileId ?? null };
        break;
      }
      case 'measured': {
        const { levels } = adoptionTransitionBodies.measured.parse(body);
        checkIndicators(
          await frameworkFor(tx, p!.frameworkId),
          levels.map((l) => l.indicator),
          'body.levels',
        );
        set.measured = levels;
        details = { levels };
        break;
      }
      case 'dropped': {
        const { reason } = adoptionTransitionBodies.dropped.parse(body);
        set.droppedReason = reason;
        details = { reason };
        break;
      }
      case 'interested':
        // Taken up again after being dropped: the old reason no longer describes it.
        set.droppedReason = null;
        break;
      case 'adapting':
        break;
    }
    await tx.update(adoptions).set(set).where(eq(adoptions.id, id));
    await tx.insert(adoptionTransitions).values({
      adoptionId: id,
      fromStage: a.stage,
      toStage: stage,
      note: body.note,
      details,
      userId: actor.userId,
    });
    await recordAudit(tx, ctx, {
      action: `adoption.${stage}`,
      entityType: 'adoption',
      entityId: id,
      orgId: a.orgId,
      summary: { practice: a.practiceId, from: a.stage, to: stage, ...(details ?? {}) },
    });
    await refreshFollowupFacts(tx, [a.orgId]);
    await tellHost(tx, a.hostOrgId, org!.name, p!, stage, id);
  });
  return getAdoption(db, actor, id);
}
