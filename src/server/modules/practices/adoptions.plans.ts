import { and, desc, eq } from 'drizzle-orm';
import { itemCreateSchema } from '../../../shared/contracts/plans';
import type { YearRuleEntry } from '../../../shared/framework/framework-for-year';
import type { TextKey } from '../../../shared/texts';
import type { Tx } from '../../db/client';
import { actionPlans, type practices } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { type AuditContext, recordAudit } from '../../platform/audit';
import type { Actor } from '../../platform/auth/actor';
import { today } from '../../platform/calendar';
import { frameworkOfYear } from '../frameworks/frameworks.year';
import type { OrgRow } from '../orgs/orgs.queries';
import { createItems } from '../plans/plans.items.service';
import { frameworkFor } from './practices.checks';

// Taking up a practice with plan items: the plan that takes them (on the practice's framework)
// and the items, one per indicator the practice lifts.

type Practice = typeof practices.$inferSelect;

const otherFramework = (field: string, plan: string, framework: string) =>
  new AppError('VALIDATION_FAILED', {
    issues: [{ field, message: 'PLAN_OTHER_FRAMEWORK' satisfies TextKey, params: { plan, framework } }],
  });

/**
 * The plan that takes a replication's items, on the practice's framework (its indicator numbers
 * mean nothing on another): the one named (the body's, in draft), else the body's newest draft
 * plan on that framework, else a new plan for the current year when the year uses it. Items can
 * only be added to a draft, so an approved plan for this year has to be revised first (409
 * NO_EDITABLE_PLAN).
 */
async function planFor(
  tx: Tx,
  actor: Actor,
  ctx: AuditContext,
  rule: readonly YearRuleEntry[],
  org: OrgRow,
  p: Practice,
  planId: string | undefined,
) {
  if (planId) {
    const [plan] = await tx
      .select()
      .from(actionPlans)
      .where(and(eq(actionPlans.id, planId), eq(actionPlans.orgId, org.id)))
      .for('update');
    if (!plan) {
      throw new AppError('VALIDATION_FAILED', {
        issues: [{ field: 'body.planId', message: 'ADOPTION_PLAN_UNKNOWN' satisfies TextKey }],
      });
    }
    if (plan.frameworkId !== p.frameworkId)
      throw otherFramework('body.planId', plan.frameworkId, p.frameworkId);
    if (plan.status !== 'draft') throw new AppError('NO_EDITABLE_PLAN', { planId, status: plan.status });
    return plan;
  }
  const [draft] = await tx
    .select()
    .from(actionPlans)
    .where(
      and(
        eq(actionPlans.orgId, org.id),
        eq(actionPlans.status, 'draft'),
        eq(actionPlans.frameworkId, p.frameworkId),
      ),
    )
    .orderBy(desc(actionPlans.period))
    .limit(1)
    .for('update');
  if (draft) return draft;
  const period = today().slice(0, 4);
  const { framework } = await frameworkOfYear(tx, rule, Number(period), { field: 'body.createItems' });
  if (framework.id !== p.frameworkId) throw otherFramework('body.createItems', framework.id, p.frameworkId);
  const [created] = await tx
    .insert(actionPlans)
    .values({ orgId: org.id, period, frameworkId: framework.id, createdBy: actor.userId })
    .onConflictDoNothing()
    .returning();
  if (!created) throw new AppError('NO_EDITABLE_PLAN', { period });
  await recordAudit(tx, ctx, {
    action: 'plan.created',
    entityType: 'action_plan',
    entityId: created.id,
    orgId: org.id,
    summary: { period, reason: 'adoption' },
  });
  return created;
}

/** One plan item per indicator the practice lifts, to the level the host reached with it. */
export async function addPracticeItems(
  tx: Tx,
  actor: Actor,
  ctx: AuditContext,
  rule: readonly YearRuleEntry[],
  org: OrgRow,
  p: Practice,
  planId?: string,
) {
  const plan = await planFor(tx, actor, ctx, rule, org, p, planId);
  const framework = await frameworkFor(tx, p.frameworkId);
  const items = p.indicators.map(({ indicator, level }) => {
    const ind = framework.indicators.find((i) => i.number === indicator);
    return itemCreateSchema.parse({
      title: `Replikasi “${p.title}”: indikator ${indicator} ke tingkat ${level}`.slice(0, 300),
      description: ind?.levels[level - 1]?.criteria.id ?? '',
      targets: [{ indicator, level }],
      source: 'gap',
      sourceRef: p.id,
      practiceId: p.id,
    });
  });
  const rows = await createItems(tx, ctx, plan, items, 'plan.items_from_practice');
  return { planId: plan.id, items: rows.length };
}
