import type { ScopeQuery } from '../../../shared/contracts/followup';
import type { BodyInfo } from '../../../shared/followup/facts';
import { measureScope, type Scope } from '../../../shared/followup/measure';
import { DEFAULT_PATH_THRESHOLD } from '../../../shared/followup/milestones';
import type { DbOrTx } from '../../db/client';
import { AppError } from '../../platform/app-error';
import type { Actor } from '../../platform/auth/actor';
import { today } from '../../platform/calendar';
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

/**
 * The follow-up measure of a scope, from each body's stored summary (one read of small rows, no
 * recomputing); the reasons are read too only when bodies are listed.
 */
export async function measure(db: DbOrTx, r: ResolvedScope, opts: { reasons: boolean }) {
  const [rows, provinceBodies] = await Promise.all([
    q.storedBodies(db, opts.reasons),
    r.scope.kind === 'province' ? q.provinceBodies(db, r.scope.code) : Promise.resolve(undefined),
  ]);
  const info = new Map<string, BodyInfo>(rows.map((row) => [row.info.orgId, row.info]));
  return measureScope({
    bodies: rows,
    info,
    scope: r.scope,
    options: { pathThreshold: r.thresholdPercent / 100 || DEFAULT_PATH_THRESHOLD },
    today: today(),
    provinceBodies,
  });
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

/** One body's measure (its journey page), from its stored summary and reasons. */
export async function measureOne(db: DbOrTx, org: BodyInfo) {
  const rows = await q.storedBodies(db, true, [org.orgId]);
  return (
    measureScope({
      bodies: rows,
      info: new Map([[org.orgId, org]]),
      scope: { kind: 'national' },
      options: { pathThreshold: DEFAULT_PATH_THRESHOLD },
      today: today(),
    }).rows[0] ?? null
  );
}
