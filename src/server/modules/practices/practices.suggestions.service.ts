import type { z } from 'zod';
import type { suggestionQuerySchema } from '../../../shared/contracts/adoptions';
import type { Locale } from '../../../shared/errors';
import { rankPractices } from '../../../shared/followup/practice-gaps';
import { text } from '../../../shared/texts';
import type { DbOrTx } from '../../db/client';
import type { Actor } from '../../platform/auth/actor';
import { getOrgInScope } from '../orgs/orgs.service';
import { frameworkFor } from './practices.checks';
import { adoptionsOfOrg, currentLevels, presentSummary, publishedPractices } from './practices.queries';

/** Published practices ranked by how much they would lift this body's index. */
export async function practiceSuggestions(
  db: DbOrTx,
  actor: Actor,
  code: string,
  q: z.infer<typeof suggestionQuerySchema>,
  locale: Locale,
) {
  const org = await getOrgInScope(db, actor, code);
  const framework = await frameworkFor(db, q.frameworkId, 'querystring.frameworkId');
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
    basis: { ...basis, note: text(locale, basis.note) },
    data: ranked.map((r) => ({
      practice: presentSummary(r.practice.row),
      gain: r.gain,
      indicators: r.lines,
      adoption: adoptionOf.get(r.practice.id) ?? null,
    })),
  };
}
