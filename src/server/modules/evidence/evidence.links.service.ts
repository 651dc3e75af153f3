import { and, eq, inArray } from 'drizzle-orm';
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
// Reusing earlier evidence through a crosswalk (assessments.crosswalk.service.ts) takes the same
// two steps below, requireLinkableIndicator and writeIndicatorLinks.

type Link = { fileId: string; linked: boolean };

/** The body's file, or 404: a link never crosses bodies. */
async function requireBodyFile(tx: Tx, orgId: string, fileId: string) {
  const file = await findBodyFile(tx, orgId, fileId);
  if (!file) throw new AppError('NOT_FOUND');
  return file;
}

/** An assessment as loadAssessment gives it (in the actor's scope). */
type LoadedAssessment = Awaited<ReturnType<typeof loadAssessment>>;
type LinkedFile = { id: string; name: string };

/**
 * The rule of changing the evidence of an assessment's indicator, on an assessment already loaded
 * in scope: those who fill it (403), an indicator of its framework (404), while that indicator may
 * change (draft, or reopened when returned; else 409). Every way of linking goes through here.
 */
export async function requireLinkableIndicator(
  tx: Tx,
  actor: Actor,
  target: LoadedAssessment,
  indicator: number,
) {
  const { assessment, org, framework } = target;
  if (!canEditAssessment(actor, org)) throw new AppError('FORBIDDEN');
  if (!framework.indicators.some((i) => i.number === indicator)) throw new AppError('NOT_FOUND');
  const [item] = await tx
    .select({ reopened: assessmentItems.reopened })
    .from(assessmentItems)
    .where(and(eq(assessmentItems.assessmentId, assessment.id), eq(assessmentItems.indicator, indicator)));
  const editable = editableIn(assessment.status);
  if (editable === 'none' || (editable === 'reopened' && !item?.reopened)) {
    throw new AppError('INVALID_STATE', { status: assessment.status });
  }
}

/**
 * Writes (or removes) the links of the body's files to one indicator, after
 * requireLinkableIndicator, with one audit event per link that changed: linking a file twice
 * writes nothing the second time. Returns the ids whose link changed.
 */
export async function writeIndicatorLinks(
  tx: Tx,
  actor: Actor,
  ctx: AuditContext,
  target: LoadedAssessment,
  input: {
    indicator: number;
    files: LinkedFile[];
    linked: boolean;
    /** Where a reused file came from, recorded with its link. */
    reusedFrom?: (fileId: string) => { framework: string; indicators: number[] } | undefined;
  },
): Promise<string[]> {
  const { assessment, org } = target;
  if (input.files.length === 0) return [];
  const ids = input.files.map((f) => f.id);
  const scope = and(
    eq(evidenceLinks.assessmentId, assessment.id),
    eq(evidenceLinks.indicator, input.indicator),
  );
  const changed = input.linked
    ? await tx
        .insert(evidenceLinks)
        .values(
          ids.map((fileId) => ({
            fileId,
            assessmentId: assessment.id,
            indicator: input.indicator,
            linkedBy: actor.userId,
          })),
        )
        .onConflictDoNothing()
        .returning({ fileId: evidenceLinks.fileId })
    : await tx
        .delete(evidenceLinks)
        .where(and(scope, inArray(evidenceLinks.fileId, ids)))
        .returning({ fileId: evidenceLinks.fileId });
  const changedIds = new Set(changed.map((r) => r.fileId));
  for (const file of input.files.filter((f) => changedIds.has(f.id))) {
    const reusedFrom = input.reusedFrom?.(file.id);
    await recordAudit(tx, ctx, {
      action: input.linked ? 'evidence.linked' : 'evidence.unlinked',
      entityType: 'assessment',
      entityId: assessment.id,
      orgId: org.id,
      summary: {
        indicator: input.indicator,
        fileId: file.id,
        name: file.name,
        ...(reusedFrom ? { reusedFrom } : {}),
      },
    });
  }
  return ids.filter((id) => changedIds.has(id));
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
    const target = await loadAssessment(tx, actor, input.assessmentId, 'share');
    await requireLinkableIndicator(tx, actor, target, input.indicator);
    const file = await requireBodyFile(tx, target.org.id, input.fileId);
    await writeIndicatorLinks(tx, actor, ctx, target, {
      indicator: input.indicator,
      files: [file],
      linked: input.linked,
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
