import { and, eq, inArray } from 'drizzle-orm';
import type { AssessmentStatus } from '../../../shared/contracts/assessments';
import { repeatedServiceNames } from '../../../shared/framework/chosen-services';
import type { Framework } from '../../../shared/framework/framework-schema';
import { checkLevels, score } from '../../../shared/framework/score';
import { type TextKey, text } from '../../../shared/texts';
import type { Db, Tx } from '../../db/client';
import {
  assessmentComments,
  assessmentItems,
  assessmentSubmissions,
  assessments,
  assessmentTransitions,
} from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { type AuditContext, recordAudit } from '../../platform/audit';
import type { Actor } from '../../platform/auth/actor';
import { refreshFollowupFacts } from '../followup/followup.facts';
import { hostMentorsOf, notify, usersWithRole } from '../notifications/notifications.service';
import { settleObligations } from '../visits/visits.obligations';
import {
  assessmentPolicy,
  mayTransition,
  type Transition,
  transitionAbility,
  transitionTarget,
} from './assessments.policy';
import { loadAssessment } from './assessments.service';

type TransitionInput = { note: string; comments: { indicator: number; body: string }[] };

/**
 * What is still missing before the assessment can be submitted: levels, service names, and
 * distinct services (a repeat saved before the rule, or by a direct import, is listed here).
 */
export function missingForSubmission(
  framework: Framework,
  items: { indicator: number; level: number | null; serviceName: string | null }[],
) {
  const byNumber = new Map(items.map((i) => [i.indicator, i]));
  const levels: number[] = [];
  const serviceNames: number[] = [];
  for (const ind of framework.indicators) {
    const item = byNumber.get(ind.number);
    if (!item?.level) levels.push(ind.number);
    if (ind.chosenService && !item?.serviceName?.trim()) serviceNames.push(ind.number);
  }
  const chosen = new Set(framework.indicators.filter((i) => i.chosenService).map((i) => i.number));
  const repeatedServices = repeatedServiceNames(items.filter((i) => chosen.has(i.indicator))).map(
    (r) => r.indicator,
  );
  return { levels, serviceNames, repeatedServices };
}

/** A return names the indicators to rework, each one the framework's (checkLevels' rule). */
function checkReturnComments(framework: Framework, comments: TransitionInput['comments']) {
  if (!comments.length) {
    throw new AppError('VALIDATION_FAILED', {
      issues: [{ field: 'body.comments', message: 'ASSESSMENT_RETURN_NEEDS_COMMENTS' satisfies TextKey }],
    });
  }
  const unknown = comments.flatMap((c) =>
    checkLevels(framework, { [c.indicator]: 1 }).map((issue) => ({ ...issue, field: 'body.comments' })),
  );
  if (unknown.length) throw new AppError('VALIDATION_FAILED', { issues: unknown });
}

/** Reviewer's comments reopen exactly the indicators they name. */
async function reopenForRework(tx: Tx, actor: Actor, id: string, round: number, input: TransitionInput) {
  await tx.insert(assessmentComments).values(
    input.comments.map((c) => ({
      assessmentId: id,
      indicator: c.indicator,
      body: c.body,
      round,
      authorId: actor.userId,
    })),
  );
  await tx
    .update(assessmentItems)
    .set({ reopened: true })
    .where(
      and(
        eq(assessmentItems.assessmentId, id),
        inArray(
          assessmentItems.indicator,
          input.comments.map((c) => c.indicator),
        ),
      ),
    );
}

/** Notifications are stored in both languages; the texts come from the one table. */
const bothLanguages = (key: TextKey, params: Record<string, string | number>) => ({
  id: text('id', key, params),
  en: text('en', key, params),
});

export async function transition(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  id: string,
  action: Transition,
  input: TransitionInput,
) {
  return db.transaction(async (tx) => {
    const { assessment, org, framework } = await loadAssessment(tx, actor, id, 'update');
    if (!assessmentPolicy.can(actor, transitionAbility[action], { org, status: assessment.status })) {
      // Allowed to take this step, but not from this status → 409; not allowed at all → 403.
      if (!mayTransition(actor, org, action)) throw new AppError('FORBIDDEN');
      throw new AppError('INVALID_STATE', { status: assessment.status, action });
    }
    const to = transitionTarget(action, assessment.status)!;
    const items = await tx.select().from(assessmentItems).where(eq(assessmentItems.assessmentId, id));
    let round = assessment.round;
    if (action === 'submit' || action === 'resubmit') {
      const missing = missingForSubmission(framework, items);
      if (missing.levels.length || missing.serviceNames.length || missing.repeatedServices.length) {
        throw new AppError('ASSESSMENT_INCOMPLETE', { missing });
      }
      round += 1;
      const levels = Object.fromEntries(items.map((i) => [String(i.indicator), i.level!]));
      await tx.insert(assessmentSubmissions).values({
        assessmentId: id,
        round,
        levels,
        index: score(framework, levels).index?.exact ?? null,
        submittedBy: actor.userId,
      });
      await tx.update(assessmentItems).set({ reopened: false }).where(eq(assessmentItems.assessmentId, id));
    }
    if (action === 'return') {
      checkReturnComments(framework, input.comments);
      await reopenForRework(tx, actor, id, round, input);
    }
    await tx
      .update(assessments)
      .set({ status: to, round, updatedAt: new Date() })
      .where(eq(assessments.id, id));
    await tx.insert(assessmentTransitions).values({
      assessmentId: id,
      fromStatus: assessment.status,
      toStatus: to,
      note: input.note,
      userId: actor.userId,
    });
    await recordAudit(tx, ctx, {
      action: `assessment.${action}`,
      entityType: 'assessment',
      entityId: id,
      orgId: org.id,
      summary: {
        from: assessment.status,
        to,
        round,
        note: input.note || undefined,
        indicators: action === 'return' ? input.comments.map((c) => c.indicator) : undefined,
      },
    });
    if (action === 'return' || action === 'accept') {
      await notify(tx, await usersWithRole(tx, org.id, ['body_admin', 'operator']), {
        kind: `assessment.${action}`,
        title: bothLanguages(
          action === 'return' ? 'ASSESSMENT_RETURNED_TITLE' : 'ASSESSMENT_ACCEPTED_TITLE',
          { year: assessment.year },
        ),
        link: `/assessments/${id}`,
      });
    }
    if (action === 'submit' || action === 'resubmit') {
      // The host mentoring the body reviews it: its mentors learn of the submission at once (in
      // the app, and by email through the outbox like every notification).
      await notify(tx, await hostMentorsOf(tx, org.id), {
        kind: `assessment.${action}`,
        title: bothLanguages(
          action === 'submit' ? 'ASSESSMENT_SUBMITTED_TITLE' : 'ASSESSMENT_RESUBMITTED_TITLE',
          { org: org.name, year: assessment.year },
        ),
        link: `/assessments/${id}`,
      });
      // A submission after a visit meets its follow-up obligation.
      await settleObligations(tx, org.id);
    }
    // Every transition can change the levels the follow-up measure reads (submitted, accepted).
    await refreshFollowupFacts(tx, [org.id]);
    return { status: to as AssessmentStatus, round };
  });
}
