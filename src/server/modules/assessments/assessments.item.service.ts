import { and, eq } from 'drizzle-orm';
import type { ItemSaveBody } from '../../../shared/contracts/assessments';
import type { Db } from '../../db/client';
import { transactionWithRetry } from '../../db/retry';
import { assessmentItemHistory, assessmentItems } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { type AuditContext, recordAudit } from '../../platform/audit';
import type { Actor } from '../../platform/auth/actor';
import { touchFollowupActivity } from '../followup/followup.facts';
import { assessmentItemPolicy, canEditAssessment } from './assessments.policy';
import { lockItem, userName } from './assessments.queries';
import { loadAssessment, requireIndicator } from './assessments.service';

/**
 * Saves one indicator. The client names the version it started from; when someone saved in
 * between, the answer is 409 VERSION_CONFLICT with both versions, so nothing is overwritten blindly.
 */
export async function saveItem(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  id: string,
  indicatorNumber: number,
  input: ItemSaveBody,
) {
  // Retried when PostgreSQL picks it as a deadlock victim: it writes only to the database.
  return transactionWithRetry(db, async (tx) => {
    // A share lock keeps a concurrent submission (which takes the row FOR UPDATE) from slipping
    // between the check and the write. Concurrent saves share it and never write the assessment
    // row itself (its "updated" time is derived from the items), so they cannot deadlock on it.
    const { assessment, org, framework } = await loadAssessment(tx, actor, id, 'share');
    const subject = { org, status: assessment.status };
    // Not an editor at all → 403; an editor at the wrong status (or item) → 409 below.
    if (!canEditAssessment(actor, org)) throw new AppError('FORBIDDEN');
    const indicator = requireIndicator(framework, indicatorNumber);
    if (input.serviceName && !indicator.chosenService) {
      throw new AppError('VALIDATION_FAILED', {
        issues: [{ field: 'body.serviceName', message: 'ASSESSMENT_SERVICE_NAME_ONLY' }],
      });
    }
    const current = await lockItem(tx, id, indicatorNumber);
    if (!current) throw new AppError('NOT_FOUND');
    if (!assessmentItemPolicy.can(actor, 'edit', { ...subject, reopened: current.reopened })) {
      throw new AppError('INVALID_STATE', { status: assessment.status, reopened: current.reopened });
    }
    if (current.version !== input.version) {
      throw new AppError('VERSION_CONFLICT', {
        yours: {
          level: input.level,
          justification: input.justification,
          serviceName: input.serviceName ?? null,
          version: input.version,
        },
        current: {
          level: current.level,
          justification: current.justification,
          serviceName: current.serviceName,
          version: current.version,
          updatedAt: current.updatedAt.toISOString(),
          updatedBy: await userName(tx, current.updatedBy),
        },
      });
    }
    const [saved] = await tx
      .update(assessmentItems)
      .set({
        level: input.level,
        justification: input.justification,
        serviceName: indicator.chosenService ? (input.serviceName ?? current.serviceName) : null,
        version: current.version + 1,
        updatedBy: actor.userId,
        updatedAt: new Date(),
      })
      .where(and(eq(assessmentItems.assessmentId, id), eq(assessmentItems.indicator, indicatorNumber)))
      .returning();
    await tx.insert(assessmentItemHistory).values({
      assessmentId: id,
      indicator: indicatorNumber,
      level: input.level,
      previousLevel: current.level,
      justification: input.justification,
      version: saved!.version,
      round: assessment.round,
      userId: actor.userId,
    });
    await touchFollowupActivity(tx, org.id);
    await recordAudit(tx, ctx, {
      action: 'assessment.level_saved',
      entityType: 'assessment',
      entityId: id,
      orgId: org.id,
      summary: { indicator: indicatorNumber, from: current.level, to: input.level, version: saved!.version },
    });
    return {
      indicator: saved!.indicator,
      level: saved!.level,
      justification: saved!.justification,
      serviceName: saved!.serviceName,
      version: saved!.version,
    };
  });
}
