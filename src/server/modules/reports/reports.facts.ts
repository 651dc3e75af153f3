import { yearOf } from '../../../shared/calendar';
import type { Framework } from '../../../shared/framework/framework-schema';
import { type Levels, predicateFor, score } from '../../../shared/framework/score';
import type { DbOrTx } from '../../db/client';
import { today } from '../../platform/calendar';
import { listFrameworks } from '../frameworks/frameworks.registry';
import type { OrgRow } from '../orgs/orgs.queries';
import { history } from '../results/calibration.queries';
import { comparison } from '../results/comparison.queries';
import { hostFor, officialResult, selfAssessment, sharedLevels } from '../results/insights.queries';
import { indexFigures } from '../supervision/supervision.index';
import { REPORT_LIMITS, type ReportFacts } from './reports.model';
import { officialByYear, overdueItems, reportPlan } from './reports.queries';

// What the leader report says about a body, read once: its latest index and how it compares (the
// comparison page's figures), the years behind it, the gaps to its host, its plan and overdue items.

/** Domain values (the framework's top groups) of a set of levels, by group code. */
function domainValues(framework: Framework, levels: Levels | null) {
  if (!levels) return new Map<string, number | null>();
  const s = score(framework, levels);
  return new Map(s.groups.filter((g) => g.depth === 0).map((g) => [g.code, g.value?.display ?? null]));
}

export async function reportFacts(
  db: DbOrTx,
  org: NonNullable<OrgRow>,
  framework: Framework,
): Promise<ReportFacts> {
  const day = today();
  const thisYear = yearOf(day);
  const years = await history(db, org.id, framework);
  // The latest year with any result of the body (as the comparison page), else this year.
  const year = years.at(-1)?.year ?? thisYear;
  const host = await hostFor(db, org.id);
  const otherHost = host && host.id !== org.id ? host : null;
  const [figures, frameworks, compared, self, ownOfficial, hostShared, hostYears, plan, overdue] =
    await Promise.all([
      indexFigures(
        db,
        otherHost ? [org.id, otherHost.id] : [org.id],
        org.provinceCode ? [org.provinceCode] : [],
      ),
      listFrameworks(db),
      comparison(db, org, framework, year),
      selfAssessment(db, org.id, framework.id, year),
      officialResult(db, org.id, framework.id, year, { latestUpTo: true }),
      otherHost ? sharedLevels(db, framework.id, year, otherHost.id) : null,
      otherHost ? officialByYear(db, otherHost.id, framework.id) : [],
      reportPlan(db, org.id, thisYear),
      overdueItems(db, org.id, REPORT_LIMITS.overdue),
    ]);
  const selfScore = self ? score(framework, self.levels) : null;
  const hostLevels = otherHost ? (hostShared?.get(otherHost.id) ?? null) : null;
  const hostOfficial = otherHost
    ? await officialResult(db, otherHost.id, framework.id, year, { latestUpTo: true })
    : null;

  // Domain values: the self-assessment's, else the official result's published ones; the same for the host.
  const bodyDomains = selfScore ? domainValues(framework, self!.levels) : null;
  const hostDomains = hostLevels ? domainValues(framework, hostLevels) : null;
  const domains = framework.groups.map((g) => ({
    code: g.code,
    name: g.name,
    body: bodyDomains ? (bodyDomains.get(g.code) ?? null) : (ownOfficial?.domains?.[g.code] ?? null),
    host: hostDomains ? (hostDomains.get(g.code) ?? null) : (hostOfficial?.domains?.[g.code] ?? null),
  }));

  const byYear = new Map<number, ReportFacts['trend'][number]>();
  const at = (y: number) =>
    byYear.get(y) ?? byYear.set(y, { year: y, self: null, official: null, host: null }).get(y)!;
  for (const h of years) {
    at(h.year).self = h.self?.index ?? null;
    at(h.year).official = h.official?.index ?? null;
  }
  for (const h of hostYears) at(h.year).host = h.index;
  const official = ownOfficial
    ? {
        year: ownOfficial.year,
        index: ownOfficial.index,
        predicate: predicateFor(framework, Math.round(ownOfficial.index * 100)),
      }
    : null;
  // The headline, the host's figure and the province's average: the one definition the home pages
  // and the cockpits use (shared/framework/body-index.ts), never this report's own reading.
  const latest = figures.latest.get(org.id);
  const latestFramework = latest && frameworks.find((f) => f.id === latest.frameworkId);
  const hostLatest = otherHost ? figures.latest.get(otherHost.id) : undefined;
  const provinceAverage = org.provinceCode ? figures.provinces.get(org.provinceCode) : undefined;
  const weightOf = new Map(framework.indicators.map((i) => [i.number, i.weight]));
  const nameOf = new Map(framework.indicators.map((i) => [i.number, i.name]));

  return {
    org: { code: org.code, name: org.name, provinceName: org.provinceName ?? null, isHost: org.isHost },
    today: day,
    index: latest
      ? {
          value: latest.index,
          year: latest.year,
          source: latest.source,
          framework: latestFramework?.name ?? { id: latest.frameworkId, en: latest.frameworkId },
          predicate: latestFramework ? predicateFor(latestFramework, Math.round(latest.index * 100)) : null,
        }
      : null,
    self:
      self && selfScore
        ? {
            year,
            index: selfScore.index?.display ?? null,
            predicate: selfScore.index?.predicate ?? null,
            status: self.assessment.status,
            complete: selfScore.complete,
            answered: selfScore.answered,
            total: selfScore.total,
          }
        : null,
    official,
    host: compared.host
      ? {
          name: compared.host.name,
          latest: hostLatest
            ? { year: hostLatest.year, index: hostLatest.index, source: hostLatest.source }
            : null,
          levelsShared: compared.host.levelsShared,
        }
      : null,
    province:
      provinceAverage && provinceAverage.average !== null
        ? { average: provinceAverage.average, count: provinceAverage.count }
        : null,
    national: compared.national ? { year: compared.national.year, average: compared.national.average } : null,
    trend: [...byYear.values()].sort((a, b) => a.year - b.year),
    domains,
    gaps: compared.gaps.map((g) => ({
      indicator: g.indicator,
      name: nameOf.get(g.indicator)!,
      weight: weightOf.get(g.indicator) ?? 0,
      mine: g.mine,
      host: g.target,
    })),
    plan: plan && {
      period: plan.period,
      status: plan.status,
      approvedVersion: plan.approvedVersion,
      total: plan.total,
      done: plan.done,
      inProgress: plan.inProgress,
      blocked: plan.blocked,
      planned: plan.planned,
      overdue: plan.overdue,
    },
    overdue: {
      total: overdue.total,
      items: overdue.items.map((i) => ({
        title: i.title,
        owner: [i.assignee, i.ownerUnit].filter(Boolean).join(', ') || null,
        dueDate: i.dueDate!,
      })),
    },
    // Anything shown from sample records is labelled as such.
    sample:
      org.isSample ||
      !!self?.assessment.isSample ||
      !!plan?.isSample ||
      overdue.items.some((i) => i.isSample),
  };
}
