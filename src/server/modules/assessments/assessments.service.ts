import { and, eq, inArray } from 'drizzle-orm';
import type { Framework } from '../../../shared/framework/framework-schema';
import { score } from '../../../shared/framework/score';
import type { AssessmentStatus, ItemSaveBody } from '../../../shared/schemas/assessments';
import type { Db, DbOrTx, Tx } from '../../db/client';
import {
  assessmentComments,
  assessmentItemHistory,
  assessmentItems,
  assessmentSubmissions,
  assessments,
  assessmentTransitions,
  users,
} from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { type AuditContext, recordAudit } from '../../platform/audit';
import type { Actor } from '../../platform/auth/actor';
import { refreshFollowupFacts, touchFollowupActivity } from '../followup/followup.facts';
import { findFramework } from '../frameworks/frameworks.registry';
import { notify, usersWithRole } from '../notifications/notifications.service';
import { inOrgScope } from '../orgs/orgs.policy';
import { findOrgById } from '../orgs/orgs.queries';
import { getOrgInScope } from '../orgs/orgs.service';
import { settleObligations } from '../visits/obligations';
import {
  canEditAssessment,
  editableIn,
  mayTransition,
  type Transition,
  transitionTarget,
} from './assessments.policy';

/** The assessment with its body, or 404 when it does not exist or is outside the actor's scope. */
export async function loadAssessment(db: DbOrTx, actor: Actor, id: string, lock?: 'update' | 'share') {
  const q = db.select().from(assessments).where(eq(assessments.id, id));
  const [a] = await (lock === 'update' ? q.for('update') : lock === 'share' ? q.for('share') : q);
  if (!a) throw new AppError('NOT_FOUND');
  const org = await findOrgById(db, a.orgId);
  if (!org || !inOrgScope(actor, org)) throw new AppError('NOT_FOUND');
  return { assessment: a, org, framework: await findFramework(db, a.frameworkId) };
}

export async function createAssessment(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  orgCode: string,
  input: { year: number; frameworkId: string },
) {
  const org = await getOrgInScope(db, actor, orgCode);
  if (!canEditAssessment(actor, org)) throw new AppError('FORBIDDEN');
  const framework = await findFramework(db, input.frameworkId);
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(assessments)
      .values({
        orgId: org.id,
        year: input.year,
        frameworkId: framework.id,
        frameworkVersion: framework.version,
        createdBy: actor.userId,
      })
      .onConflictDoNothing()
      .returning();
    if (!created) throw new AppError('ASSESSMENT_EXISTS');
    await tx
      .insert(assessmentItems)
      .values(framework.indicators.map((i) => ({ assessmentId: created.id, indicator: i.number })));
    await recordAudit(tx, ctx, {
      action: 'assessment.created',
      entityType: 'assessment',
      entityId: created.id,
      orgId: org.id,
      summary: { year: input.year, framework: `${framework.id}@${framework.version}` },
    });
    await touchFollowupActivity(tx, org.id);
    return created;
  });
}

export async function saveItem(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  id: string,
  indicatorNumber: number,
  input: ItemSaveBody,
) {
  return db.transaction(async (tx) => {
    // A share lock keeps a concurrent submission from slipping between the check and the write.
    const { assessment, org, framework } = await loadAssessment(tx, actor, id, 'share');
    if (!canEditAssessment(actor, org)) throw new AppError('FORBIDDEN');
    const indicator = framework.indicators.find((i) => i.number === indicatorNumber);
    if (!indicator) throw new AppError('NOT_FOUND');
    if (input.serviceName && !indicator.chosenService) {
      throw new AppError('VALIDATION_FAILED', {
        issues: [
          { field: 'body.serviceName', message: 'Hanya untuk indikator layanan / service indicators only' },
        ],
      });
    }
    const [current] = await tx
      .select()
      .from(assessmentItems)
      .where(and(eq(assessmentItems.assessmentId, id), eq(assessmentItems.indicator, indicatorNumber)))
      .for('update');
    if (!current) throw new AppError('NOT_FOUND');
    const editable = editableIn(assessment.status);
    if (editable === 'none' || (editable === 'reopened' && !current.reopened)) {
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
    await tx.update(assessments).set({ updatedAt: new Date() }).where(eq(assessments.id, id));
    await touchFollowupActivity(tx, org.id);
    await recordAudit(tx, ctx, {
      action: 'assessment.level_saved',
      entityType: 'assessment',
      entityId: id,
      orgId: org.id,
      summary: { indicator: indicatorNumber, from: current.level, to: input.level, version: saved!.version },
    });
    return saved!;
  });
}

async function userName(db: DbOrTx, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const [u] = await db.select({ name: users.name }).from(users).where(eq(users.id, userId));
  return u?.name ?? null;
}

/** What is still missing before the assessment can be submitted. */
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
  return { levels, serviceNames };
}

export async function transition(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  id: string,
  action: Transition,
  input: { note: string; comments: { indicator: number; body: string }[] },
) {
  return db.transaction(async (tx) => {
    const { assessment, org, framework } = await loadAssessment(tx, actor, id, 'update');
    if (!mayTransition(actor, org, action)) throw new AppError('FORBIDDEN');
    const to = transitionTarget(action, assessment.status);
    if (!to) throw new AppError('INVALID_STATE', { status: assessment.status, action });
    const items = await tx.select().from(assessmentItems).where(eq(assessmentItems.assessmentId, id));
    let round = assessment.round;
    if (action === 'submit' || action === 'resubmit') {
      const missing = missingForSubmission(framework, items);
      if (missing.levels.length || missing.serviceNames.length) {
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
      if (!input.comments.length) {
        throw new AppError('VALIDATION_FAILED', {
          issues: [
            {
              field: 'body.comments',
              message: 'Sebutkan indikator yang harus diperbaiki / name the indicators to rework',
            },
          ],
        });
      }
      const known = new Set(framework.indicators.map((i) => i.number));
      const unknown = input.comments.filter((c) => !known.has(c.indicator));
      if (unknown.length) {
        throw new AppError('VALIDATION_FAILED', {
          issues: unknown.map((c) => ({
            field: 'body.comments',
            message: `Indikator ${c.indicator} tidak ada / no indicator ${c.indicator}`,
          })),
        });
      }
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
        title:
          action === 'return'
            ? {
                id: `Penilaian mandiri ${assessment.year} dikembalikan untuk diperbaiki`,
                en: `Self-assessment ${assessment.year} was returned for rework`,
              }
            : {
                id: `Penilaian mandiri ${assessment.year} diterima`,
                en: `Self-assessment ${assessment.year} was accepted`,
              },
        link: `/assessments/${id}`,
      });
    }
    // A submission after a visit meets its follow-up obligation; every transition can change the
    // levels the follow-up measure reads (submitted, accepted).
    if (action === 'submit' || action === 'resubmit') await settleObligations(tx, org.id);
    await refreshFollowupFacts(tx, [org.id]);
    return { status: to as AssessmentStatus, round };
  });
}

export async function addComment(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  id: string,
  indicatorNumber: number,
  body: string,
  allowed: (org: Awaited<ReturnType<typeof loadAssessment>>['org']) => boolean,
) {
  return db.transaction(async (tx: Tx) => {
    const { assessment, org, framework } = await loadAssessment(tx, actor, id);
    if (!allowed(org)) throw new AppError('FORBIDDEN');
    if (!framework.indicators.some((i) => i.number === indicatorNumber)) throw new AppError('NOT_FOUND');
    const [c] = await tx
      .insert(assessmentComments)
      .values({
        assessmentId: id,
        indicator: indicatorNumber,
        body,
        round: assessment.round,
        authorId: actor.userId,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'assessment.commented',
      entityType: 'assessment',
      entityId: id,
      orgId: org.id,
      summary: { indicator: indicatorNumber, commentId: c!.id },
    });
    return c!;
  });
}
