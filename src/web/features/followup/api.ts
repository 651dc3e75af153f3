import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Funnel,
  funnelBodiesSchema,
  funnelScopesSchema,
  Journey,
  PathView,
  ScopeKind,
} from '../../../shared/contracts/followup';
import type { Figure } from '../../../shared/followup/measure';
import { api } from '../../api/client';

// Typed hooks for the follow-up measure, on the shared contract; one key factory for the area.
export type ScopeRef = { scope: ScopeKind; ref: string | null };
export type BodiesParams = ScopeRef & { figure: Figure; stalled?: boolean; q?: string; page: number };

export const followupKeys = {
  all: ['followup'] as const,
  scopes: () => [...followupKeys.all, 'scopes'] as const,
  measure: (s: ScopeRef) => [...followupKeys.all, 'measure', s.scope, s.ref] as const,
  bodies: (p: BodiesParams) => [...followupKeys.all, 'bodies', p] as const,
  path: (code: string, host: string | null) => [...followupKeys.all, 'path', code, host] as const,
  journey: (code: string) => [...followupKeys.all, 'journey', code] as const,
};

const scopeQuery = (s: ScopeRef) => ({ scope: s.scope, ref: s.ref ?? undefined });

export function useScopes() {
  return useQuery({
    queryKey: followupKeys.scopes(),
    queryFn: () => api<z.infer<typeof funnelScopesSchema>>('/funnel/scopes'),
  });
}

export function useMeasure(s: ScopeRef | null) {
  return useQuery({
    queryKey: followupKeys.measure(s ?? { scope: 'national', ref: null }),
    queryFn: () => api<{ data: Funnel }>('/funnel', { query: scopeQuery(s!) }),
    enabled: !!s,
  });
}

export function useMeasureBodies(p: BodiesParams | null) {
  return useQuery({
    queryKey: followupKeys.bodies(p!),
    queryFn: () =>
      api<z.infer<typeof funnelBodiesSchema>>('/funnel/bodies', {
        query: {
          ...scopeQuery(p!),
          milestone: p!.figure,
          stalled: p!.stalled ? 'true' : undefined,
          q: p!.q || undefined,
          page: p!.page,
          pageSize: 20,
        },
      }),
    enabled: !!p,
    placeholderData: keepPreviousData,
  });
}

export function usePath(code: string, host: string | null) {
  return useQuery({
    queryKey: followupKeys.path(code, host),
    queryFn: () => api<{ data: PathView }>(`/orgs/${code}/path`, { query: { host: host ?? undefined } }),
  });
}

/** The body's own journey (its page; visible to those in its scope). */
export function useJourney(code: string) {
  return useQuery({
    queryKey: followupKeys.journey(code),
    queryFn: () => api<{ data: Journey }>(`/orgs/${encodeURIComponent(code)}/journey`).then((r) => r.data),
  });
}

/** Whether the caller may look at any follow-up scope: the server's scope list answers. */
export function useSeesFollowup(enabled = true) {
  return useQuery({
    queryKey: followupKeys.scopes(),
    queryFn: () => api<z.infer<typeof funnelScopesSchema>>('/funnel/scopes'),
    enabled,
    staleTime: 5 * 60_000,
    select: (res) => res.data.some((s) => s.abilities.view),
  });
}

export function exportUrl(s: ScopeRef, format: 'csv' | 'xlsx') {
  const qs = new URLSearchParams({ scope: s.scope, ...(s.ref ? { ref: s.ref } : {}), format });
  return `/api/v1/funnel/export?${qs}`;
}
