import { type FromStepsBody, type ItemCreate, itemCreateSchema } from '../../../shared/contracts/plans';
import type { Framework } from '../../../shared/framework/framework-schema';
import { checkLevels } from '../../../shared/framework/score';
import type { TextKey } from '../../../shared/texts';
import { AppError } from '../../platform/app-error';

/**
 * The optimiser's (or a gap table's) one-level steps as plan items, pure: one item per indicator
 * to the highest level its steps reach, titled and described from the framework's criteria.
 */
export function itemsFromSteps(framework: Framework, body: FromStepsBody): ItemCreate[] {
  const target = new Map<number, number>();
  for (const s of body.steps) target.set(s.indicator, Math.max(target.get(s.indicator) ?? 0, s.to));
  const unknown = checkLevels(framework, Object.fromEntries(target));
  if (unknown.length) {
    throw new AppError('VALIDATION_FAILED', {
      issues: unknown.map((i) => ({
        field: 'body.steps',
        message: 'PLAN_UNKNOWN_INDICATOR' satisfies TextKey,
        params: { indicator: i.field.replace(/^levels\./, '') },
      })),
    });
  }
  return [...target].map(([indicator, level]) => {
    const ind = framework.indicators.find((i) => i.number === indicator)!;
    return itemCreateSchema.parse({
      // Item content is written in the body's working language, like the framework's criteria.
      title: `Indikator ${indicator} ke tingkat ${level}: ${ind.name.id}`,
      description: ind.levels[level - 1]!.criteria.id,
      targets: [{ indicator, level }],
      source: body.source,
      sourceRef: body.sourceRef ?? null,
      dueDate: body.dueDate ?? null,
    });
  });
}
