import type { Locale } from '../../../shared/errors';
import type { YearRuleEntry } from '../../../shared/framework/framework-for-year';
import type { Framework } from '../../../shared/framework/framework-schema';
import { crosswalkInto } from '../../../shared/framework/frameworks';
import { findIndicator } from '../../../shared/framework/score';
import type { Db, DbOrTx, Tx } from '../../db/client';
import { assessmentComments, assessmentItems, assessments } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { type AuditContext, recordAudit } from '../../platform/audit';
import type { Actor } from '../../platform/auth/actor';
import { touchFollowupActivity } from '../followup/followup.facts';
import { findFramework } from '../frameworks/frameworks.registry';
import { frameworkOfYear } from '../frameworks/frameworks.year';
import { inOrgScope } from '../orgs/orgs.policy';
import { getOrgInScope } from '../orgs/orgs.service';
import { assessmentItemPolicy, assessmentListPolicy, assessmentPolicy } from './assessments.policy';
import { assessmentTable, presentSummary } from './assessments.presenter';
import {
  assessmentDetail,
  findAssessmentWithOrg,
  itemHistory,
  listOrgAssessments,
} from './assessments.queries';

// Use cases of self-assessments: start one, read it (with what the actor may do), comment, export.
// Saving a level: assessments.item.service.ts; the workflow: assessments.transition.service.ts.

/** The assessment with its body, or 404 when it does not exist or is outside the actor's scope. */
export async function loadAssessment(db: DbOrTx, actor: Actor, id: string, lock?: 'update' | 'share') {
  const row = await findAssessmentWithOrg(db, id, lock);
  if (!row || !inOrgScope(actor, row.org)) throw new AppError('NOT_FOUND');
  return {
    assessment: row.assessment,
    org: row.org,
    // The version it was made with: a later correction of the framework never re-scores it.
    framework: await findFramework(db, row.assessment.frameworkId, row.assessment.frameworkVersion),
  };
}

/** The framework's indicator, or 404: an indicator the framework does not have is no resource. */
export function requireIndicator(framework: Framework, indicator: number) {
  const found = findIndicator(framework, indicator);
  if (!found) throw new AppError('NOT_FOUND');
  return found;
}

export async function listAssessments(db: DbOrTx, actor: Actor, orgCode: string) {
  const org = await getOrgInScope(db, actor, orgCode);
  const rows = await listOrgAssessments(db, org.id);
  const data = await Promise.all(
    rows.map(async ({ row, levels }) =>
      presentSummary(row, org, await findFramework(db, row.frameworkId, row.frameworkVersion), levels),
    ),
  );
  return { data, abilities: assessmentListPolicy.abilities(actor, org) };
}

/** The assessment with its items; the record and each item carry what the actor may do. */
export async function readAssessment(db: DbOrTx, actor: Actor, id: string) {
  const { assessment, org, framework } = await loadAssessment(db, actor, id);
  const detail = await assessmentDetail(db, assessment, org, framework);
  const subject = { org, status: assessment.status };
  return {
    data: {
      ...detail,
      crosswalkFrom: crosswalkInto(framework.id)?.from ?? null,
      items: detail.items.map((item) => ({
        ...item,
        abilities: assessmentItemPolicy.abilities(actor, { ...subject, reopened: item.reopened }),
      })),
    },
    abilities: assessmentPolicy.abilities(actor, subject),
  };
}

export async function readItemHistory(db: DbOrTx, actor: Actor, id: string, indicator: number) {
  const { framework } = await loadAssessment(db, actor, id);
  requireIndicator(framework, indicator);
  return itemHistory(db, id, indicator);
}

/** The assessment as a table (one row per indicator) with the file name it is offered under. */
export async function exportAssessment(db: DbOrTx, actor: Actor, id: string, locale: Locale) {
  const { assessment, org, framework } = await loadAssessment(db, actor, id);
  const detail = await assessmentDetail(db, assessment, org, framework);
  return {
    ...assessmentTable(framework, detail, locale),
    name: `penilaian-mandiri-${org.code}-${assessment.year}`,
    sheet: `SPBE ${assessment.year}`,
  };
}

/**
 * Starts a self-assessment of a year on the framework that year uses (frameworks.year.ts), in its
 * current version, which the assessment records. A framework the client names must be that one.
 */
export async function createAssessment(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  rule: readonly YearRuleEntry[],
  orgCode: string,
  input: { year: number; frameworkId?: string },
) {
  const org = await getOrgInScope(db, actor, orgCode);
  if (!assessmentListPolicy.can(actor, 'create', org)) throw new AppError('FORBIDDEN');
  const { framework } = await frameworkOfYear(db, rule, input.year, {
    field: 'body.year',
    asked: input.frameworkId,
    askedField: 'body.frameworkId',
  });
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

export async function addComment(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  id: string,
  indicatorNumber: number,
  body: string,
) {
  return db.transaction(async (tx: Tx) => {
    const { assessment, org, framework } = await loadAssessment(tx, actor, id);
    if (!assessmentPolicy.can(actor, 'comment', { org, status: assessment.status })) {
      throw new AppError('FORBIDDEN');
    }
    requireIndicator(framework, indicatorNumber);
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
