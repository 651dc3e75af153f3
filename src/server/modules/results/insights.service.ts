import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { yearOf } from '../../../shared/calendar';
import type { scenarioBodySchema } from '../../../shared/contracts/results';
import type { YearRuleEntry } from '../../../shared/framework/framework-for-year';
import { checkLevels } from '../../../shared/framework/score';
import type { Db, DbOrTx } from '../../db/client';
import { orgs, scenarios } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { type AuditContext, recordAudit } from '../../platform/audit';
import type { Actor } from '../../platform/auth/actor';
import { today } from '../../platform/calendar';
import { findFramework } from '../frameworks/frameworks.registry';
import { frameworkOfYear } from '../frameworks/frameworks.year';
import { orgAbilities } from '../orgs/orgs.policy';
import { getOrgInScope } from '../orgs/orgs.service';
import { calibration, history } from './calibration.queries';
import { comparison } from './comparison.queries';
import { scenariosOf } from './insights.queries';
import { scenarioListPolicy, scenarioPolicy } from './results.policy';

// Comparing, calibrating and simulating a body's index: reads within the actor's scope, the
// body's sharing switch, and the scenarios its members save from the simulator.

type YearQuery = { framework?: string; year?: number };

/**
 * What a comparison or calibration compares: results of one framework and year only. The
 * framework named; else the one the year asked for uses; else the one of the body's latest
 * result (else the current year's). The year asked for; else the body's latest year on that
 * framework, else this year.
 */
async function frameworkAndYear(db: DbOrTx, rule: readonly YearRuleEntry[], orgId: string, q: YearQuery) {
  const framework = q.framework
    ? await findFramework(db, q.framework)
    : q.year
      ? (await frameworkOfYear(db, rule, q.year, { field: 'querystring.year' })).framework
      : await bodyFramework(db, rule, orgId);
  const year = q.year ?? (await history(db, orgId, framework.id)).at(-1)?.year ?? yearOf(today());
  return { framework, year };
}

/**
 * The framework of the body's latest result (self-assessment or official), else the current year's:
 * what its comparison page and its rapor read by default.
 */
export async function bodyFramework(db: DbOrTx, rule: readonly YearRuleEntry[], orgId: string) {
  const latest = (await history(db, orgId)).at(-1);
  return latest
    ? findFramework(db, latest.frameworkId)
    : (await frameworkOfYear(db, rule, yearOf(today()), { field: 'querystring.year' })).framework;
}

export async function compareBody(
  db: DbOrTx,
  actor: Actor,
  rule: readonly YearRuleEntry[],
  code: string,
  q: YearQuery,
) {
  const org = await getOrgInScope(db, actor, code);
  const { framework, year } = await frameworkAndYear(db, rule, org.id, q);
  return comparison(db, org, framework, year);
}

export async function calibrateBody(
  db: DbOrTx,
  actor: Actor,
  rule: readonly YearRuleEntry[],
  code: string,
  q: YearQuery,
) {
  const org = await getOrgInScope(db, actor, code);
  const { framework, year } = await frameworkAndYear(db, rule, org.id, q);
  return calibration(db, org.id, framework, year);
}

/** The body's results per year and framework: every framework, or the one named. */
export async function bodyHistory(db: DbOrTx, actor: Actor, code: string, frameworkId?: string) {
  const org = await getOrgInScope(db, actor, code);
  if (frameworkId) await findFramework(db, frameworkId);
  return history(db, org.id, frameworkId);
}

export async function changeSharing(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  code: string,
  shareLevels: boolean,
) {
  const org = await getOrgInScope(db, actor, code);
  if (!orgAbilities(actor, org).changeSharing) throw new AppError('FORBIDDEN');
  await db.transaction(async (tx) => {
    await tx.update(orgs).set({ shareLevels, updatedAt: new Date() }).where(eq(orgs.id, org.id));
    await recordAudit(tx, ctx, {
      action: 'org.sharing_changed',
      entityType: 'org',
      entityId: org.code,
      orgId: org.id,
      summary: { from: org.shareLevels, to: shareLevels },
    });
  });
  return { shareLevels };
}

/** A body's saved scenarios: of one framework, or of every one (each names its own). */
export async function listScenarios(db: DbOrTx, actor: Actor, code: string, frameworkId?: string) {
  const org = await getOrgInScope(db, actor, code);
  const rows = await scenariosOf(db, org.id, frameworkId);
  return {
    data: rows.map(({ s, author }) => {
      const abilities = scenarioPolicy.abilities(actor, { org, createdBy: s.createdBy });
      return {
        id: s.id,
        frameworkId: s.frameworkId,
        name: s.name,
        levels: s.levels,
        target: s.target,
        createdBy: author,
        createdAt: s.createdAt.toISOString(),
        canDelete: abilities.delete,
        abilities,
      };
    }),
    abilities: scenarioListPolicy.abilities(actor, org),
  };
}

export async function saveScenario(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  rule: readonly YearRuleEntry[],
  code: string,
  input: z.infer<typeof scenarioBodySchema>,
) {
  const org = await getOrgInScope(db, actor, code);
  if (!scenarioListPolicy.can(actor, 'create', org)) throw new AppError('FORBIDDEN');
  const framework = input.frameworkId
    ? await findFramework(db, input.frameworkId)
    : await bodyFramework(db, rule, org.id);
  const issues = checkLevels(framework, input.levels);
  if (issues.length) {
    throw new AppError('VALIDATION_FAILED', {
      issues: issues.map((i) => ({ ...i, field: `body.${i.field}` })),
    });
  }
  return db.transaction(async (tx) => {
    const [s] = await tx
      .insert(scenarios)
      .values({
        orgId: org.id,
        frameworkId: framework.id,
        name: input.name,
        levels: input.levels,
        target: input.target ?? null,
        createdBy: actor.userId,
      })
      .returning({ id: scenarios.id });
    await recordAudit(tx, ctx, {
      action: 'scenario.saved',
      entityType: 'scenario',
      entityId: s!.id,
      orgId: org.id,
      summary: { name: input.name, target: input.target ?? null },
    });
    return s!.id;
  });
}

export async function deleteScenario(db: Db, actor: Actor, ctx: AuditContext, code: string, id: string) {
  const org = await getOrgInScope(db, actor, code);
  await db.transaction(async (tx) => {
    const [s] = await tx
      .select()
      .from(scenarios)
      .where(and(eq(scenarios.id, id), eq(scenarios.orgId, org.id)));
    if (!s) throw new AppError('NOT_FOUND');
    if (!scenarioPolicy.can(actor, 'delete', { org, createdBy: s.createdBy }))
      throw new AppError('FORBIDDEN');
    await tx.delete(scenarios).where(eq(scenarios.id, s.id));
    await recordAudit(tx, ctx, {
      action: 'scenario.deleted',
      entityType: 'scenario',
      entityId: s.id,
      orgId: org.id,
      summary: { name: s.name },
    });
  });
}
