import { type Day, dmy } from '../calendar';
import { ascii } from '../compare';
import { replicatingStages } from '../contracts/adoptions';
import type { BodyFacts } from './facts';
import { gain } from './gain';
import { pathProgress, type Weights } from './path';

// The follow-up measure for one body: when it joined, why, and which milestones it reached from
// its reference date on. Every milestone is independent of the others, and nothing dated before
// the reference date can count.

export const milestones = [
  'committed',
  'assessed',
  'planned',
  'acting',
  'replicating',
  'improved',
  'followingPath',
] as const;
export type Milestone = (typeof milestones)[number];

export type Text = { id: string; en: string };
export type Hit = { date: Day; reason: Text | null };
export type JoinReason = { kind: 'visit' | 'signature' | 'programme'; date: Day; reason: Text };

type FixedMilestone = Exclude<Milestone, 'followingPath'>;

/**
 * What is stored per body, in the transaction of the event that changed it: dates only, so that
 * a national answer counts over ~650 small rows. `paths` holds the path progress to each host the
 * body learned from (host scopes measure against that host).
 */
export type BodySummary = {
  orgId: string;
  referenceDate: Day;
  visited: Day | null;
  /** Hosts the body learned from: the host of its first visit (or adoption) first. */
  hosts: string[];
  /** Programmes it is a member of or visited in. */
  programmes: string[];
  textVersions: number[];
  dates: Partial<Record<FixedMilestone | 'selfReported', Day>>;
  paths: Record<string, { progress: number | null; date: Day | null }>;
  /** Replicated practices live on or after the reference date. */
  live: { host: string; date: Day }[];
  lastActivity: Day | null;
};

/** The reasons behind those dates, read only where a page lists bodies. */
export type BodyReasons = {
  joined: JoinReason[];
  reference: Text;
  hits: Partial<Record<FixedMilestone | 'selfReported', Text>>;
};

/** A body's measure in a scope: each milestone with its date (and reason, when reasons were read). */
export type BodyMeasure = {
  orgId: string;
  joined: JoinReason[];
  visited: Day | null;
  referenceDate: Day;
  referenceReason: Text | null;
  hits: Partial<Record<Milestone, Hit>>;
  /** Self-assessed gains, shown apart and never mixed with "improved". */
  selfReported: Hit | null;
  /** The earliest of assessed, planned, acting, replicating: the body followed up. */
  followedUp: Hit | null;
  /** Progress on the path to the scope's host (else the body's first host). */
  path: { progress: number | null; date: Day | null } | null;
};

export type MeasureOptions = {
  /** Path progress at or above this share (0..1) counts as following the host's path. */
  pathThreshold: number;
  /** The host the path is measured against (host scope); else the host of the first visit or adoption. */
  hostOrgId?: string;
};

export type MeasureContext = MeasureOptions & {
  /** Facts of hosts (and any body) by id, for the path to the host. */
  factsById: Map<string, BodyFacts>;
  names: Map<string, { code: string; name: string }>;
  weights: Weights;
};

export const DEFAULT_PATH_THRESHOLD = 0.25;

const t = (id: string, en: string): Text => ({ id, en });

export function joinReasons(f: BodyFacts, names: MeasureContext['names']): JoinReason[] {
  const name = (id: string) => names.get(id)?.name ?? '?';
  return [
    ...f.visits.map((v) => ({
      kind: 'visit' as const,
      date: v.date,
      reason: t(
        `kunjungan ke ${name(v.hostOrgId)} ${dmy(v.date)}`,
        `visit to ${name(v.hostOrgId)} ${dmy(v.date)}`,
      ),
    })),
    ...f.signatures.map((s) => ({
      kind: 'signature' as const,
      date: s.date,
      reason: t(
        `menandatangani komitmen v${s.textVersion} ${dmy(s.date)}`,
        `signed commitment v${s.textVersion} ${dmy(s.date)}`,
      ),
    })),
    ...f.programmes.map((p) => ({
      kind: 'programme' as const,
      date: p.date,
      reason: t(`anggota program sejak ${dmy(p.date)}`, `programme member since ${dmy(p.date)}`),
    })),
  ].sort((a, b) => ascii(a.date, b.date));
}

/** First visit, else first signing, else joining a programme; null when the body never joined. */
export function referenceOf(joined: JoinReason[]): JoinReason | null {
  for (const kind of ['visit', 'signature', 'programme'] as const) {
    const first = joined.find((j) => j.kind === kind);
    if (first) return first;
  }
  return null;
}

const firstFrom = (days: Day[], ref: Day) => days.filter((d) => d >= ref).sort()[0];

/** The host a body's path is measured against: the host of its first visit, else of its first adoption. */
export function pathHostOf(f: BodyFacts): string | undefined {
  const visit = [...f.visits].sort((a, b) => ascii(a.date, b.date))[0];
  if (visit) return visit.hostOrgId;
  return [...f.adoptions].sort((a, b) => ascii(a.agreedOn ?? '9', b.agreedOn ?? '9'))[0]?.hostOrgId;
}

/** The heavy part, stored per body: the dates of its reference and milestones, and its paths. */
export function analyseBody(
  f: BodyFacts,
  ctx: Pick<MeasureContext, 'factsById' | 'names' | 'weights'>,
): { summary: BodySummary; reasons: BodyReasons } | null {
  const joined = joinReasons(f, ctx.names);
  const ref = referenceOf(joined);
  if (!ref) return null;
  const refDate = ref.date;
  const dates: BodySummary['dates'] = {};
  const texts: BodyReasons['hits'] = {};
  const put = (m: FixedMilestone | 'selfReported', date: Day | undefined, reason: (d: Day) => Text) => {
    if (!date) return;
    dates[m] = date;
    texts[m] = reason(date);
  };
  const sig = f.signatures.filter((s) => s.date >= refDate).sort((a, b) => ascii(a.date, b.date))[0];
  put('committed', sig?.date, (d) =>
    t(
      `komitmen v${sig!.textVersion} ditandatangani ${dmy(d)}`,
      `commitment v${sig!.textVersion} signed ${dmy(d)}`,
    ),
  );
  const sub = f.submissions.filter((s) => s.date >= refDate).sort((a, b) => ascii(a.date, b.date))[0];
  put('assessed', sub?.date, (d) =>
    t(`penilaian mandiri ${sub!.year} dikirim ${dmy(d)}`, `self-assessment ${sub!.year} submitted ${dmy(d)}`),
  );
  put('planned', firstFrom(f.approvals, refDate), (d) =>
    t(`rencana aksi disetujui ${dmy(d)}`, `action plan approved ${dmy(d)}`),
  );
  put('acting', firstFrom(f.acting, refDate), (d) =>
    t(`aksi selesai dengan bukti ${dmy(d)}`, `action finished with evidence ${dmy(d)}`),
  );
  const agreed = f.adoptions
    .filter(
      (a) =>
        (replicatingStages as readonly string[]).includes(a.stage) && a.agreedOn && a.agreedOn >= refDate,
    )
    .sort((a, b) => ascii(a.agreedOn!, b.agreedOn!))[0];
  put('replicating', agreed?.agreedOn ?? undefined, (d) =>
    t(`replikasi disepakati (MoU/PKS) ${dmy(d)}`, `replication agreed (MoU/PKS) ${dmy(d)}`),
  );
  for (const [m, source] of [
    ['improved', 'official'],
    ['selfReported', 'self'],
  ] as const) {
    const hit = gain(f.results, source, refDate, ref.reason);
    if (hit) {
      dates[m] = hit.date;
      texts[m] = hit.reason!;
    }
  }
  const first = pathHostOf(f);
  const hosts = [
    ...new Set([
      ...(first ? [first] : []),
      ...f.visits.map((v) => v.hostOrgId),
      ...f.adoptions.map((a) => a.hostOrgId),
    ]),
  ];
  const paths: BodySummary['paths'] = {};
  for (const h of hosts) {
    const host = ctx.factsById.get(h);
    const p = host ? pathProgress(f, host, refDate, ctx.weights) : null;
    paths[h] = { progress: p?.progress ?? null, date: p?.date ?? null };
  }
  const summary: BodySummary = {
    orgId: f.orgId,
    referenceDate: refDate,
    visited: joined.find((j) => j.kind === 'visit')?.date ?? null,
    hosts,
    programmes: [
      ...new Set([
        ...f.programmes.map((p) => p.programmeId),
        ...f.visits.flatMap((v) => (v.programmeId ? [v.programmeId] : [])),
      ]),
    ],
    textVersions: [...new Set(f.signatures.map((s) => s.textVersion))],
    dates,
    paths,
    live: f.adoptions
      .filter((a) => (a.stage === 'live' || a.stage === 'measured') && a.liveOn && a.liveOn >= refDate)
      .map((a) => ({ host: a.hostOrgId, date: a.liveOn! }))
      .sort((a, b) => ascii(a.date, b.date)),
    lastActivity: f.lastActivity,
  };
  return { summary, reasons: { joined, reference: ref.reason, hits: texts } };
}

const earliest = (hits: (Hit | null | undefined | false)[]) =>
  hits.filter((h): h is Hit => !!h).sort((a, b) => ascii(a.date, b.date))[0] ?? null;

/**
 * The light part, at read time: the milestones from the stored dates, plus following the host's
 * path, which depends on the scope's host and threshold (a programme may set its own).
 */
export function expandBody(s: BodySummary, reasons: BodyReasons | null, opts: MeasureOptions): BodyMeasure {
  const hits: Partial<Record<Milestone, Hit>> = {};
  for (const m of milestones) {
    if (m === 'followingPath') continue;
    const date = s.dates[m];
    if (date) hits[m] = { date, reason: reasons?.hits[m] ?? null };
  }
  const hostId = opts.hostOrgId ?? s.hosts[0];
  const path = hostId ? (s.paths[hostId] ?? null) : null;
  const live = s.live.find((l) => !opts.hostOrgId || l.host === opts.hostOrgId);
  const pct = path?.progress != null ? Math.round(path.progress * 100) : 0;
  const pathHit = earliest([
    path?.progress != null &&
      path.progress >= opts.pathThreshold &&
      path.date !== null && {
        date: path.date,
        reason: t(`${pct}% kesenjangan dengan tuan rumah tertutup`, `${pct}% of the gap to the host closed`),
      },
    live && {
      date: live.date,
      reason: t(`praktik replikasi berjalan ${dmy(live.date)}`, `replicated practice live ${dmy(live.date)}`),
    },
  ]);
  if (pathHit) hits.followingPath = pathHit;
  const self = s.dates.selfReported;
  return {
    orgId: s.orgId,
    joined: reasons?.joined ?? [],
    visited: s.visited,
    referenceDate: s.referenceDate,
    referenceReason: reasons?.reference ?? null,
    hits,
    selfReported: self ? { date: self, reason: reasons?.hits.selfReported ?? null } : null,
    followedUp: earliest((['assessed', 'planned', 'acting', 'replicating'] as const).map((m) => hits[m])),
    path,
  };
}

/** Both parts at once: one body's measure from its facts (the host's facts in the context). */
export function measureBody(f: BodyFacts, ctx: MeasureContext): BodyMeasure | null {
  const a = analyseBody(f, ctx);
  return a ? expandBody(a.summary, a.reasons, ctx) : null;
}
