import type { z } from 'zod';
import { yearOf } from '../../../shared/calendar';
import type { suggestionQuerySchema } from '../../../shared/contracts/adoptions';
import type { Locale } from '../../../shared/errors';
import { rankPractices } from '../../../shared/followup/practice-gaps';
import type { YearRuleEntry } from '../../../shared/framework/framework-for-year';
import { text } from '../../../shared/texts';
import type { DbOrTx } from '../../db/client';
import type { Actor } from '../../platform/auth/actor';
import { today } from '../../platform/calendar';
import { frameworkOfYear } from '../frameworks/frameworks.year';
import { getOrgInScope } from '../orgs/orgs.service';
import { frameworkFor } from './practices.checks';
import { currentLevels, latestLevelsFramework } from './practices.levels.queries';
import { adoptionsOfOrg, presentSummary, publishedPractices } from './practices.queries';

/** Published practices ranked by how much they would lift this body's index. */
export async function practiceSuggestions(
  db: DbOrTx,
  actor: Actor,
  rule: readonly YearRuleEntry[],
  code: string,
  q: z.infer<typeof suggestionQuerySchema>,
  locale: Locale,
) {
  const org = await getOrgInScope(db, actor, code);
  // Levels and practices of one framework only: by default the one the body's levels are on.
  const frameworkId =
    q.frameworkId ??
    (await latestLevelsFramework(db, org.id)) ??
    (await frameworkOfYear(db, rule, yearOf(today()), { field: 'querystring.frameworkId' })).framework.id;
  const framework = await frameworkFor(db, frameworkId, 'querystring.frameworkId');
  const [{ levels, basis }, rows, mine] = await Promise.all([
    currentLevels(db, org.id, framework.id),
    publishedPractices(db, framework.id),
    adoptionsOfOrg(db, org.id),
  ]);
  // A host's own practices are what it already does.
  const candidates = rows
    .filter((r) => r.p.hostOrgId !== org.id)
    .map((r) => ({ id: r.p.id, title: r.p.title, indicators: r.p.indicators, row: r }));
  const adoptionOf = new Map(mine.map((a) => [a.practiceId, { id: a.id, stage: a.stage }]));
  const ranked = rankPractices(framework, levels, candidates).slice(0, q.limit);
  return {
    frameworkId: framework.id,
    basis: { ...basis, note: text(locale, basis.note) },
    data: ranked.map((r) => ({
      practice: presentSummary(r.practice.row),
      gain: r.gain,
      indicators: r.lines,
      adoption: adoptionOf.get(r.practice.id) ?? null,
    })),
  };
}
