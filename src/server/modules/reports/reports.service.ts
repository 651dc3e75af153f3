import type { ReportLang } from '../../../shared/contracts/reports';
import type { DbOrTx } from '../../db/client';
import { AppError } from '../../platform/app-error';
import type { Actor } from '../../platform/auth/actor';
import { findFramework } from '../frameworks/frameworks.registry';
import { orgPolicy } from '../orgs/orgs.policy';
import { getOrgInScope } from '../orgs/orgs.service';
import { reportFacts } from './reports.facts';
import { reportModel } from './reports.model';
import { reportPdf } from './reports.pdf';

// The leader's one-page report (rapor) of a body, to take to a meeting. A read like the other
// downloads (plan and directory exports), so it is not audited.

const FRAMEWORK = 'spbe-2020';

/** The body's report as a PDF in `lang`: 404 outside the actor's scope, 403 in scope but not allowed. */
export async function leaderReport(db: DbOrTx, actor: Actor, code: string, lang: ReportLang) {
  const org = await getOrgInScope(db, actor, code);
  if (!orgPolicy.can(actor, 'downloadReport', org)) throw new AppError('FORBIDDEN');
  const facts = await reportFacts(db, org, await findFramework(db, FRAMEWORK));
  const pdf = await reportPdf(reportModel(facts, lang), lang);
  return { pdf, filename: `rapor-spbe-${org.code}-${facts.today}.pdf` };
}
