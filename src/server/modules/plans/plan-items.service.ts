import { and, count, eq, inArray, ne } from 'drizzle-orm';
import type { ItemCreate, ItemPatch } from '../../../shared/schemas/plans';
import type { Db, DbOrTx, Tx } from '../../db/client';
import { actionItemHistory, actionItems, type actionPlans, memberships, practices } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { type AuditContext, recordAudit } from '../../platform/audit';
import type { Actor } from '../../platform/auth/actor';
import { refreshFollowupFacts } from '../followup/followup.facts';
import { findFramework } from '../frameworks/frameworks.registry';
import {
  canEditPlan,
  canSetItemStatus,
  editableItemFields,
  executionFields,
  type PlanStatus,
} from './plans.policy';
import { loadPlan } from './plans.service';

type ItemRow = typeof actionItems.$inferSelect;

async function checkTargets(db: DbOrTx, targets: { indicator: number }[] | undefined) {
  if (!targets?.length) return;
  const f = await findFramework(db, 'spbe-2020');
  const unknown = targets.filter((t) => !f.indicators.some((i) => i.number === t.indicator));
  if (unknown.length) {
    throw new AppError('VALIDATION_FAILED', {
      issues: unknown.map((t) => ({
        field: 'body.targets',
        message: `Indikator ${t.indicator} tidak ada / no indicator ${t.indicator}`,
      })),
    });
  }
}

/** A cited practice must be in the catalogue (published or archived; drafts are the host's). */
async function checkPractice(db: DbOrTx, practiceId: string | null | undefined) {
  if (!practiceId) return;
  const [p] = await db
    .select({ id: practices.id })
    .from(practices)
    .where(and(eq(practices.id, practiceId), ne(practices.status, 'draft')));
  if (!p) {
    throw new AppError('VALIDATION_FAILED', {
      issues: [{ field: 'body.practiceId', message: 'Praktik tidak ada / no such practice' }],
    });
  }
}

/** An assignee must be a member of the body. */
async function checkAssignee(db: DbOrTx, orgId: string, assigneeId: string | null | undefined) {
  if (!assigneeId) return;
  const [m] = await db
    .select({ n: count() })
    .from(memberships)
    .where(and(eq(memberships.userId, assigneeId), eq(memberships.orgId, orgId)));
  if (!m?.n) {
    throw new AppError('VALIDATION_FAILED', {
      issues: [
        { field: 'body.assigneeId', message: 'Bukan pengguna instansi ini / not a user of this body' },
      ],
    });
  }
}

/** JSON with object keys sorted: jsonb hands objects back with its own key order. */
function stable(v: unknown): string {
  return JSON.stringify(v ?? null, (_k, x) =>
    x && typeof x === 'object' && !Array.isArray(x) && !(x instanceof Date)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1)))
      : x,
  );
}

function diff(before: ItemRow, after: Partial<ItemRow>): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const [k, v] of Object.entries(after)) {
    const prev = before[k as keyof ItemRow];
    if (stable(prev) !== stable(v)) out[k] = { from: prev ?? null, to: v ?? null };
  }
  return out;
}

export async function createItems(
  tx: Tx,
  ctx: AuditContext,
  plan: typeof actionPlans.$inferSelect,
  items: ItemCreate[],
  action = 'plan.item_created',
) {
  if (plan.status !== 'draft') throw new AppError('INVALID_STATE', { status: plan.status });
  for (const i of items) {
    await checkTargets(tx, i.targets);
    await checkAssignee(tx, plan.orgId, i.assigneeId);
    await checkPractice(tx, i.practiceId);
  }
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

/**
 * Applies a change to one item inside the caller's transaction: the version it was made from must
 * still be current, the plan's status decides which fields may change, every change is recorded.
 */
export async function applyItemPatch(
  tx: Tx,
  actor: Actor,
  org: Parameters<typeof canEditPlan>[1],
  plan: typeof actionPlans.$inferSelect,
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
  const allowed = editableItemFields(plan.status as PlanStatus);
  if (allowed === 'none') throw new AppError('INVALID_STATE', { status: plan.status });
  if (allowed === 'execution') {
    const outside = fields.filter((f) => !(executionFields as readonly string[]).includes(f));
    if (outside.length) throw new AppError('INVALID_STATE', { status: plan.status, fields: outside });
  }
  const statusChange = changes.status && changes.status !== item.status ? changes.status : null;
  if (statusChange ? !canSetItemStatus(actor, org, statusChange) : !canEditPlan(actor, org)) {
    throw new AppError('FORBIDDEN');
  }
  await checkTargets(tx, changes.targets);
  await checkAssignee(tx, plan.orgId, changes.assigneeId);
  await checkPractice(tx, changes.practiceId);
  const nextStatus = changes.status ?? item.status;
  const blockedReason = nextStatus === 'blocked' ? (changes.blockedReason ?? item.blockedReason) : null;
  if (nextStatus === 'blocked' && !blockedReason?.trim()) {
    throw new AppError('VALIDATION_FAILED', {
      issues: [
        {
          field: 'body.blockedReason',
          message: 'Alasan wajib bila terhambat / a reason is required when blocked',
        },
      ],
    });
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

export function presentRow(r: ItemRow) {
  return {
    title: r.title,
    status: r.status,
    progress: r.progress,
    dueDate: r.dueDate,
    assigneeId: r.assigneeId,
    blockedReason: r.blockedReason,
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
  };
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
    const { plan, org } = await loadPlan(tx, actor, planId);
    const saved = await applyItemPatch(tx, actor, org, plan, itemId, patch);
    await recordAudit(tx, ctx, {
      action: 'plan.item_updated',
      entityType: 'action_item',
      entityId: itemId,
      orgId: plan.orgId,
      summary: {
        fields: Object.keys(patch).filter((k) => k !== 'version'),
        status: saved.status,
        progress: saved.progress,
      },
    });
    // "Acting" reads finished items with evidence and verified ones.
    await refreshFollowupFacts(tx, [plan.orgId]);
    return saved;
  });
}

export async function deleteItem(db: Db, actor: Actor, ctx: AuditContext, planId: string, itemId: string) {
  return db.transaction(async (tx) => {
    const { plan, org } = await loadPlan(tx, actor, planId, true);
    if (!canEditPlan(actor, org)) throw new AppError('FORBIDDEN');
    if (plan.status !== 'draft') throw new AppError('INVALID_STATE', { status: plan.status });
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
    const { plan, org } = await loadPlan(tx, actor, planId, true);
    if (!canEditPlan(actor, org) && !(patch.status === 'verified')) throw new AppError('FORBIDDEN');
    const found = await tx
      .select({ id: actionItems.id })
      .from(actionItems)
      .where(and(eq(actionItems.planId, planId), inArray(actionItems.id, itemIds)));
    if (found.length !== new Set(itemIds).size) throw new AppError('NOT_FOUND');
    for (const id of new Set(itemIds)) {
      try {
        await applyItemPatch(tx, actor, org, plan, id, patch);
      } catch (err) {
        if (err instanceof AppError) throw new AppError(err.code, { itemId: id, ...(err.details as object) });
        throw err;
      }
    }
    await recordAudit(tx, ctx, {
      action: 'plan.items_bulk_updated',
      entityType: 'action_plan',
      entityId: planId,
      orgId: plan.orgId,
      summary: { items: itemIds.length, patch },
    });
    await refreshFollowupFacts(tx, [plan.orgId]);
    return itemIds.length;
  });
}
