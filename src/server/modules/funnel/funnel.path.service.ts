import type { PathView } from '../../../shared/contracts/followup';
import { DEFAULT_PATH_THRESHOLD, measureBody, pathHostOf } from '../../../shared/followup/milestones';
import { pathProgress } from '../../../shared/followup/path';
import type { DbOrTx } from '../../db/client';
import { AppError } from '../../platform/app-error';
import type { Actor } from '../../platform/auth/actor';
import { hostNames, storedFacts, weightsOf } from '../followup/followup.facts';
import { listFrameworks } from '../frameworks/frameworks.registry';
import { getOrgInScope } from '../orgs/orgs.service';
import * as q from './funnel.queries';

type Locale = 'id' | 'en';

/**
 * Body B beside the host H it learned from: the gap at B's reference date, how much of it B has
 * closed since (path progress), and both indices over the years in the same framework.
 */
export async function bodyPath(
  db: DbOrTx,
  actor: Actor,
  code: string,
  hostCode: string | undefined,
  locale: Locale,
) {
  const org = await getOrgInScope(db, actor, code);
  const [[facts], names, frameworks] = await Promise.all([
    storedFacts(db, [org.id]),
    hostNames(db),
    listFrameworks(db),
  ]);
  const learnedFrom = [
    ...new Set([
      ...(facts?.visits.map((v) => v.hostOrgId) ?? []),
      ...(facts?.adoptions.map((a) => a.hostOrgId) ?? []),
    ]),
  ]
    .map((id) => ({ id, ...(names.get(id) ?? { code: '?', name: '?' }) }))
    .sort((a, b) => a.code.localeCompare(b.code));
  let hostId = facts ? pathHostOf(facts) : undefined;
  if (hostCode) {
    const h = await q.orgByCode(db, hostCode);
    if (!h?.isHost) throw new AppError('NOT_FOUND');
    hostId = h.id;
  }
  const [hostFacts] = hostId ? await storedFacts(db, [hostId]) : [];
  const host = hostId ? (names.get(hostId) ?? null) : null;
  const weights = weightsOf(frameworks);
  const m =
    facts && hostId
      ? measureBody(facts, {
          factsById: new Map(hostFacts ? [[hostId, hostFacts]] : []),
          names,
          weights,
          pathThreshold: DEFAULT_PATH_THRESHOLD,
          hostOrgId: hostId,
        })
      : facts
        ? measureBody(facts, { factsById: new Map(), names, weights, pathThreshold: DEFAULT_PATH_THRESHOLD })
        : null;
  const path = m && facts && hostFacts ? pathProgress(facts, hostFacts, m.referenceDate, weights) : null;
  const fw = frameworks.find((f) => f.id === path?.frameworkId);
  const names47 = new Map(fw?.indicators.map((i) => [i.number, i.name[locale]]) ?? []);
  const [bodySeries, hostSeries] = await Promise.all([
    q.indexSeries(db, org.id),
    hostId ? q.indexSeries(db, hostId) : Promise.resolve({ official: [], self: [] }),
  ]);
  const series: PathView['series'] = [];
  for (const [who, s] of [
    ['body', bodySeries],
    ['host', hostSeries],
  ] as const) {
    for (const source of ['official', 'self'] as const) {
      const byFw = new Map<string, { year: number; index: number }[]>();
      for (const p of s[source])
        byFw.set(p.frameworkId, [...(byFw.get(p.frameworkId) ?? []), { year: p.year, index: p.index }]);
      for (const [frameworkId, points] of byFw)
        series.push({ who, source, frameworkId, points: points.sort((a, b) => a.year - b.year) });
    }
  }
  const problem: PathView['problem'] = !m
    ? 'not_joined'
    : !hostId
      ? 'no_host'
      : (path?.problem ?? 'no_host_levels');
  const hit = m?.hits.followingPath;
  return {
    body: { code: org.code, name: org.name },
    host: host ? { code: host.code, name: host.name } : null,
    hosts: learnedFrom.map(({ code, name }) => ({ code, name })),
    referenceDate: m?.referenceDate ?? null,
    frameworkId: path?.frameworkId || null,
    progressPercent:
      path?.progress === null || path?.progress === undefined ? null : Math.round(path.progress * 1000) / 10,
    thresholdPercent: Math.round(DEFAULT_PATH_THRESHOLD * 100),
    following: !!hit,
    followingReason: hit?.reason?.[locale] ?? null,
    problem,
    basis: { host: path?.host ?? null, baseline: path?.baseline ?? null, current: path?.current ?? null },
    indicators: (path?.gap ?? []).map((g) => ({ ...g, name: names47.get(g.indicator) ?? `#${g.indicator}` })),
    series,
  } satisfies PathView;
}
