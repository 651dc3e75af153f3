import { sql } from 'drizzle-orm';
import type { AssessmentStatus, ItemSaveBody } from '../../../shared/contracts/assessments';
import { serviceNameClash, serviceNameKey } from '../../../shared/framework/chosen-services';
import type { Framework } from '../../../shared/framework/framework-schema';
import type { TextKey } from '../../../shared/texts';
import type { Db, Tx } from '../../db/client';
import { rowsOf } from '../../db/query-helpers';
import { transactionWithRetry } from '../../db/retry';
import { AppError } from '../../platform/app-error';
import { type AuditContext, auditInsertFrom } from '../../platform/audit';
import type { Actor } from '../../platform/auth/actor';
import { followupActivityTouch } from '../followup/followup.facts';
import { assessmentItemPolicy, canEditAssessment, editableIn } from './assessments.policy';
import { lockItem, lockServiceNames, userName } from './assessments.queries';
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
    if (indicator.chosenService)
      await checkDistinctService(tx, framework, id, indicatorNumber, input.serviceName);
    // The usual case in one statement: lock the item, check its version (and, when returned,
    // that it was reopened), write the level, its history row, the last-activity day and the audit
    // event. Only when that changes nothing is the item read again, to say why (not found, not
    // editable, or someone saved in between).
    const editable = editableIn(assessment.status);
    const saved =
      editable !== 'none'
        ? await writeLevel(tx, {
            assessmentId: id,
            orgId: org.id,
            indicator: indicatorNumber,
            input,
            keepService: indicator.chosenService,
            reopenedOnly: editable === 'reopened',
            round: assessment.round,
            userId: actor.userId,
            ctx,
          })
        : null;
    if (!saved) throw await whyNotSaved(tx, actor, subject, id, indicatorNumber, input);
    return {
      indicator: saved.indicator,
      level: saved.level,
      justification: saved.justification,
      serviceName: saved.serviceName,
      version: saved.version,
    };
  });
}

/**
 * Indicators 45–47 name three different services: a name another of them already uses (case and
 * whitespace aside) is refused with 409, naming that indicator, before anything is written.
 */
async function checkDistinctService(
  tx: Tx,
  framework: Framework,
  assessmentId: string,
  indicator: number,
  name: string | null | undefined,
) {
  if (!serviceNameKey(name)) return;
  const chosen = framework.indicators.filter((i) => i.chosenService).map((i) => i.number);
  const clash = serviceNameClash(name, indicator, await lockServiceNames(tx, assessmentId, chosen));
  if (clash === null) return;
  throw new AppError('ASSESSMENT_SERVICE_TAKEN', {
    indicator: clash,
    issues: [
      {
        field: 'body.serviceName',
        message: 'ASSESSMENT_SERVICE_NAME_TAKEN' satisfies TextKey,
        params: { indicator: clash },
      },
    ],
  });
}

type LevelWrite = {
  assessmentId: string;
  /** The body's follow-up facts get today as their last activity in the same statement. */
  orgId: string;
  indicator: number;
  input: ItemSaveBody;
  keepService: boolean;
  reopenedOnly: boolean;
  round: number;
  userId: string;
  ctx: AuditContext;
};

/**
 * The item policy's rule (assessments.policy.ts: editable in draft, or when returned only if
 * reopened) applied in the statement itself: `reopenedOnly` comes from its editableIn. Locks the
 * item, and when its version is the one the client started from (and, if only reopened items may
 * change, it was reopened) writes the level, a history row, the body's last-activity day and the
 * audit event: one round trip for what took five, which is what a team saving levels together
 * waits on. Null when nothing was written.
 */
async function writeLevel(tx: Tx, w: LevelWrite) {
  const serviceName = w.input.serviceName ?? null;
  const rows = rowsOf(
    await tx.execute(sql`with cur as (
        select level, version, service_name from assessment_items
        where assessment_id = ${w.assessmentId} and indicator = ${w.indicator}
          and (${!w.reopenedOnly}::boolean or reopened)
        for update),
      upd as (
        update assessment_items i set
          level = ${w.input.level}, justification = ${w.input.justification},
          service_name = case when ${w.keepService}::boolean then coalesce(${serviceName}::text, cur.service_name) end,
          version = cur.version + 1, updated_by = ${w.userId}, updated_at = now()
        from cur
        where i.assessment_id = ${w.assessmentId}::uuid and i.indicator = ${w.indicator}
          and cur.version = ${w.input.version}
        returning i.indicator, i.level, i.justification, i.service_name, i.version, cur.level as previous_level),
      hist as (
        insert into assessment_item_history
          (assessment_id, indicator, level, previous_level, justification, version, round, user_id)
        select ${w.assessmentId}::uuid, indicator, level, previous_level, justification, version,
          ${w.round}::int, ${w.userId}::uuid
        from upd),
      touch as (${followupActivityTouch(w.orgId, sql`exists (select 1 from upd)`)}),
      audit as (${auditInsertFrom(
        w.ctx,
        {
          action: 'assessment.level_saved',
          entityType: 'assessment',
          entityId: w.assessmentId,
          orgId: w.orgId,
          summary: {
            indicator: sql`upd.indicator`,
            from: sql`upd.previous_level`,
            to: sql`upd.level`,
            version: sql`upd.version`,
          },
        },
        sql`upd`,
      )})
      select * from upd`),
  );
  const r = rows[0];
  if (!r) return null;
  return {
    indicator: Number(r.indicator),
    level: r.level === null ? null : Number(r.level),
    justification: String(r.justification),
    serviceName: (r.service_name as string | null) ?? null,
    version: Number(r.version),
    previousLevel: r.previous_level === null ? null : Number(r.previous_level),
  };
}

/** The error for a save that wrote nothing, from the item as it is now. */
async function whyNotSaved(
  tx: Tx,
  actor: Actor,
  subject: { org: Parameters<typeof canEditAssessment>[1]; status: AssessmentStatus },
  id: string,
  indicatorNumber: number,
  input: ItemSaveBody,
): Promise<AppError> {
  const current = await lockItem(tx, id, indicatorNumber);
  if (!current) return new AppError('NOT_FOUND');
  if (!assessmentItemPolicy.can(actor, 'edit', { ...subject, reopened: current.reopened })) {
    return new AppError('INVALID_STATE', { status: subject.status, reopened: current.reopened });
  }
  return new AppError('VERSION_CONFLICT', {
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
