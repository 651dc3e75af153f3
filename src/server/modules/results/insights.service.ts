import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { yearOf } from '../../../shared/calendar';
import type { scenarioBodySchema } from '../../../shared/contracts/results';
import { checkLevels } from '../../../shared/framework/score';
import type { Db, DbOrTx } from '../../db/client';
import { orgs, scenarios } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { type AuditContext, recordAudit } from '../../platform/audit';
import type { Actor } from '../../platform/auth/actor';
import { today } from '../../platform/calendar';
import { findFramework } from '../frameworks/frameworks.registry';
import { orgAbilities } from '../orgs/orgs.policy';
import { getOrgInScope } from '../orgs/orgs.service';
import { calibration, history } from './calibration.queries';
import { comparison } from './comparison.queries';
import { scenariosOf } from './insights.queries';
import { scenarioListPolicy, scenarioPolicy } from './results.policy';

// Comparing, calibrating and simulating a body's index: reads within the actor's scope, the
// body's sharing switch, and the scenarios its members save from the simulator.

/** The year asked for, else the latest year with any result of the body, else this year. */
async function yearFor(db: DbOrTx, orgId: string, frameworkId: string, asked?: number) {
  if (asked) return asked;
  const h = await history(db, orgId, await findFramework(db, frameworkId));
  return h.at(-1)?.year ?? yearOf(today());
}

type YearQuery = { framework: string; year?: number };

export async function compareBody(db: DbOrTx, actor: Actor, code: string, q: YearQuery) {
  const org = await getOrgInScope(db, actor, code);
  const framework = await findFramework(db, q.framework);
  return comparison(db, org, framework, await yearFor(db, org.id, framework.id, q.year));
}

export async function calibrateBody(db: DbOrTx, actor: Actor, code: string, q: YearQuery) {
  const org = await getOrgInScope(db, actor, code);
  const framework = await findFramework(db, q.framework);
  return calibration(db, org.id, framework, await yearFor(db, org.id, framework.id, q.year));
}

export async function bodyHistory(db: DbOrTx, actor: Actor, code: string, frameworkId: string) {
  const org = await getOrgInScope(db, actor, code);
  return history(db, org.id, await findFramework(db, frameworkId));
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

export async function listScenarios(db: DbOrTx, actor: Actor, code: string, frameworkId: string) {
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
  code: string,
  input: z.infer<typeof scenarioBodySchema>,
) {
  const org = await getOrgInScope(db, actor, code);
  if (!scenarioListPolicy.can(actor, 'create', org)) throw new AppError('FORBIDDEN');
  const framework = await findFramework(db, input.frameworkId);
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
