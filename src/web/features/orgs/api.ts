import {
  keepPreviousData,
  type QueryKey,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { OrgDetail, OrgList } from '../../../shared/contracts/orgs';
import { api } from '../../api/client';
import type { Locale } from '../../i18n/locale-store';

// Typed hooks for the directory of bodies, on the shared contract. A body's page and everything
// under it (its users, invitations, and other areas' panels) share the prefix ['org', code], so
// one invalidation refreshes the page.
export type OrgListParams = Record<string, string | number | undefined>;

const enc = encodeURIComponent;

export const orgKeys = {
  all: ['orgs'] as const,
  list: (q: OrgListParams) => [...orgKeys.all, q] as const,
  picker: (q: string) => ['org-picker', q] as const,
  detail: (code: string) => ['org', code] as const,
  users: (code: string) => [...orgKeys.detail(code), 'users'] as const,
  invitations: (code: string) => [...orgKeys.detail(code), 'invitations'] as const,
};

/** The body's one-page leader report (shown to those whose org abilities allow `downloadReport`). */
export const orgReportUrl = (code: string, lang: Locale) =>
  `/api/v1/orgs/${enc(code)}/report.pdf?lang=${lang}`;

export function useOrgs(query: OrgListParams) {
  return useQuery({
    queryKey: orgKeys.list(query),
    queryFn: () => api<OrgList>('/orgs', { query }),
    placeholderData: keepPreviousData,
  });
}

/** Bodies whose name or code matches what was typed (the org picker). */
export function useOrgSearch(q: string) {
  return useQuery({
    queryKey: orgKeys.picker(q),
    queryFn: () => api<OrgList>('/orgs', { query: { q, pageSize: 20 } }),
    placeholderData: keepPreviousData,
  });
}

export function useOrg(code: string | undefined) {
  return useQuery({
    queryKey: orgKeys.detail(code ?? ''),
    queryFn: () => api<OrgDetail>(`/orgs/${enc(code!)}`),
    enabled: !!code,
  });
}

/** A mutation that refreshes the given queries once it succeeds. */
export function useInvalidating<V, R>(send: (v: V) => Promise<R>, keys: (v: V) => QueryKey[]) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (_res, v) => Promise.all(keys(v).map((queryKey) => qc.invalidateQueries({ queryKey }))),
  });
}

export type OrgFieldsBody = {
  name?: string;
  isMember: boolean;
  memberSince: string | null;
  isHost: boolean;
};

export const useCreateOrg = () =>
  useInvalidating(
    (body: OrgFieldsBody & { code: string; name: string; type: string }) =>
      api<{ data: { code: string } }>('/orgs', { method: 'POST', body }),
    () => [orgKeys.all],
  );

export const useUpdateOrg = (code: string) =>
  useInvalidating(
    (body: OrgFieldsBody) => api(`/orgs/${enc(code)}`, { method: 'PATCH', body }),
    () => [orgKeys.all, orgKeys.detail(code)],
  );

export const useDeleteOrg = (code: string) =>
  useInvalidating(
    () => api(`/orgs/${enc(code)}`, { method: 'DELETE' }),
    () => [orgKeys.all],
  );
