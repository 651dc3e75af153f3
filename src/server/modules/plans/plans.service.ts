import { eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import { actionItems, actionPlans, actionPlanVersions } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { type AuditContext, recordAudit } from '../../platform/audit';
import type { Actor } from '../../platform/auth/actor';
import { refreshFollowupFacts } from '../followup/followup.facts';
import { notify, usersWithRole } from '../notifications/notifications.service';
import { inOrgScope } from '../orgs/orgs.policy';
import { findOrgById } from '../orgs/orgs.queries';
import { settleObligations } from '../visits/obligations';
import {
  canEditPlan,
  mayTransitionPlan,
  type PlanAction,
  type PlanStatus,
  planTransitionTarget,
} from './plans.policy';

/** The plan with its body, or 404 outside the actor's scope. */
export async function loadPlan(db: DbOrTx, actor: Actor, id: string, lock = false) {
  const q = db.select().from(actionPlans).where(eq(actionPlans.id, id));
  const [plan] = await (lock ? q.for('update') : q);
  if (!plan) throw new AppError('NOT_FOUND');
  const org = await findOrgById(db, plan.orgId);
  if (!org || !inOrgScope(actor, org)) throw new AppError('NOT_FOUND');
  return { plan, org };
}

export async function createPlan(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  org: { id: string; code: string },
  period: string,
  orgRef: Parameters<typeof canEditPlan>[1],
) {
  if (!canEditPlan(actor, orgRef)) throw new AppError('FORBIDDEN');
  return db.transaction(async (tx) => {
    const [plan] = await tx
      .insert(actionPlans)
      .values({ orgId: org.id, period, createdBy: actor.userId })
      .onConflictDoNothing()
      .returning();
    if (!plan) throw new AppError('CONFLICT', { reason: 'plan_exists', period });
    await recordAudit(tx, ctx, {
      action: 'plan.created',
      entityType: 'action_plan',
      entityId: plan.id,
      orgId: org.id,
      summary: { period },
    });
    return plan;
  });
}

export async function transitionPlan(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  planId: string,
  action: PlanAction,
) {
  return db.transaction(async (tx) => {
    const { plan, org } = await loadPlan(tx, actor, planId, true);
    if (!mayTransitionPlan(actor, org, action)) throw new AppError('FORBIDDEN');
    const to = planTransitionTarget(action, plan.status as PlanStatus);
    if (!to) throw new AppError('INVALID_STATE', { status: plan.status, action });
    const items = await tx.select().from(actionItems).where(eq(actionItems.planId, planId));
    if (action === 'submit' && items.length === 0) {
      throw new AppError('VALIDATION_FAILED', {
        issues: [{ field: 'items', message: 'Rencana belum berisi kegiatan / the plan has no items' }],
      });
    }
    const now = new Date();
    const set: Partial<typeof actionPlans.$inferInsert> = { status: to, updatedAt: now };
    if (action === 'submit') set.submittedAt = now;
    if (action === 'approve') {
      set.approvedVersion = plan.approvedVersion + 1;
      set.approvedAt = now;
      set.approvedBy = actor.userId;
      await tx.insert(actionPlanVersions).values({
        planId,
        version: plan.approvedVersion + 1,
        items: items.map((i) => ({
          ...i,
          createdAt: i.createdAt.toISOString(),
          updatedAt: i.updatedAt.toISOString(),
        })),
        approvedBy: actor.userId,
      });
    }
    await tx.update(actionPlans).set(set).where(eq(actionPlans.id, planId));
    await recordAudit(tx, ctx, {
      action: `plan.${action}`,
      entityType: 'action_plan',
      entityId: planId,
      orgId: plan.orgId,
      summary: {
        from: plan.status,
        to,
        items: items.length,
        version: set.approvedVersion ?? plan.approvedVersion,
      },
    });
    if (action === 'approve') {
      await settleObligations(tx, plan.orgId);
      await refreshFollowupFacts(tx, [plan.orgId]);
    }
    // Whoever acts next hears about it.
    const notice = {
      submit: {
        roles: ['leader'] as const,
        id: `Rencana aksi ${plan.period} menunggu persetujuan Anda`,
        en: `Action plan ${plan.period} awaits your approval`,
      },
      approve: {
        roles: ['body_admin', 'operator'] as const,
        id: `Rencana aksi ${plan.period} disetujui`,
        en: `Action plan ${plan.period} was approved`,
      },
      return: {
        roles: ['body_admin'] as const,
        id: `Rencana aksi ${plan.period} dikembalikan pimpinan`,
        en: `Action plan ${plan.period} was returned by the leader`,
      },
      revise: null,
    }[action];
    if (notice) {
      await notify(tx, await usersWithRole(tx, plan.orgId, [...notice.roles]), {
        kind: `plan.${action}`,
        title: { id: notice.id, en: notice.en },
        link: `/plans/${plan.id}`,
      });
    }
    return { status: to, approvedVersion: set.approvedVersion ?? plan.approvedVersion };
  });
}
