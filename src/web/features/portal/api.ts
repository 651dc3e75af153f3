import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  PublicBodiesReply,
  PublicBodyReply,
  PublicProvincesReply,
  PublicSummaryReply,
  publicBodiesQuerySchema,
} from '../../../shared/contracts/public';
import { api } from '../../api/client';

// Typed hooks of the public portal (the open data under /api/v1/public), one key factory.
// The answers are the same for everyone, so signing in or out does not invalidate them.

export type PublicBodyFilters = Omit<Partial<z.input<typeof publicBodiesQuerySchema>>, 'format'>;

export const portalKeys = {
  all: ['public'] as const,
  summary: () => [...portalKeys.all, 'summary'] as const,
  provinces: () => [...portalKeys.all, 'provinces'] as const,
  bodies: (filters: PublicBodyFilters) => [...portalKeys.all, 'bodies', filters] as const,
  body: (code: string) => [...portalKeys.all, 'body', code] as const,
};

/** The open data's files, for download links (the API client adds /api/v1 to everything else). */
export const openDataUrl = (path: string) => `/api/v1/public/${path}`;

export function usePublicSummary() {
  return useQuery({
    queryKey: portalKeys.summary(),
    queryFn: () => api<PublicSummaryReply>('/public/summary'),
  });
}

export function usePublicProvinces() {
  return useQuery({
    queryKey: portalKeys.provinces(),
    queryFn: () => api<PublicProvincesReply>('/public/provinces'),
  });
}

export function usePublicBodies(filters: PublicBodyFilters) {
  return useQuery({
    queryKey: portalKeys.bodies(filters),
    queryFn: () => api<PublicBodiesReply>('/public/bodies', { query: filters }),
    placeholderData: keepPreviousData,
  });
}

export function usePublicBody(code: string) {
  return useQuery({
    queryKey: portalKeys.body(code),
    queryFn: () => api<PublicBodyReply>(`/public/bodies/${encodeURIComponent(code)}`),
  });
}
