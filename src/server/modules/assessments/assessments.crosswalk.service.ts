import { relatedIndicators } from '../../../shared/framework/crosswalk';
import type { Framework } from '../../../shared/framework/framework-schema';
import { crosswalkInto } from '../../../shared/framework/frameworks';
import { findIndicator } from '../../../shared/framework/score';
import type { Db, DbOrTx } from '../../db/client';
import { transactionWithRetry } from '../../db/retry';
import { AppError } from '../../platform/app-error';
import type { AuditContext } from '../../platform/audit';
import type { Actor } from '../../platform/auth/actor';
import { requireLinkableIndicator, writeIndicatorLinks } from '../evidence/evidence.links.service';
import { findFramework } from '../frameworks/frameworks.registry';
import { latestDetailedResult } from '../results/results.queries';
import { presentItemCrosswalk } from './assessments.crosswalk.presenter';
import {
  itemReopened,
  itemsOf,
  latestAssessmentOn,
  linkedFileIds,
  relatedEvidence,
} from './assessments.crosswalk.queries';
import { assessmentItemPolicy } from './assessments.policy';
import { loadAssessment, requireIndicator } from './assessments.service';

// A body filling an indicator of a newer framework (Pemdi 2026) sees what it recorded on the
// related indicators of the framework it replaced (SPBE 2020), and links that evidence again
// without uploading it twice. Reading is reading the assessment; reusing is linking evidence, by
// the evidence module's own rule (evidence.links.service.ts).

/** The crosswalk into the assessment's framework and the framework it comes from; 404 when none. */
async function requireCrosswalk(db: DbOrTx, framework: Framework) {
  const crosswalk = crosswalkInto(framework.id);
  if (!crosswalk) throw new AppError('NOT_FOUND');
  return { crosswalk, from: await findFramework(db, crosswalk.from.id) };
}

/** The earlier indicators related to one indicator, keeping only those its framework has. */
function relatedOf(crosswalk: NonNullable<ReturnType<typeof crosswalkInto>>, from: Framework, n: number) {
  return relatedIndicators(crosswalk, n).filter((r) => findIndicator(from, r));
}

/** The related earlier indicators of one indicator, with the body's levels, justifications and evidence. */
export async function readItemCrosswalk(db: DbOrTx, actor: Actor, id: string, indicator: number) {
  const { assessment, org, framework } = await loadAssessment(db, actor, id);
  const { crosswalk, from } = await requireCrosswalk(db, framework);
  requireIndicator(framework, indicator);
  const related = relatedOf(crosswalk, from, indicator);
  const [source, result, evidence, linkedHere, reopened] = await Promise.all([
    latestAssessmentOn(db, org.id, from.id),
    latestDetailedResult(db, org.id, from.id),
    relatedEvidence(db, org.id, from.id, related),
    linkedFileIds(db, assessment.id, indicator),
    itemReopened(db, assessment.id, indicator),
  ]);
  const items = source ? await itemsOf(db, source.id, related) : [];
  return {
    data: presentItemCrosswalk({
      indicator,
      crosswalk,
      from,
      related,
      source,
      items,
      result,
      evidence,
      linkedHere,
    }),
    abilities: {
      reuse: assessmentItemPolicy.can(actor, 'edit', { org, status: assessment.status, reopened }),
    },
  };
}

/**
 * Links files the body linked to a related earlier indicator to this indicator: no bytes are
 * copied, a file already linked is left as it is (idempotent), and any other file (unrelated, of
 * another body, or unknown: the same answer, so nothing leaks) refuses the whole request.
 */
export async function reuseCrosswalkEvidence(
  db: Db,
  actor: Actor,
  ctx: AuditContext,
  id: string,
  indicator: number,
  evidenceIds: readonly string[],
) {
  // Beside level saves and links on the same assessment: the same share lock and retry.
  return transactionWithRetry(db, async (tx) => {
    const target = await loadAssessment(tx, actor, id, 'share');
    const { crosswalk, from } = await requireCrosswalk(tx, target.framework);
    await requireLinkableIndicator(tx, actor, target, indicator);
    const rows = await relatedEvidence(tx, target.org.id, from.id, relatedOf(crosswalk, from, indicator));
    const reusable = new Map<string, { name: string; indicators: number[] }>();
    for (const r of rows) {
      const seen = reusable.get(r.fileId);
      if (seen) seen.indicators.push(r.indicator);
      else reusable.set(r.fileId, { name: r.name, indicators: [r.indicator] });
    }
    const wanted = [...new Set(evidenceIds)];
    const refused = wanted.filter((f) => !reusable.has(f));
    if (refused.length) throw new AppError('EVIDENCE_NOT_REUSABLE', { evidenceIds: refused });
    const linked = await writeIndicatorLinks(tx, actor, ctx, target, {
      indicator,
      files: wanted.map((f) => ({ id: f, name: reusable.get(f)!.name })),
      linked: true,
      reusedFrom: (f) => ({
        framework: `${from.id}@${from.version}`,
        indicators: [...reusable.get(f)!.indicators].sort((a, b) => a - b),
      }),
    });
    const done = new Set(linked);
    return { linked, alreadyLinked: wanted.filter((f) => !done.has(f)) };
  });
}
