import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Pagination } from '../../../shared/contracts/common';
import type {
  AnswerBody,
  Question,
  QuestionCreate,
  QuestionSummary,
  questionListQuerySchema,
  ResponseTime,
} from '../../../shared/contracts/questions';
import { api } from '../../api/client';

// Typed queries of mentoring questions. Keys are factories so a write invalidates exactly the
// lists and the thread it changes.

export type QuestionFilters = Partial<z.input<typeof questionListQuerySchema>>;
export type OrgRef = { code: string; name: string };
type Paged<T> = { data: T[]; pagination: Pagination };

export const questionKeys = {
  all: ['questions'] as const,
  list: (filters: QuestionFilters) => [...questionKeys.all, 'list', filters] as const,
  detail: (id: string) => [...questionKeys.all, 'detail', id] as const,
  similar: (title: string) => [...questionKeys.all, 'similar', title] as const,
  responseTimes: (f: { host?: string; province?: string }) =>
    [...questionKeys.all, 'response-times', f] as const,
};

const enc = encodeURIComponent;

export function useQuestions(filters: QuestionFilters, enabled = true) {
  return useQuery({
    queryKey: questionKeys.list(filters),
    queryFn: () => api<Paged<QuestionSummary> & { askFor: OrgRef[] }>('/questions', { query: filters }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useQuestion(id: string) {
  return useQuery({
    queryKey: questionKeys.detail(id),
    queryFn: () => api<{ data: Question }>(`/questions/${enc(id)}`).then((r) => r.data),
  });
}

/** Answered public questions resembling the title being typed (asked once it has a word of 3+ letters). */
export function useSimilarQuestions(title: string) {
  const t = title.trim();
  return useQuery({
    queryKey: questionKeys.similar(t),
    queryFn: () =>
      api<{ data: QuestionSummary[] }>('/questions/similar', { query: { title: t } }).then((r) => r.data),
    enabled: /\p{L}{3,}/u.test(t),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useResponseTimes(filters: { host?: string; province?: string }, enabled = true) {
  return useQuery({
    queryKey: questionKeys.responseTimes(filters),
    queryFn: () =>
      api<{ data: ResponseTime[] }>('/questions/response-times', { query: filters }).then((r) => r.data),
    enabled,
    staleTime: 60_000,
  });
}

/** Writes that answer the whole thread: the cache takes it as is, the lists refetch. */
function useThreadWrite<V>(run: (v: V) => Promise<{ data: Question }>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: V) => run(v).then((r) => r.data),
    onSuccess: (q) => {
      qc.setQueryData(questionKeys.detail(q.id), q);
      qc.invalidateQueries({ queryKey: questionKeys.all, predicate: (k) => k.queryKey[1] !== 'detail' });
    },
  });
}

export function useAskQuestion() {
  return useThreadWrite((v: { code: string; body: QuestionCreate }) =>
    api(`/orgs/${enc(v.code)}/questions`, { method: 'POST', body: v.body }),
  );
}

export function usePostAnswer(id: string) {
  return useThreadWrite((body: AnswerBody) => api(`/questions/${enc(id)}/answers`, { method: 'POST', body }));
}

export function useEditAnswer(id: string) {
  return useThreadWrite((v: { answerId: string; body: AnswerBody }) =>
    api(`/questions/${enc(id)}/answers/${enc(v.answerId)}`, { method: 'PATCH', body: v.body }),
  );
}

export function useAcceptAnswer(id: string) {
  return useThreadWrite((answerId: string) =>
    api(`/questions/${enc(id)}/accepted-answer`, { method: 'PUT', body: { answerId } }),
  );
}

export function useDeleteAnswer(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (answerId: string) =>
      api(`/questions/${enc(id)}/answers/${enc(answerId)}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: questionKeys.all }),
  });
}

export const questionFileUrl = (id: string, fileId: string) =>
  `/api/v1/questions/${enc(id)}/files/${enc(fileId)}`;
