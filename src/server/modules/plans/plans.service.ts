import { eq } from 'drizzle-orm';
import type { PlanAction, TransitionBody } from '../../../shared/contracts/plans';
import type { YearRuleEntry } from '../../../shared/framework/framework-for-year';
import { type TextKey, text } from '../../../shared/texts';
import type { Db, DbOrTx } from '../../db/client';
import { actionItems, actionPlans, actionPlanVersions } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { type AuditContext, recordAudit } from '../../platform/audit';
import type { Actor } from '../../platform/auth/actor';
import { refreshFollowupFacts } from '../followup/followup.facts';
import { frameworkOfYear } from '../frameworks/frameworks.year';
import { notify, usersWithRole } from '../notifications/notifications.service';
import { inOrgScope } from '../orgs/orgs.policy';
import { findOrgById } from '../orgs/orgs.queries';
import { getOrgInScope } from '../orgs/orgs.service';
import { settleObligations } from '../visits/visits.obligations';
import { fieldIssue } from './plans.checks';
import { bodyPlansPolicy, mayTransitionPlan, type PlanSubject, planTransitionTarget } from './plans.policy';
import { incompleteItemCounts } from './plans.queries';

// The plan's own use cases: load it in scope, start one, move it through its workflow.

/** The plan with its body, or 404 outside the actor's scope; `subject` is what the policy reads. */
export async function loadPlan(db: DbOrTx, actor: Actor, id: string, lock = false) {
  const q = db.select().from(actionPlans).where(eq(actionPlans.id, id));
  const [plan] = await (lock ? q.for('update') : q);
  if (!plan) throw new AppError('NOT_FOUND');
  const org = await findOrgById(db, plan.orgId);
  if (!org || !inOrgScope(actor, org)) throw new AppError('NOT_FOUND');
  const subject: PlanSubject = { org, status: plan.status };
  return { plan, org, subject };
}
export type LoadedPlan = Awaited<ReturnType<typeof loadPlan>>;

/** A plan for a period, on the framework its year uses (frameworks.year.ts), which it records. */
export async function createPlan(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  rule: readonly YearRuleEntry[],
  code: string,
  period: string,
) {
  const org = await getOrgInScope(db, actor, code);
  if (!bodyPlansPolicy.can(actor, 'create', org)) throw new AppError('FORBIDDEN');
  const year = Number(period.slice(0, 4));
  const { framework } = await frameworkOfYear(db, rule, year, { field: 'body.period' });
  return db.transaction(async (tx) => {
    const [plan] = await tx
      .insert(actionPlans)
      .values({ orgId: org.id, period, frameworkId: framework.id, createdBy: actor.userId })
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

// Whoever acts next hears about it.
const notices: Partial<
  Record<PlanAction, { roles: ('leader' | 'body_admin' | 'operator')[]; title: TextKey }>
> = {
  submit: { roles: ['leader'], title: 'PLAN_NOTICE_SUBMIT' },
  approve: { roles: ['body_admin', 'operator'], title: 'PLAN_NOTICE_APPROVE' },
  return: { roles: ['body_admin'], title: 'PLAN_NOTICE_RETURN' },
};

export async function transitionPlan(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  planId: string,
  action: PlanAction,
  body: TransitionBody = { acknowledgeIncomplete: false },
) {
  return db.transaction(async (tx) => {
    const { plan, org } = await loadPlan(tx, actor, planId, true);
    // Who may act is checked before whether the status allows it (403 before 409).
    if (!mayTransitionPlan(actor, org, action)) throw new AppError('FORBIDDEN');
    const to = planTransitionTarget(action, plan.status);
    if (!to) throw new AppError('INVALID_STATE', { status: plan.status, action });
    const items = await tx.select().from(actionItems).where(eq(actionItems.planId, planId));
    if (action === 'submit' && items.length === 0) throw fieldIssue('items', 'PLAN_HAS_NO_ITEMS');
    // The leader approves knowingly: items nobody owns or without a date are named first.
    const incomplete = action === 'approve' ? await incompleteItemCounts(tx, planId) : null;
    const hasIncomplete = !!incomplete && incomplete.missingOwner + incomplete.missingDueDate > 0;
    if (hasIncomplete && !body.acknowledgeIncomplete) {
      throw new AppError('PLAN_INCOMPLETE_ITEMS', {
        ...incomplete,
        message: 'PLAN_INCOMPLETE_COUNTS' satisfies TextKey,
        params: incomplete,
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
        // What the leader acknowledged when approving with incomplete items.
        ...(hasIncomplete ? { acknowledgedIncomplete: incomplete } : {}),
      },
    });
    if (action === 'approve') {
      await settleObligations(tx, plan.orgId);
      await refreshFollowupFacts(tx, [plan.orgId]);
    }
    const notice = notices[action];
    if (notice) {
      const params = { period: plan.period };
      await notify(tx, await usersWithRole(tx, plan.orgId, notice.roles), {
        kind: `plan.${action}`,
        // Notifications are stored in both languages; each reader sees their own.
        title: { id: text('id', notice.title, params), en: text('en', notice.title, params) },
        link: `/plans/${plan.id}`,
      });
    }
    return { status: to, approvedVersion: set.approvedVersion ?? plan.approvedVersion };
  });
}
