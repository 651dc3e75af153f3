import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  MentorAccessDecision,
  ProgrammeBody,
  ProgrammeDetail,
  ProgrammeList,
  Visit,
  VisitDetail,
  VisitList,
  visitBodySchema,
  visitListQuerySchema,
} from '../../../shared/contracts/visits';
import { api, uploadFile } from '../../api/client';
import { orgKeys } from '../orgs/api';

// Typed queries of study visits and programmes, on the shared contract; one key factory each, so
// a write invalidates exactly what it changes. Abilities come with the records.

export type VisitFilters = z.input<typeof visitListQuerySchema>;
export type VisitInput = z.input<typeof visitBodySchema>;
/** What the form sends: the server answers unpicked parties with field errors. */
export type VisitDraft = Omit<VisitInput, 'hostCode' | 'visitorCode'> & {
  hostCode: string | null;
  visitorCode: string | null;
};

export const visitKeys = {
  all: ['visits'] as const,
  list: (filters: VisitFilters) => [...visitKeys.all, 'list', filters] as const,
  detail: (id: string) => [...visitKeys.all, 'detail', id] as const,
};
export const programmeKeys = {
  all: ['programmes'] as const,
  list: () => [...programmeKeys.all, 'list'] as const,
  detail: (id: string) => [...programmeKeys.all, 'detail', id] as const,
};

const enc = encodeURIComponent;

export function useVisits(filters: VisitFilters) {
  return useQuery({
    queryKey: visitKeys.list(filters),
    queryFn: () => api<VisitList>('/visits', { query: filters }),
    placeholderData: keepPreviousData,
  });
}

export function useVisit(id: string) {
  return useQuery({ queryKey: visitKeys.detail(id), queryFn: () => api<VisitDetail>(`/visits/${enc(id)}`) });
}

/** Records a visit (no id) or changes one; answers the saved visit. */
export function useSaveVisit(id?: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: VisitDraft) =>
      api<{ data: Visit }>(id ? `/visits/${enc(id)}` : '/visits', { method: id ? 'PUT' : 'POST', body }).then(
        (r) => r.data,
      ),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: visitKeys.all });
      qc.invalidateQueries({ queryKey: programmeKeys.all });
    },
  });
}

export function useDeleteVisit(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api(`/visits/${enc(id)}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: visitKeys.all }),
  });
}

/** Confirms or declines the mentor access a visit asks for; the visit and the body's mentors change. */
export function useDecideVisitAccess(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (decision: MentorAccessDecision) =>
      api<VisitDetail>(`/visits/${enc(id)}/access/${decision}`, { method: 'POST' }),
    onSuccess: (detail) => {
      qc.setQueryData(visitKeys.detail(id), detail);
      qc.invalidateQueries({ queryKey: visitKeys.all });
      qc.invalidateQueries({ queryKey: orgKeys.detail(detail.data.visitor.code) });
    },
  });
}

export function useAddVisitFile(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadFile(`/visits/${enc(id)}/files`, file),
    onSuccess: () => qc.invalidateQueries({ queryKey: visitKeys.detail(id) }),
  });
}

export function useProgrammes() {
  return useQuery({ queryKey: programmeKeys.list(), queryFn: () => api<ProgrammeList>('/programmes') });
}

export function useProgramme(id: string) {
  return useQuery({
    queryKey: programmeKeys.detail(id),
    queryFn: () => api<ProgrammeDetail>(`/programmes/${enc(id)}`),
  });
}

export function useCreateProgramme() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ProgrammeBody) =>
      api<{ data: { id: string } }>('/programmes', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: programmeKeys.all }),
  });
}

/** Adds a body to a programme or removes it. */
export function useProgrammeMember(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { code: string; add: boolean }) =>
      v.add
        ? api(`/programmes/${enc(id)}/members`, { method: 'POST', body: { orgCode: v.code } })
        : api(`/programmes/${enc(id)}/members/${enc(v.code)}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: programmeKeys.all }),
  });
}
