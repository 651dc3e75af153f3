import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { officialResultBodySchema } from '../../../shared/contracts/results';
import type { YearRuleEntry } from '../../../shared/framework/framework-for-year';
import { validateOfficialResult } from '../../../shared/framework/official-result';
import type { Db, DbOrTx } from '../../db/client';
import { officialResults } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { type AuditContext, recordAudit } from '../../platform/audit';
import type { Actor } from '../../platform/auth/actor';
import { refreshFollowupFacts } from '../followup/followup.facts';
import { findFramework } from '../frameworks/frameworks.registry';
import { frameworkOfYear } from '../frameworks/frameworks.year';
import { getOrg } from '../orgs/orgs.service';
import { officialResultPolicy } from './results.policy';
import { presentResult } from './results.presenter';
import { listOrgResults } from './results.queries';

// Official results entered one by one (the bulk import: results.import.service.ts).
type OfficialResultBody = z.infer<typeof officialResultBodySchema>;

/** A body's official results; everyone signed in reads them, the abilities say who may enter. */
export async function officialResultsOf(db: DbOrTx, actor: Actor, orgCode: string) {
  const org = await getOrg(db, orgCode);
  return { data: await listOrgResults(db, org.id), abilities: officialResultPolicy.abilities(actor, null) };
}

/** The framework named, else the one the evaluation year used (frameworks.year.ts). */
async function resultFramework(
  db: DbOrTx,
  rule: readonly YearRuleEntry[],
  year: number,
  frameworkId: string | undefined,
  field: string,
) {
  return frameworkId
    ? findFramework(db, frameworkId)
    : (await frameworkOfYear(db, rule, year, { field })).framework;
}

/**
 * Enters (or replaces) a body's official result for a year: total, with domains, or all levels;
 * on the framework named, else the one that year used.
 */
export async function saveOfficialResult(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  rule: readonly YearRuleEntry[],
  orgCode: string,
  year: number,
  input: OfficialResultBody,
) {
  if (!officialResultPolicy.can(actor, 'manage', null)) throw new AppError('FORBIDDEN');
  const org = await getOrg(db, orgCode);
  const framework = await resultFramework(db, rule, year, input.frameworkId, 'body.frameworkId');
  const checked = validateOfficialResult(framework, input);
  if (!checked.value) {
    throw new AppError('VALIDATION_FAILED', {
      issues: checked.problems.map((p) => ({ ...p, field: `body.${p.field}` })),
    });
  }
  const v = checked.value;
  return db.transaction(async (tx) => {
    const values = {
      index: v.index,
      predicate: v.predicate,
      domains: v.domains,
      levels: v.levels,
      source: input.source,
      isReference: false,
      isSample: false,
      enteredBy: actor.userId,
      updatedAt: new Date(),
    };
    const [row] = await tx
      .insert(officialResults)
      .values({ orgId: org.id, year, frameworkId: framework.id, ...values })
      .onConflictDoUpdate({
        target: [officialResults.orgId, officialResults.year, officialResults.frameworkId],
        set: values,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'official_result.saved',
      entityType: 'official_result',
      entityId: row!.id,
      orgId: org.id,
      summary: {
        org: org.code,
        year,
        framework: framework.id,
        index: v.index,
        detail: v.levels ? 'levels' : v.domains ? 'domains' : 'total',
      },
    });
    await refreshFollowupFacts(tx, [org.id]);
    return presentResult(row!);
  });
}

/** Deletes a body's official result of a year, on the framework named, else the one that year used. */
export async function deleteOfficialResult(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  rule: readonly YearRuleEntry[],
  orgCode: string,
  named: string | undefined,
  year: number,
) {
  if (!officialResultPolicy.can(actor, 'manage', null)) throw new AppError('FORBIDDEN');
  const org = await getOrg(db, orgCode);
  const frameworkId = (await resultFramework(db, rule, year, named, 'querystring.framework')).id;
  return db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(officialResults)
      .where(
        and(
          eq(officialResults.orgId, org.id),
          eq(officialResults.year, year),
          eq(officialResults.frameworkId, frameworkId),
        ),
      )
      .returning();
    if (!gone) throw new AppError('NOT_FOUND');
    await recordAudit(tx, ctx, {
      action: 'official_result.deleted',
      entityType: 'official_result',
      entityId: gone.id,
      orgId: org.id,
      summary: { org: org.code, year, framework: frameworkId, index: gone.index },
    });
    await refreshFollowupFacts(tx, [org.id]);
  });
}
