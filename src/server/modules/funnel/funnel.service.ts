import type { ScopeOption, ScopeQuery } from '../../../shared/contracts/followup';
import type { Locale } from '../../../shared/errors';
import type { BodyInfo } from '../../../shared/followup/facts';
import { measureScope, type Scope } from '../../../shared/followup/measure';
import { DEFAULT_PATH_THRESHOLD } from '../../../shared/followup/milestones';
import { type TextKey, text } from '../../../shared/texts';
import type { DbOrTx } from '../../db/client';
import { AppError } from '../../platform/app-error';
import type { Actor } from '../../platform/auth/actor';
import { today } from '../../platform/calendar';
import { funnelPolicy, type ScopeTarget } from './funnel.policy';
import * as q from './funnel.queries';

/** Kabupaten Sumedang: the host shown when none is named. */
export const SUMEDANG = '32.11';

export type ResolvedScope = { scope: Scope; ref: string | null; name: string; thresholdPercent: number };

const missingRef = (message: TextKey) =>
  new AppError('VALIDATION_FAILED', { issues: [{ field: 'querystring.ref', message }] });

/**
 * Resolves the asked scope: 404 for a scope that does not exist, 403 for one that exists but the
 * actor may not see (the permission matrix pins both; a scope's existence is public knowledge).
 */
export async function resolveScope(db: DbOrTx, actor: Actor, query: ScopeQuery): Promise<ResolvedScope> {
  const ref = query.ref || null;
  const resolved = await (async (): Promise<ResolvedScope & { target: ScopeTarget }> => {
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
        if (!ref) throw missingRef('SCOPE_PROVINCE_CODE_REQUIRED');
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
  if (!funnelPolicy.can(actor, 'view', resolved.target)) throw new AppError('FORBIDDEN');
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

/** The scopes the actor may look at, broadest first, each with its abilities; and the one to show first. */
export async function listScopes(db: DbOrTx, actor: Actor, locale: Locale) {
  const [provinces, hosts, programmes, texts] = await Promise.all([
    q.provinces(db),
    q.hosts(db),
    q.programmeList(db),
    q.listCommitmentTexts(db),
  ]);
  const candidates: { option: Omit<ScopeOption, 'abilities'>; target: ScopeTarget }[] = [
    {
      option: { scope: 'national', ref: null, name: text(locale, 'SCOPE_NATIONAL') },
      target: { kind: 'national' },
    },
    ...provinces.map((p) => ({
      option: { scope: 'province' as const, ref: p.code, name: p.name },
      target: { kind: 'province' as const, code: p.code },
    })),
    ...hosts.map((h) => ({
      option: { scope: 'host' as const, ref: h.code, name: h.name },
      target: { kind: 'host' as const, host: h },
    })),
    ...programmes.map((p) => ({
      option: { scope: 'programme' as const, ref: p.id, name: p.name },
      target: { kind: 'programme' as const },
    })),
    ...texts.map((t) => ({
      option: { scope: 'commitment' as const, ref: String(t.version), name: `${t.title} (v${t.version})` },
      target: { kind: 'commitment' as const },
    })),
  ];
  const options: ScopeOption[] = candidates
    .map(({ option, target }) => ({ ...option, abilities: funnelPolicy.abilities(actor, target) }))
    .filter((o) => o.abilities.view);
  return { data: options, preferred: options[0] ?? null };
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
