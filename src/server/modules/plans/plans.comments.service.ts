import type { Db } from '../../db/client';
import { actionItemComments } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { type AuditContext, recordAudit } from '../../platform/audit';
import type { Actor } from '../../platform/auth/actor';
import { planPolicy } from './plans.policy';
import { findItemId } from './plans.queries';
import { loadPlan } from './plans.service';

/** A comment on an item, by anyone the plan policy lets discuss it. */
export async function addItemComment(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  ids: { planId: string; itemId: string },
  body: string,
) {
  return db.transaction(async (tx) => {
    const { plan, subject } = await loadPlan(tx, actor, ids.planId);
    if (!planPolicy.can(actor, 'comment', subject)) throw new AppError('FORBIDDEN');
    const itemId = await findItemId(tx, plan.id, ids.itemId);
    if (!itemId) throw new AppError('NOT_FOUND');
    const [c] = await tx
      .insert(actionItemComments)
      .values({ itemId, body, authorId: actor.userId })
      .returning({ id: actionItemComments.id });
    await recordAudit(tx, ctx, {
      action: 'plan.item_commented',
      entityType: 'action_item',
      entityId: itemId,
      orgId: plan.orgId,
      summary: { commentId: c!.id },
    });
    return c!.id;
  });
}
