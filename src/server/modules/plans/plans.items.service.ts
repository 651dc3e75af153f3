import { and, eq, inArray } from 'drizzle-orm';
import type { PlanItemsAddedAction } from '../../../shared/contracts/audit';
import type { FromStepsBody, ItemCreate, ItemPatch } from '../../../shared/contracts/plans';
import type { Db, Tx } from '../../db/client';
import { actionItemHistory, actionItems, type actionPlans } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { type AuditContext, recordAudit } from '../../platform/audit';
import type { Actor } from '../../platform/auth/actor';
import { refreshFollowupFacts } from '../followup/followup.facts';
import { findFramework } from '../frameworks/frameworks.registry';
import { checkItemRefs, fieldIssue } from './plans.checks';
import { editableItemFields, executionFields, maySetItemStatus, planPolicy } from './plans.policy';
import { presentRow } from './plans.presenter';
import { type LoadedPlan, loadPlan } from './plans.service';
import { itemsFromSteps } from './plans.steps';

// Use cases on a plan's items: add (by hand, from the optimiser's steps), change one (with its
// version), change many at once, delete. Each runs in one transaction with its audit event.

type ItemRow = typeof actionItems.$inferSelect;
type ItemChanges = Record<string, { from: unknown; to: unknown }>;

/** JSON with object keys sorted: jsonb hands objects back with its own key order. */
function stable(v: unknown): string {
  return JSON.stringify(v ?? null, (_k, x) =>
    x && typeof x === 'object' && !Array.isArray(x) && !(x instanceof Date)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1)))
      : x,
  );
}

function diff(before: ItemRow, after: Partial<ItemRow>): ItemChanges {
  const out: ItemChanges = {};
  for (const [k, v] of Object.entries(after)) {
    const prev = before[k as keyof ItemRow];
    if (stable(prev) !== stable(v)) out[k] = { from: prev ?? null, to: v ?? null };
  }
  return out;
}

/** Inserts items into a draft plan inside the caller's transaction (also used by adoptions). */
export async function createItems(
  tx: Tx,
  ctx: AuditContext,
  plan: typeof actionPlans.$inferSelect,
  items: ItemCreate[],
  action: PlanItemsAddedAction = 'plan.item_created',
) {
  if (editableItemFields(plan.status) !== 'all') throw new AppError('INVALID_STATE', { status: plan.status });
  for (const i of items) await checkItemRefs(tx, plan, i);
  const rows = await tx
    .insert(actionItems)
    .values(
      items.map((i) => ({
        ...i,
        sourceRef: i.sourceRef ?? null,
        practiceId: i.practiceId ?? null,
        assigneeId: i.assigneeId ?? null,
        startDate: i.startDate ?? null,
        dueDate: i.dueDate ?? null,
        blockedReason: i.status === 'blocked' ? (i.blockedReason ?? null) : null,
        doneAt: i.status === 'done' || i.status === 'verified' ? new Date() : null,
        planId: plan.id,
        orgId: plan.orgId,
      })),
    )
    .returning();
  await recordAudit(tx, ctx, {
    action,
    entityType: 'action_plan',
    entityId: plan.id,
    orgId: plan.orgId,
    summary: { items: rows.map((r) => r.title).slice(0, 20), count: rows.length },
  });
  // A verified item counts as "acting" for the follow-up measure from the day it is recorded.
  if (rows.some((r) => r.status === 'verified')) await refreshFollowupFacts(tx, [plan.orgId]);
  return rows;
}

/** Adds items to a plan the actor maintains (a draft: createItems refuses any other status). */
export async function addItems(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  planId: string,
  items: ItemCreate[],
  action?: PlanItemsAddedAction,
) {
  return db.transaction(async (tx) => {
    const { plan, subject } = await loadPlan(tx, actor, planId, true);
    if (!planPolicy.can(actor, 'maintain', subject)) throw new AppError('FORBIDDEN');
    return createItems(tx, ctx, plan, items, action);
  });
}

/** The optimiser's steps become items, on the plan's framework (steps of another are refused). */
export async function addItemsFromSteps(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  planId: string,
  body: FromStepsBody,
) {
  return db.transaction(async (tx) => {
    const { plan, subject } = await loadPlan(tx, actor, planId, true);
    if (!planPolicy.can(actor, 'maintain', subject)) throw new AppError('FORBIDDEN');
    if (body.frameworkId && body.frameworkId !== plan.frameworkId) {
      throw fieldIssue('body.frameworkId', 'PLAN_OTHER_FRAMEWORK', {
        plan: plan.frameworkId,
        framework: body.frameworkId,
      });
    }
    const items = itemsFromSteps(await findFramework(tx, plan.frameworkId), body);
    return createItems(tx, ctx, plan, items, 'plan.items_from_steps');
  });
}

/**
 * Applies a change to one item inside the caller's transaction: the version it was made from must
 * still be current, the plan's status decides which fields may change, every change is recorded.
 */
export async function applyItemPatch(
  tx: Tx,
  actor: Actor,
  { plan, subject }: LoadedPlan,
  itemId: string,
  patch: Omit<ItemPatch, 'version'> & { version?: number },
) {
  const [item] = await tx
    .select()
    .from(actionItems)
    .where(and(eq(actionItems.id, itemId), eq(actionItems.planId, plan.id)))
    .for('update');
  if (!item) throw new AppError('NOT_FOUND');
  if (patch.version !== undefined && patch.version !== item.version) {
    throw new AppError('VERSION_CONFLICT', { itemId, yours: patch, current: presentRow(item) });
  }
  const { version: _, ...changes } = patch;
  const fields = Object.keys(changes).filter((k) => changes[k as keyof typeof changes] !== undefined);
  const allowed = editableItemFields(plan.status);
  if (allowed === 'none') throw new AppError('INVALID_STATE', { status: plan.status });
  if (allowed === 'execution') {
    const outside = fields.filter((f) => !(executionFields as readonly string[]).includes(f));
    if (outside.length) throw new AppError('INVALID_STATE', { status: plan.status, fields: outside });
  }
  const statusChange = changes.status && changes.status !== item.status ? changes.status : null;
  const allowedToAct = statusChange
    ? maySetItemStatus(actor, subject, statusChange)
    : planPolicy.can(actor, 'maintain', subject);
  if (!allowedToAct) throw new AppError('FORBIDDEN');
  await checkItemRefs(tx, plan, changes);
  const nextStatus = changes.status ?? item.status;
  const blockedReason = nextStatus === 'blocked' ? (changes.blockedReason ?? item.blockedReason) : null;
  if (nextStatus === 'blocked' && !blockedReason?.trim()) {
    throw fieldIssue('body.blockedReason', 'PLAN_BLOCKED_REASON_REQUIRED');
  }
  const done = nextStatus === 'done' || nextStatus === 'verified';
  const update: Partial<ItemRow> = {
    ...Object.fromEntries(fields.map((f) => [f, changes[f as keyof typeof changes]])),
    blockedReason,
    progress: done ? 100 : (changes.progress ?? item.progress),
    doneAt: done ? (item.doneAt ?? new Date()) : null,
  };
  const changed = diff(item, update);
  if (!Object.keys(changed).length) return item;
  const [saved] = await tx
    .update(actionItems)
    .set({ ...update, version: item.version + 1, updatedAt: new Date() })
    .where(eq(actionItems.id, itemId))
    .returning();
  await tx.insert(actionItemHistory).values({ itemId, changes: changed, userId: actor.userId });
  return saved!;
}

export async function updateItem(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  planId: string,
  itemId: string,
  patch: ItemPatch,
) {
  return db.transaction(async (tx) => {
    const loaded = await loadPlan(tx, actor, planId);
    const saved = await applyItemPatch(tx, actor, loaded, itemId, patch);
    await recordAudit(tx, ctx, {
      action: 'plan.item_updated',
      entityType: 'action_item',
      entityId: itemId,
      orgId: loaded.plan.orgId,
      summary: {
        fields: Object.keys(patch).filter((k) => k !== 'version'),
        status: saved.status,
        progress: saved.progress,
      },
    });
    // "Acting" reads finished items with evidence and verified ones.
    await refreshFollowupFacts(tx, [loaded.plan.orgId]);
    return saved;
  });
}

export async function deleteItem(db: Db, actor: Actor, ctx: AuditContext, planId: string, itemId: string) {
  return db.transaction(async (tx) => {
    const { plan, subject } = await loadPlan(tx, actor, planId, true);
    if (!planPolicy.can(actor, 'maintain', subject)) throw new AppError('FORBIDDEN');
    if (editableItemFields(plan.status) !== 'all')
      throw new AppError('INVALID_STATE', { status: plan.status });
    const [gone] = await tx
      .delete(actionItems)
      .where(and(eq(actionItems.id, itemId), eq(actionItems.planId, planId)))
      .returning();
    if (!gone) throw new AppError('NOT_FOUND');
    await recordAudit(tx, ctx, {
      action: 'plan.item_deleted',
      entityType: 'action_item',
      entityId: itemId,
      orgId: plan.orgId,
      summary: { title: gone.title },
    });
    await refreshFollowupFacts(tx, [plan.orgId]);
  });
}

/** Many items at once: all of them change, or none (the first problem names its item). */
export async function bulkUpdate(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  planId: string,
  itemIds: string[],
  patch: Omit<ItemPatch, 'version'>,
) {
  return db.transaction(async (tx) => {
    const loaded = await loadPlan(tx, actor, planId, true);
    // Reviewers may verify many at once; applyItemPatch asks the policy for each item.
    if (!planPolicy.can(actor, 'maintain', loaded.subject) && patch.status !== 'verified') {
      throw new AppError('FORBIDDEN');
    }
    const found = await tx
      .select({ id: actionItems.id })
      .from(actionItems)
      .where(and(eq(actionItems.planId, planId), inArray(actionItems.id, itemIds)));
    if (found.length !== new Set(itemIds).size) throw new AppError('NOT_FOUND');
    for (const id of new Set(itemIds)) {
      try {
        await applyItemPatch(tx, actor, loaded, id, patch);
      } catch (err) {
        if (err instanceof AppError) throw new AppError(err.code, { itemId: id, ...(err.details as object) });
        throw err;
      }
    }
    await recordAudit(tx, ctx, {
      action: 'plan.items_bulk_updated',
      entityType: 'action_plan',
      entityId: planId,
      orgId: loaded.plan.orgId,
      summary: { items: itemIds.length, patch },
    });
    await refreshFollowupFacts(tx, [loaded.plan.orgId]);
    return itemIds.length;
  });
}
