import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { transactionWithRetry } from '../../db/retry';
import { actionItemEvidence, assessmentItems, evidenceLinks } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { type AuditContext, recordAudit } from '../../platform/audit';
import type { Actor } from '../../platform/auth/actor';
import { canEditAssessment, editableIn } from '../assessments/assessments.policy';
import { loadAssessment } from '../assessments/assessments.service';
import { refreshFollowupFacts } from '../followup/followup.facts';
import { planPolicy } from '../plans/plans.policy';
import { findItemId } from '../plans/plans.queries';
import { loadPlan } from '../plans/plans.service';
import { findBodyFile } from './evidence.queries';

// The one home of linking a locker file to what it proves: an assessment's indicator or a plan's
// item. Each use case loads its target in scope and asks the target's policy; the file must be in
// the same body's locker; the link is written (or removed) with its audit event in one transaction.

type Link = { fileId: string; linked: boolean };

/** The body's file, or 404: a link never crosses bodies. */
async function requireBodyFile(tx: Tx, orgId: string, fileId: string) {
  const file = await findBodyFile(tx, orgId, fileId);
  if (!file) throw new AppError('NOT_FOUND');
  return file;
}

/** Links (or unlinks) a body's file to an indicator of one of its assessments. */
export async function setEvidenceLink(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  input: Link & { assessmentId: string; indicator: number },
) {
  // Beside level saves on the same assessment (same share lock); retried if chosen as a deadlock
  // victim, which is safe because it writes only to the database.
  return transactionWithRetry(db, async (tx) => {
    const { assessment, org, framework } = await loadAssessment(tx, actor, input.assessmentId, 'share');
    if (!canEditAssessment(actor, org)) throw new AppError('FORBIDDEN');
    if (!framework.indicators.some((i) => i.number === input.indicator)) throw new AppError('NOT_FOUND');
    const file = await requireBodyFile(tx, org.id, input.fileId);
    const [item] = await tx
      .select({ reopened: assessmentItems.reopened })
      .from(assessmentItems)
      .where(
        and(eq(assessmentItems.assessmentId, assessment.id), eq(assessmentItems.indicator, input.indicator)),
      );
    const editable = editableIn(assessment.status);
    if (editable === 'none' || (editable === 'reopened' && !item?.reopened)) {
      throw new AppError('INVALID_STATE', { status: assessment.status });
    }
    const link = { fileId: file.id, assessmentId: assessment.id, indicator: input.indicator };
    if (input.linked) {
      await tx
        .insert(evidenceLinks)
        .values({ ...link, linkedBy: actor.userId })
        .onConflictDoNothing();
    } else {
      await tx
        .delete(evidenceLinks)
        .where(
          and(
            eq(evidenceLinks.fileId, link.fileId),
            eq(evidenceLinks.assessmentId, link.assessmentId),
            eq(evidenceLinks.indicator, link.indicator),
          ),
        );
    }
    await recordAudit(tx, ctx, {
      action: input.linked ? 'evidence.linked' : 'evidence.unlinked',
      entityType: 'assessment',
      entityId: assessment.id,
      orgId: org.id,
      summary: { indicator: input.indicator, fileId: file.id, name: file.name },
    });
  });
}

/** Links (or unlinks) a body's file to an item of one of its plans (the plan's maintainers). */
export async function setItemEvidenceLink(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  input: Link & { planId: string; itemId: string },
) {
  await db.transaction(async (tx) => {
    const { plan, subject } = await loadPlan(tx, actor, input.planId);
    if (!planPolicy.can(actor, 'maintain', subject)) throw new AppError('FORBIDDEN');
    const itemId = await findItemId(tx, plan.id, input.itemId);
    if (!itemId) throw new AppError('NOT_FOUND');
    const file = await requireBodyFile(tx, plan.orgId, input.fileId);
    if (input.linked) {
      await tx.insert(actionItemEvidence).values({ itemId, fileId: file.id }).onConflictDoNothing();
    } else {
      await tx
        .delete(actionItemEvidence)
        .where(and(eq(actionItemEvidence.itemId, itemId), eq(actionItemEvidence.fileId, file.id)));
    }
    await recordAudit(tx, ctx, {
      action: input.linked ? 'plan.item_evidence_linked' : 'plan.item_evidence_unlinked',
      entityType: 'action_item',
      entityId: itemId,
      orgId: plan.orgId,
      summary: { fileId: file.id, name: file.name },
    });
    // "Acting" reads finished items that carry evidence.
    await refreshFollowupFacts(tx, [plan.orgId]);
  });
}
