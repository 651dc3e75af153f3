import { and, count, eq, ne } from 'drizzle-orm';
import type { Target } from '../../../shared/contracts/plans';
import { checkLevels } from '../../../shared/framework/score';
import type { TextKey } from '../../../shared/texts';
import type { DbOrTx } from '../../db/client';
import { memberships, practices } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { findFramework } from '../frameworks/frameworks.registry';

// What an item may refer to, checked against the database before it is written. Each failure is
// a field issue with a text key (the error handler puts it in the request's language).

export const fieldIssue = (field: string, message: TextKey, params?: Record<string, string | number>) =>
  new AppError('VALIDATION_FAILED', { issues: [{ field, message, params }] });

/** Targets name indicators of the plan's framework (the engine's own check). */
export async function checkTargets(db: DbOrTx, frameworkId: string, targets: Target[] | undefined) {
  if (!targets?.length) return;
  const framework = await findFramework(db, frameworkId);
  const levels = Object.fromEntries(targets.map((t) => [t.indicator, t.level]));
  const unknown = checkLevels(framework, levels).map((i) => i.field.replace(/^levels\./, ''));
  if (unknown.length) {
    throw new AppError('VALIDATION_FAILED', {
      issues: unknown.map((indicator) => ({
        field: 'body.targets',
        message: 'PLAN_UNKNOWN_INDICATOR' satisfies TextKey,
        params: { indicator },
      })),
    });
  }
}

/** A cited practice must be in the catalogue (published or archived; drafts are the host's). */
export async function checkPractice(db: DbOrTx, practiceId: string | null | undefined) {
  if (!practiceId) return;
  const [p] = await db
    .select({ id: practices.id })
    .from(practices)
    .where(and(eq(practices.id, practiceId), ne(practices.status, 'draft')));
  if (!p) throw fieldIssue('body.practiceId', 'PLAN_UNKNOWN_PRACTICE');
}

/** An assignee must be a member of the body. */
export async function checkAssignee(db: DbOrTx, orgId: string, assigneeId: string | null | undefined) {
  if (!assigneeId) return;
  const [m] = await db
    .select({ n: count() })
    .from(memberships)
    .where(and(eq(memberships.userId, assigneeId), eq(memberships.orgId, orgId)));
  if (!m?.n) throw fieldIssue('body.assigneeId', 'PLAN_NOT_A_MEMBER');
}

/** Everything an item's new values refer to. */
export async function checkItemRefs(
  db: DbOrTx,
  plan: { orgId: string; frameworkId: string },
  v: { targets?: Target[]; assigneeId?: string | null; practiceId?: string | null },
) {
  await checkTargets(db, plan.frameworkId, v.targets);
  await checkAssignee(db, plan.orgId, v.assigneeId);
  await checkPractice(db, v.practiceId);
}
