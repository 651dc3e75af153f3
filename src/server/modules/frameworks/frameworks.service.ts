import type { OptimiseBody } from '../../../shared/contracts/frameworks';
import { type Framework, frameworkSchema } from '../../../shared/framework/framework-schema';
import { optimise } from '../../../shared/framework/optimise';
import { presentScore } from '../../../shared/framework/present-score';
import { type Levels, LevelsError, score } from '../../../shared/framework/score';
import type { Db, DbOrTx } from '../../db/client';
import { frameworkDefinitions } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { type AuditContext, recordAudit } from '../../platform/audit';
import type { Actor } from '../../platform/auth/actor';
import { frameworkPolicy } from './frameworks.policy';
import {
  findFramework,
  frameworkProblems,
  listFrameworks,
  shippedFramework,
  storedVersions,
} from './frameworks.registry';

// The public calculator (score, optimise) and loading another framework from its JSON definition.

/** The engine's level problems are the request's validation problems. */
function asValidation(err: unknown): never {
  if (err instanceof LevelsError) {
    throw new AppError('VALIDATION_FAILED', {
      issues: err.issues.map((i) => ({ ...i, field: `body.${i.field}` })),
    });
  }
  throw err;
}

/** What lists and the year rule show of a framework in its current version. */
export function summarise(f: Framework) {
  const s = shippedFramework(f.id);
  return {
    id: f.id,
    name: f.name,
    version: f.version,
    status: f.status,
    source: f.source,
    indicatorCount: f.indicators.length,
    predicates: f.predicates,
    appliesFrom: f.appliesFrom ?? null,
    appliesUntil: f.appliesUntil ?? null,
    shipped: !!s,
    correctsVersion: s && s.version !== f.version ? s.version : null,
  };
}

export async function frameworkSummaries(db: DbOrTx) {
  return (await listFrameworks(db)).map(summarise);
}

export async function scoreLevels(db: DbOrTx, id: string, levels: Levels) {
  const framework = await findFramework(db, id);
  try {
    return presentScore(score(framework, levels));
  } catch (err) {
    asValidation(err);
  }
}

export async function optimiseLevels(db: DbOrTx, id: string, input: OptimiseBody) {
  const framework = await findFramework(db, id);
  const fw = { id: framework.id, version: framework.version };
  try {
    const target = typeof input.target === 'number' ? { index: input.target } : { predicate: input.target };
    const r = optimise(framework, input.levels, target, input.effort, {
      maxStepPerYear: input.maxStepPerYear,
      years: input.years,
    });
    return r.reachable
      ? {
          framework: fw,
          ...r,
          predicate: r.predicate.id,
          byYear: r.byYear.map((y) => ({ ...y, predicate: y.predicate.id })),
          maxIndex: null,
        }
      : {
          framework: fw,
          reachable: false,
          steps: [],
          totalEffort: null,
          index: null,
          predicate: null,
          assumedLevel1: r.assumedLevel1,
          years: null,
          byYear: [],
          maxIndex: r.maxIndex,
        };
  } catch (err) {
    asValidation(err);
  }
}

/**
 * Platform admins load another framework, or correct one (shipped or loaded) without a release by
 * loading it under the same id with a new version: from then on new work uses the correction,
 * while every assessment keeps the version it recorded. Every problem is listed (400
 * FRAMEWORK_INVALID) and nothing is stored unless it is valid; an id and version pair is loaded
 * once (409).
 */
export async function loadFramework(db: Db, actor: Actor, ctx: AuditContext, input: unknown) {
  if (!frameworkPolicy.can(actor, 'load', null)) throw new AppError('FORBIDDEN');
  const problems = frameworkProblems(input);
  if (problems.length) throw new AppError('FRAMEWORK_INVALID', { problems });
  const framework: Framework = frameworkSchema.parse(input);
  const shipped = shippedFramework(framework.id);
  const conflict = () => new AppError('CONFLICT', { id: framework.id, version: framework.version });
  if (shipped?.version === framework.version) throw conflict();
  return db.transaction(async (tx) => {
    // The version new work used until now (null: the id is new), read before the insert.
    const previous = (await storedVersions(tx, framework.id)).length
      ? await findFramework(tx, framework.id)
      : (shipped ?? null);
    const [row] = await tx
      .insert(frameworkDefinitions)
      .values({
        id: framework.id,
        version: framework.version,
        correctsVersion: shipped?.version ?? null,
        definition: framework,
        uploadedBy: actor.userId,
      })
      .onConflictDoNothing()
      .returning({ id: frameworkDefinitions.id });
    if (!row) throw conflict();
    const counts = { status: framework.status, indicators: framework.indicators.length };
    if (previous) {
      await recordAudit(tx, ctx, {
        action: 'framework.corrected',
        entityType: 'framework',
        entityId: framework.id,
        summary: { version: framework.version, replaces: previous.version, ...counts },
      });
    } else {
      await recordAudit(tx, ctx, {
        action: 'framework.loaded',
        entityType: 'framework',
        entityId: framework.id,
        summary: { version: framework.version, ...counts },
      });
    }
    return {
      id: framework.id,
      version: framework.version,
      indicatorCount: framework.indicators.length,
      replaces: previous?.version ?? null,
    };
  });
}
