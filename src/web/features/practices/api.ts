import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Adoption,
  AdoptionStage,
  adoptionCreateSchema,
  adoptionTransitionBodies,
  Followers,
  levelBasisSchema,
  practiceSuggestionSchema,
} from '../../../shared/contracts/adoptions';
import type {
  Assistance,
  assistanceCreateSchema,
  assistanceListQuerySchema,
  assistanceUpdateSchema,
} from '../../../shared/contracts/assistance';
import type { Pagination } from '../../../shared/contracts/common';
import type {
  Practice,
  PracticeActorAbilities,
  PracticeBody,
  PracticeCreate,
  PracticeSummary,
  practiceListItemSchema,
  practiceListQuerySchema,
} from '../../../shared/contracts/practices';
import type { OrgUser } from '../../../shared/contracts/users';
import { api } from '../../api/client';
import { useMe } from '../auth/use-auth';
import { orgKeys } from '../orgs/api';

// Typed queries of the practice catalogue, the replication ledger and technical assistance.
// Keys are factories so a write can invalidate exactly the lists it changes.

export type PracticeFilters = Partial<z.input<typeof practiceListQuerySchema>>;
export type AssistanceFilters = Omit<Partial<z.input<typeof assistanceListQuerySchema>>, 'pageSize'>;
export type Paged<T> = { data: T[]; pagination: Pagination };

export const practiceKeys = {
  all: ['practices'] as const,
  list: (filters: PracticeFilters) => [...practiceKeys.all, 'list', filters] as const,
  hosts: () => [...practiceKeys.all, 'hosts'] as const,
  abilities: (userId: string) => [...practiceKeys.all, 'abilities', userId] as const,
  detail: (id: string) => [...practiceKeys.all, 'detail', id] as const,
  suggestions: (code: string) => [...practiceKeys.all, 'suggestions', code] as const,
};
export const adoptionKeys = {
  all: ['adoptions'] as const,
  org: (code: string, page = 1) => [...adoptionKeys.all, 'org', code, page] as const,
  detail: (id: string) => [...adoptionKeys.all, 'detail', id] as const,
  followers: (code: string) => [...adoptionKeys.all, 'followers', code] as const,
};
export const assistanceKeys = {
  all: ['assistance'] as const,
  list: (filters: AssistanceFilters) => [...assistanceKeys.all, 'list', filters] as const,
};

const enc = encodeURIComponent;

/** A list that may come unpaged (all rows at once) as one page, so every list renders alike. */
function paged<T>(res: { data: T[]; pagination?: Pagination }): Paged<T> {
  const n = res.data.length;
  return { data: res.data, pagination: res.pagination ?? { page: 1, pageSize: n, total: n, pageCount: 1 } };
}

export function usePractices(filters: PracticeFilters) {
  return useQuery({
    queryKey: practiceKeys.list(filters),
    queryFn: () => api<Paged<PracticeListItem>>('/practices', { query: filters }),
    placeholderData: keepPreviousData,
  });
}

/** Hosts that publish practices (for the catalogue filter; the catalogue is small per host). */
export function usePracticeHosts() {
  return useQuery({
    queryKey: practiceKeys.hosts(),
    queryFn: async () => {
      const res = await api<Paged<PracticeSummary>>('/practices', {
        query: { pageSize: 200, sort: 'title' },
      });
      const hosts = new Map(res.data.map((p) => [p.host.code, p.host]));
      return [...hosts.values()].sort((a, b) => a.name.localeCompare(b.name));
    },
    staleTime: 5 * 60_000,
  });
}

const noAbilities: PracticeActorAbilities = { publishIn: [], adoptFor: [] };

/**
 * Where the signed-in user may publish practices and for which bodies it takes them up: the
 * server's policy answers (GET /practices/abilities); signed out, nowhere.
 */
export function useCatalogueAbilities() {
  const userId = useMe().data?.user.id;
  const q = useQuery({
    queryKey: practiceKeys.abilities(userId ?? ''),
    queryFn: () => api<{ data: PracticeActorAbilities }>('/practices/abilities').then((r) => r.data),
    enabled: !!userId,
    staleTime: 60_000,
  });
  return { ...(q.data ?? noAbilities), pending: q.isLoading };
}

export function usePractice(id: string | undefined) {
  return useQuery({
    queryKey: practiceKeys.detail(id ?? ''),
    queryFn: () => api<{ data: Practice }>(`/practices/${enc(id!)}`).then((r) => r.data),
    enabled: !!id,
  });
}

export function useSavePractice(id?: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PracticeBody | PracticeCreate) =>
      api<{ data: Practice }>(id ? `/practices/${enc(id)}` : '/practices', {
        method: id ? 'PUT' : 'POST',
        body,
      }).then((r) => r.data),
    onSuccess: (p) => {
      qc.invalidateQueries({ queryKey: practiceKeys.all });
      qc.setQueryData(practiceKeys.detail(p.id), p);
    },
  });
}

export type Suggestion = z.infer<typeof practiceSuggestionSchema>;
export type PracticeListItem = z.infer<typeof practiceListItemSchema>;

export function useSuggestions(code: string) {
  return useQuery({
    queryKey: practiceKeys.suggestions(code),
    queryFn: () =>
      api<{ frameworkId: string; data: Suggestion[]; basis?: z.infer<typeof levelBasisSchema> }>(
        `/orgs/${enc(code)}/practice-suggestions`,
      ),
  });
}

export function useOrgAdoptions(code: string, page: number) {
  return useQuery({
    queryKey: adoptionKeys.org(code, page),
    queryFn: () =>
      api<{ data: Adoption[]; pagination?: Pagination }>(`/orgs/${enc(code)}/adoptions`, {
        query: { page, pageSize: 25 },
      }).then(paged),
    placeholderData: keepPreviousData,
  });
}

export function useAdopt(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof adoptionCreateSchema>) =>
      api<{ data: Adoption }>(`/orgs/${enc(code)}/adoptions`, { method: 'POST', body }).then((r) => r.data),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: adoptionKeys.all });
      qc.invalidateQueries({ queryKey: practiceKeys.all });
    },
  });
}

export function useAdoption(id: string) {
  return useQuery({
    queryKey: adoptionKeys.detail(id),
    queryFn: () => api<{ data: Adoption }>(`/adoptions/${enc(id)}`).then((r) => r.data),
  });
}

export type TransitionBody<S extends AdoptionStage> = z.input<(typeof adoptionTransitionBodies)[S]>;

export function useMoveAdoption(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ stage, body }: { stage: AdoptionStage; body: TransitionBody<AdoptionStage> }) =>
      api<{ data: Adoption }>(`/adoptions/${enc(id)}/transitions/${stage}`, { method: 'POST', body }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: adoptionKeys.all });
      qc.invalidateQueries({ queryKey: practiceKeys.all });
    },
  });
}

export function useAssistanceRequests(filters: AssistanceFilters, enabled = true) {
  return useQuery({
    queryKey: assistanceKeys.list(filters),
    queryFn: () =>
      api<{ data: Assistance[]; pagination?: Pagination }>('/assistance-requests', {
        query: { ...filters, pageSize: 25 },
      }).then(paged),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useRequestAssistance(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof assistanceCreateSchema>) =>
      api<{ data: Assistance }>(`/orgs/${enc(code)}/assistance-requests`, { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: assistanceKeys.all }),
  });
}

export function useUpdateAssistance() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: z.input<typeof assistanceUpdateSchema> }) =>
      api<{ data: Assistance }>(`/assistance-requests/${enc(id)}`, { method: 'PATCH', body }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: assistanceKeys.all });
      qc.invalidateQueries({ queryKey: adoptionKeys.all });
    },
  });
}

export function useFollowers(code: string) {
  return useQuery({
    queryKey: adoptionKeys.followers(code),
    queryFn: () => api<{ data: Followers }>(`/orgs/${enc(code)}/followers`).then((r) => r.data),
  });
}

// ---- what the forms need from elsewhere ----

/** The mentors of a host body: the people a practice names as contacts and assigns to requests. */
export function useHostMentors(code: string | undefined) {
  return useQuery({
    queryKey: orgKeys.users(code ?? ''),
    queryFn: () => api<{ data: OrgUser[] }>(`/orgs/${enc(code!)}/users`),
    enabled: !!code,
    select: (res) => {
      const seen = new Map<string, OrgUser>();
      for (const u of res.data) if (u.role === 'mentor' && u.isActive) seen.set(u.userId, u);
      return [...seen.values()];
    },
  });
}
