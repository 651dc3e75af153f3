import type { ScopeQuery } from '../../../shared/contracts/followup';
import type { BodyFacts, BodyInfo } from '../../../shared/followup/facts';
import { measureScope, type Scope } from '../../../shared/followup/measure';
import { DEFAULT_PATH_THRESHOLD, type MeasureContext } from '../../../shared/followup/milestones';
import type { Weights } from '../../../shared/followup/path';
import type { DbOrTx } from '../../db/client';
import { AppError } from '../../platform/app-error';
import type { Actor } from '../../platform/auth/actor';
import { today } from '../../platform/calendar';
import { listFrameworks } from '../frameworks/frameworks.registry';
import { canSeeScope } from './funnel.policy';
import * as q from './funnel.queries';

/** Kabupaten Sumedang: the host shown when none is named. */
export const SUMEDANG = '32.11';

export type ResolvedScope = { scope: Scope; ref: string | null; name: string; thresholdPercent: number };

const missingRef = (message: string) =>
  new AppError('VALIDATION_FAILED', { issues: [{ field: 'querystring.ref', message }] });

/** Resolves the asked scope; 404 for a scope that does not exist, 403 for one the actor may not see. */
export async function resolveScope(db: DbOrTx, actor: Actor, query: ScopeQuery): Promise<ResolvedScope> {
  const ref = query.ref || null;
  const resolved = await (async (): Promise<
    ResolvedScope & { target: Parameters<typeof canSeeScope>[1] }
  > => {
    switch (query.scope) {
      case 'national':
        return {
          scope: { kind: 'national' },
          ref: null,
          name: 'Nasional',
          thresholdPercent: 25,
          target: { kind: 'national' },
        };
      case 'province': {
        if (!ref) throw missingRef('kode provinsi / province code');
        const p = await q.orgByCode(db, ref);
        if (p?.type !== 'province') throw new AppError('NOT_FOUND');
        return {
          scope: { kind: 'province', code: p.code },
          ref: p.code,
          name: p.name,
          thresholdPercent: 25,
          target: { kind: 'province', code: p.code },
        };
      }
      case 'host': {
        // Without a code: the actor's own host, else Kabupaten Sumedang (the first host).
        const own = actor.memberships.find((m) => m.role === 'mentor')?.orgCode;
        const h = await q.orgByCode(db, ref ?? own ?? SUMEDANG);
        if (!h?.isHost) throw new AppError('NOT_FOUND');
        return {
          scope: { kind: 'host', orgId: h.id },
          ref: h.code,
          name: h.name,
          thresholdPercent: 25,
          target: { kind: 'host', host: h },
        };
      }
      case 'programme': {
        const p = ref && /^[0-9a-f-]{36}$/.test(ref) ? await q.programmeById(db, ref) : undefined;
        if (!p) throw new AppError('NOT_FOUND');
        return {
          scope: { kind: 'programme', id: p.id },
          ref: p.id,
          name: p.name,
          thresholdPercent: p.pathThresholdPercent,
          target: { kind: 'programme' },
        };
      }
      case 'commitment': {
        const version = ref && /^\d{1,6}$/.test(ref) ? Number(ref) : Number.NaN;
        const text = Number.isFinite(version) ? await q.commitmentText(db, version) : undefined;
        if (!text) throw new AppError('NOT_FOUND');
        return {
          scope: { kind: 'commitment', version },
          ref: String(version),
          name: `${text.title} (v${version})`,
          thresholdPercent: 25,
          target: { kind: 'commitment' },
        };
      }
    }
  })();
  if (!canSeeScope(actor, resolved.target)) throw new AppError('FORBIDDEN');
  const { target: _target, ...rest } = resolved;
  return rest;
}

export function weightsOf(
  frameworks: { id: string; indicators: { number: number; weight: number }[] }[],
): Weights {
  return Object.fromEntries(
    frameworks.map((f) => [f.id, Object.fromEntries(f.indicators.map((i) => [String(i.number), i.weight]))]),
  );
}

/** The follow-up measure of a scope, from the stored per-body facts (one read, no recomputing). */
export async function measure(db: DbOrTx, r: ResolvedScope) {
  const [rows, hosts, frameworks, provinceBodies] = await Promise.all([
    q.allFactsWithInfo(db),
    q.hostNames(db),
    listFrameworks(db),
    r.scope.kind === 'province' ? q.provinceBodies(db, r.scope.code) : Promise.resolve(undefined),
  ]);
  const facts: BodyFacts[] = [];
  const info = new Map<string, BodyInfo>();
  for (const row of rows) {
    facts.push(row.facts);
    info.set(row.info.orgId, row.info);
  }
  const ctx: MeasureContext = {
    factsById: new Map(facts.map((f) => [f.orgId, f])),
    names: hosts,
    weights: weightsOf(frameworks),
    pathThreshold: r.thresholdPercent / 100 || DEFAULT_PATH_THRESHOLD,
    hostOrgId: r.scope.kind === 'host' ? r.scope.orgId : undefined,
  };
  return {
    measured: measureScope({ facts, info, scope: r.scope, ctx, today: today(), provinceBodies }),
    ctx,
  };
}

/** The scopes the actor may look at, broadest first, and the one to show first. */
export async function listScopes(db: DbOrTx, actor: Actor) {
  const [provinces, hosts, programmes, texts] = await Promise.all([
    q.provinces(db),
    q.hosts(db),
    q.programmeList(db),
    q.listCommitmentTexts(db),
  ]);
  const options = [
    {
      scope: 'national' as const,
      ref: null,
      name: 'Nasional / National',
      ok: canSeeScope(actor, { kind: 'national' }),
    },
    ...provinces.map((p) => ({
      scope: 'province' as const,
      ref: p.code,
      name: p.name,
      ok: canSeeScope(actor, { kind: 'province', code: p.code }),
    })),
    ...hosts.map((h) => ({
      scope: 'host' as const,
      ref: h.code,
      name: h.name,
      ok: canSeeScope(actor, { kind: 'host', host: h }),
    })),
    ...programmes.map((p) => ({
      scope: 'programme' as const,
      ref: p.id,
      name: p.name,
      ok: canSeeScope(actor, { kind: 'programme' }),
    })),
    ...texts.map((t) => ({
      scope: 'commitment' as const,
      ref: String(t.version),
      name: `${t.title} (v${t.version})`,
      ok: canSeeScope(actor, { kind: 'commitment' }),
    })),
  ]
    .filter((o) => o.ok)
    .map(({ ok: _ok, ...o }) => o);
  const preferred = options[0] ?? null;
  return { data: options, preferred };
}

/** One body's measure (its journey page): its facts and those of the host it learned from. */
export async function measureOne(db: DbOrTx, org: BodyInfo) {
  const [[facts], names, frameworks] = await Promise.all([
    q.factsOf(db, [org.orgId]),
    q.hostNames(db),
    listFrameworks(db),
  ]);
  if (!facts) return null;
  const hostIds = [
    ...new Set([...facts.visits.map((v) => v.hostOrgId), ...facts.adoptions.map((a) => a.hostOrgId)]),
  ];
  const hostFacts = await q.factsOf(db, hostIds);
  const ctx: MeasureContext = {
    factsById: new Map(hostFacts.map((f) => [f.orgId, f])),
    names,
    weights: weightsOf(frameworks),
    pathThreshold: DEFAULT_PATH_THRESHOLD,
  };
  const info = new Map([[org.orgId, org]]);
  return (
    measureScope({ facts: [facts], info, scope: { kind: 'national' }, ctx, today: today() }).rows[0] ?? null
  );
}
