import type { ReportLang } from '../../../shared/contracts/reports';
import type { YearRuleEntry } from '../../../shared/framework/framework-for-year';
import type { DbOrTx } from '../../db/client';
import { AppError } from '../../platform/app-error';
import type { Actor } from '../../platform/auth/actor';
import { orgPolicy } from '../orgs/orgs.policy';
import { getOrgInScope } from '../orgs/orgs.service';
import { bodyFramework } from '../results/insights.service';
import { reportFacts } from './reports.facts';
import { reportModel } from './reports.model';
import { reportPdf } from './reports.pdf';

// The leader's one-page report (rapor) of a body, to take to a meeting. A read like the other
// downloads (plan and directory exports), so it is not audited.

/** The body's report as a PDF in `lang`: 404 outside the actor's scope, 403 in scope but not allowed. */
export async function leaderReport(
  db: DbOrTx,
  actor: Actor,
  rule: readonly YearRuleEntry[],
  code: string,
  lang: ReportLang,
) {
  const org = await getOrgInScope(db, actor, code);
  if (!orgPolicy.can(actor, 'downloadReport', org)) throw new AppError('FORBIDDEN');
  // Domains, gaps and the trend on the framework the comparison page opens on; the headline index
  // is the one definition's, whatever its framework (it names it).
  const facts = await reportFacts(db, org, await bodyFramework(db, rule, org.id));
  const pdf = await reportPdf(reportModel(facts, lang), lang);
  return { pdf, filename: `rapor-spbe-${org.code}-${facts.today}.pdf` };
}
