import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { z } from 'zod';
import type {
  AssessmentDetail,
  AssessmentItem,
  AssessmentList,
  createdSchema,
  FrameworkForYear,
  ItemSaveBody,
  itemHistorySchema,
  SavedItem,
  TransitionAction,
  transitionResultSchema,
} from '../../../shared/contracts/assessments';
import type { CrosswalkReuseReply, ItemCrosswalk } from '../../../shared/contracts/crosswalk';
import type { frameworkListSchema, frameworkLoadedSchema } from '../../../shared/contracts/frameworks';
import type { Framework } from '../../../shared/framework/framework-schema';
import { ApiError, api } from '../../api/client';

// Typed queries of self-assessments and frameworks, on the shared contract; one key factory each,
// so a write invalidates exactly what it changed. Official results, comparison and scenarios:
// ./results-api.ts.

export const assessmentKeys = {
  all: ['assessments'] as const,
  list: (code: string) => [...assessmentKeys.all, 'list', code] as const,
  detail: (id: string) => [...assessmentKeys.all, 'detail', id] as const,
  itemHistory: (id: string, indicator: number) =>
    [...assessmentKeys.all, 'item-history', id, indicator] as const,
  crosswalk: (id: string, indicator: number) => [...assessmentKeys.all, 'crosswalk', id, indicator] as const,
};
export const frameworkKeys = {
  all: ['frameworks'] as const,
  list: () => [...frameworkKeys.all, 'list'] as const,
  detail: (id: string | undefined, version?: string) =>
    [...frameworkKeys.all, 'detail', id, version] as const,
  year: (year: number) => [...frameworkKeys.all, 'year', year] as const,
};

const enc = encodeURIComponent;
type Created = z.infer<typeof createdSchema>;

export function useAssessments(code: string) {
  return useQuery({
    queryKey: assessmentKeys.list(code),
    queryFn: () => api<AssessmentList>(`/orgs/${enc(code)}/assessments`),
  });
}

export function useAssessment(id: string | undefined) {
  return useQuery({
    queryKey: assessmentKeys.detail(id ?? ''),
    queryFn: () => api<AssessmentDetail>(`/assessments/${id}`),
    enabled: !!id,
  });
}

export function useCreateAssessment(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (year: number | string) =>
      api<Created>(`/orgs/${enc(code)}/assessments`, { method: 'POST', body: { year } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: assessmentKeys.list(code) }),
  });
}

/** Replaces one indicator in the cached assessment, so the index panel follows every save. */
export function usePatchItem(id: string) {
  const qc = useQueryClient();
  return useCallback(
    (indicator: number, patch: Partial<AssessmentItem>) => {
      qc.setQueryData<AssessmentDetail>(assessmentKeys.detail(id), (old) =>
        old
          ? {
              ...old,
              data: {
                ...old.data,
                items: old.data.items.map((i) => (i.indicator === indicator ? { ...i, ...patch } : i)),
              },
            }
          : old,
      );
    },
    [qc, id],
  );
}

/**
 * Saves one indicator; the caller patches the cache (a save must not refetch a half-typed draft).
 * A service name another indicator took meanwhile is news about that indicator: the assessment is
 * read again so every card sees the names as saved (a card with unsaved typing keeps its draft).
 */
export function useSaveItem(id: string, indicator: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ItemSaveBody) =>
      api<{ data: SavedItem }>(`/assessments/${id}/items/${indicator}`, { method: 'PUT', body }),
    onError: (err) => {
      if (err instanceof ApiError && err.code === 'ASSESSMENT_SERVICE_TAKEN')
        qc.invalidateQueries({ queryKey: assessmentKeys.detail(id) });
    },
  });
}

export function useItemHistory(id: string, indicator: number) {
  return useQuery({
    queryKey: assessmentKeys.itemHistory(id, indicator),
    queryFn: () => api<z.infer<typeof itemHistorySchema>>(`/assessments/${id}/items/${indicator}/history`),
  });
}

export function useAddComment(id: string, indicator: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: string) =>
      api<Created>(`/assessments/${id}/items/${indicator}/comments`, { method: 'POST', body: { body } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: assessmentKeys.detail(id) }),
  });
}

/** The related indicators of the earlier framework (crosswalk); fetched once the section is seen. */
export function useItemCrosswalk(id: string, indicator: number, enabled: boolean) {
  return useQuery({
    queryKey: assessmentKeys.crosswalk(id, indicator),
    queryFn: () => api<ItemCrosswalk>(`/assessments/${id}/items/${indicator}/crosswalk`),
    enabled,
  });
}

/** Links earlier evidence to the indicator; the item's evidence and the crosswalk both change. */
export function useReuseEvidence(id: string, indicator: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (evidenceIds: string[]) =>
      api<CrosswalkReuseReply>(`/assessments/${id}/items/${indicator}/crosswalk/reuse`, {
        method: 'POST',
        body: { evidenceIds },
      }),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: assessmentKeys.detail(id) }),
        qc.invalidateQueries({ queryKey: assessmentKeys.crosswalk(id, indicator) }),
      ]),
  });
}

export type TransitionBody = { note?: string; comments?: { indicator: number; body: string }[] };
export function useTransition(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { action: TransitionAction; body?: TransitionBody }) =>
      api<z.infer<typeof transitionResultSchema>>(`/assessments/${id}/transitions/${v.action}`, {
        method: 'POST',
        body: v.body ?? {},
      }),
    // The status shows in the body's list too.
    onSuccess: () => qc.invalidateQueries({ queryKey: assessmentKeys.all }),
  });
}

export const exportUrl = (id: string, format: 'csv' | 'xlsx') =>
  `/api/v1/assessments/${id}/export?format=${format}`;

/**
 * A framework definition: in `version` (the one an assessment recorded), which never changes and
 * is fetched once; else the current version, which a platform admin's correction may replace.
 */
export function useFramework(id: string | undefined, version?: string) {
  return useQuery({
    queryKey: frameworkKeys.detail(id, version),
    queryFn: () => api<{ data: Framework }>(`/frameworks/${id}`, { query: { version } }).then((r) => r.data),
    enabled: !!id,
    staleTime: version ? Number.POSITIVE_INFINITY : 5 * 60_000,
  });
}

/** The framework a new self-assessment of the year uses (the server's one rule). */
export function useYearFramework(year: number | null) {
  return useQuery({
    queryKey: frameworkKeys.year(year ?? 0),
    queryFn: () => api<{ data: FrameworkForYear }>(`/frameworks/for-year/${year}`).then((r) => r.data),
    enabled: year !== null,
    retry: false,
  });
}

/** The loaded frameworks; `staleFor` lets readers that only need their bands reuse a recent answer. */
export function useFrameworks(staleFor = 0) {
  return useQuery({
    queryKey: frameworkKeys.list(),
    queryFn: () => api<z.infer<typeof frameworkListSchema>>('/frameworks'),
    staleTime: staleFor,
  });
}

export function useLoadFramework() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (definition: unknown) =>
      api<z.infer<typeof frameworkLoadedSchema>>('/frameworks', { method: 'POST', body: definition }),
    // A correction changes the current version of an id, and the framework of years it covers.
    onSuccess: () => qc.invalidateQueries({ queryKey: frameworkKeys.all }),
  });
}
