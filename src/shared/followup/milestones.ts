import { type Day, dmy, yearOf } from '../calendar';
import { replicatingStages } from '../contracts/adoptions';
import type { BodyFacts, LevelSet } from './facts';
import { type PathResult, pathProgress, type Weights } from './path';

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
export type Hit = { date: Day; reason: Text };
export type JoinReason = { kind: 'visit' | 'signature' | 'programme'; date: Day; reason: Text };

export type BodyMeasure = {
  orgId: string;
  joined: JoinReason[];
  referenceDate: Day;
  referenceReason: Text;
  hits: Partial<Record<Milestone, Hit>>;
  /** Self-assessed gains, shown apart and never mixed with "improved". */
  selfReported: Hit | null;
  /** The earliest of assessed, planned, acting, replicating: the body followed up. */
  followedUp: Hit | null;
  path: PathResult | null;
};

export type MeasureContext = {
  /** Facts of hosts (and any body) by id, for the path to the host. */
  factsById: Map<string, BodyFacts>;
  names: Map<string, { code: string; name: string }>;
  weights: Weights;
  /** Path progress at or above this share (0..1) counts as following the host's path. */
  pathThreshold: number;
  /** The host the path is measured against (host scope); else the host of the first visit or adoption. */
  hostOrgId?: string;
};

export const DEFAULT_PATH_THRESHOLD = 0.25;

const t = (id: string, en: string): Text => ({ id, en });
const idx = (n: number | null) => (n === null ? '—' : n.toFixed(2));

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
  ].sort((a, b) => a.date.localeCompare(b.date));
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

/** Official (or self-assessed) gain: a later evaluation year's index above the baseline's. */
function gain(results: LevelSet[], source: LevelSet['source'], ref: Day, refText: Text): Hit | null {
  const own = results.filter((r) => r.source === source && r.index !== null);
  const refYear = yearOf(ref);
  const base = own
    .filter((r) => r.year <= refYear)
    .sort((a, b) => b.year - a.year || b.date.localeCompare(a.date))[0];
  if (!base) return null;
  const better = own
    .filter((r) => r.frameworkId === base.frameworkId && r.year > refYear && r.index! > base.index!)
    .map((r) => ({ r, date: r.date > ref ? r.date : ref }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.r.year - b.r.year)[0];
  if (!better) return null;
  const [lid, len] = source === 'official' ? ['resmi', 'official'] : ['mandiri', 'self-assessed'];
  return {
    date: better.date,
    reason: t(
      `${lid} ${base.year} ${idx(base.index)} → ${better.r.year} ${idx(better.r.index)}; ${refText.id}`,
      `${len} ${base.year} ${idx(base.index)} → ${better.r.year} ${idx(better.r.index)}; ${refText.en}`,
    ),
  };
}

/** The host a body's path is measured against: the host of its first visit, else of its first adoption. */
export function pathHostOf(f: BodyFacts): string | undefined {
  const visit = [...f.visits].sort((a, b) => a.date.localeCompare(b.date))[0];
  if (visit) return visit.hostOrgId;
  return [...f.adoptions].sort((a, b) => (a.agreedOn ?? '9').localeCompare(b.agreedOn ?? '9'))[0]?.hostOrgId;
}

export function measureBody(f: BodyFacts, ctx: MeasureContext): BodyMeasure | null {
  const joined = joinReasons(f, ctx.names);
  const ref = referenceOf(joined);
  if (!ref) return null;
  const refDate = ref.date;
  const refText = ref.reason;
  const hits: Partial<Record<Milestone, Hit>> = {};
  const put = (m: Milestone, date: Day | undefined, reason: (d: Day) => Text) => {
    if (date) hits[m] = { date, reason: reason(date) };
  };
  const sig = f.signatures.filter((s) => s.date >= refDate).sort((a, b) => a.date.localeCompare(b.date))[0];
  put('committed', sig?.date, (d) =>
    t(
      `komitmen v${sig!.textVersion} ditandatangani ${dmy(d)}`,
      `commitment v${sig!.textVersion} signed ${dmy(d)}`,
    ),
  );
  const sub = f.submissions.filter((s) => s.date >= refDate).sort((a, b) => a.date.localeCompare(b.date))[0];
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
    .sort((a, b) => a.agreedOn!.localeCompare(b.agreedOn!))[0];
  put('replicating', agreed?.agreedOn ?? undefined, (d) =>
    t(`replikasi disepakati (MoU/PKS) ${dmy(d)}`, `replication agreed (MoU/PKS) ${dmy(d)}`),
  );
  const improved = gain(f.results, 'official', refDate, refText);
  if (improved) hits.improved = improved;
  const selfReported = gain(
    f.results.filter((r) => r.source === 'self'),
    'self',
    refDate,
    refText,
  );

  const hostId = ctx.hostOrgId ?? pathHostOf(f);
  const host = hostId ? ctx.factsById.get(hostId) : undefined;
  const path = host ? pathProgress(f, host, refDate, ctx.weights) : null;
  const live = f.adoptions
    .filter(
      (a) =>
        (a.stage === 'live' || a.stage === 'measured') &&
        a.liveOn &&
        a.liveOn >= refDate &&
        (!ctx.hostOrgId || a.hostOrgId === ctx.hostOrgId),
    )
    .sort((a, b) => a.liveOn!.localeCompare(b.liveOn!))[0];
  const onPath =
    path?.progress !== null && path?.progress !== undefined && path.progress >= ctx.pathThreshold && path.date
      ? { date: path.date, pct: Math.round(path.progress * 100) }
      : null;
  const pathHit = [
    onPath && {
      date: onPath.date,
      reason: t(
        `${onPath.pct}% kesenjangan dengan tuan rumah tertutup`,
        `${onPath.pct}% of the gap to the host closed`,
      ),
    },
    live && {
      date: live.liveOn!,
      reason: t(
        `praktik replikasi berjalan ${dmy(live.liveOn!)}`,
        `replicated practice live ${dmy(live.liveOn!)}`,
      ),
    },
  ]
    .filter((x): x is Hit => !!x)
    .sort((a, b) => a.date.localeCompare(b.date))[0];
  if (pathHit) hits.followingPath = pathHit;

  const followedUp =
    (['assessed', 'planned', 'acting', 'replicating'] as const)
      .map((m) => hits[m])
      .filter((h): h is Hit => !!h)
      .sort((a, b) => a.date.localeCompare(b.date))[0] ?? null;
  return {
    orgId: f.orgId,
    joined,
    referenceDate: refDate,
    referenceReason: refText,
    hits,
    selfReported,
    followedUp,
    path,
  };
}
