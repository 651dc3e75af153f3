import { frameworkForYear, type YearRuleEntry } from '../../../shared/framework/framework-for-year';
import type { Framework } from '../../../shared/framework/framework-schema';
import type { TextKey, TextParams } from '../../../shared/texts';
import type { DbOrTx } from '../../db/client';
import { AppError } from '../../platform/app-error';
import { listFrameworks, shippedFramework } from './frameworks.registry';
import { summarise } from './frameworks.service';

// The framework new work of an evaluation year uses (a self-assessment, a plan of that period, a
// visit that year), by the one rule in shared/framework/framework-for-year.ts over the frameworks
// in their current versions and the deployment's ASSESSMENT_FRAMEWORK_BY_YEAR.

const refuse = (field: string, message: TextKey, params: TextParams) =>
  new AppError('VALIDATION_FAILED', { issues: [{ field, message, params }] });

export type YearFramework = { framework: Framework; by: 'configured' | 'years' };

/**
 * The framework of `year`, or a 400 on `field` saying why there is none. `asked` (a framework the
 * client named) must be one of those the year may use, else a 400 on `askedField` naming the right one.
 */
export async function frameworkOfYear(
  db: DbOrTx,
  rule: readonly YearRuleEntry[],
  year: number,
  opts: { field: string; asked?: string; askedField?: string },
): Promise<YearFramework> {
  const frameworks = (await listFrameworks(db)).map((framework) => ({
    id: framework.id,
    status: framework.status,
    appliesFrom: framework.appliesFrom,
    appliesUntil: framework.appliesUntil,
    shipped: !!shippedFramework(framework.id),
    framework,
  }));
  const choice = frameworkForYear(frameworks, year, rule);
  if (choice.kind === 'none') throw refuse(opts.field, 'FRAMEWORK_NO_YEAR', { year });
  if (choice.kind === 'unknown') {
    throw refuse(opts.field, 'FRAMEWORK_YEAR_NOT_LOADED', { year, framework: choice.frameworkId });
  }
  const picked = opts.asked ? choice.usable.find((f) => f.id === opts.asked) : choice.framework;
  if (!picked) {
    throw refuse(opts.askedField ?? opts.field, 'FRAMEWORK_NOT_FOR_YEAR', {
      year,
      framework: opts.asked!,
      expected: choice.framework.id,
    });
  }
  return { framework: picked.framework, by: choice.by };
}

/** What the web's create form shows: the year's framework, and whether configuration chose it. */
export async function yearFrameworkSummary(db: DbOrTx, rule: readonly YearRuleEntry[], year: number) {
  const { framework, by } = await frameworkOfYear(db, rule, year, { field: 'params.year' });
  return { year, by, framework: summarise(framework) };
}
