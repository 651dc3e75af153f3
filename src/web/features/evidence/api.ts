import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EvidenceList, EvidenceUpload } from '../../../shared/contracts/evidence';
import { api, uploadFile } from '../../api/client';

// Typed calls of the evidence locker, on the shared contract. The locker's key stays
// ['evidence', code] so every page that shows a body's files refreshes together.

export const evidenceKeys = {
  all: ['evidence'] as const,
  locker: (code: string) => [...evidenceKeys.all, code] as const,
};

const enc = encodeURIComponent;

/** A body's locker (the first 200 files, enough to pick from). */
export function useEvidenceLocker(code: string, enabled = true) {
  return useQuery({
    queryKey: evidenceKeys.locker(code),
    queryFn: () => api<EvidenceList>(`/orgs/${enc(code)}/evidence`, { query: { pageSize: 200 } }),
    enabled: !!code && enabled,
  });
}

/** Uploads a file to a body's locker (a repeat upload answers the stored file, `duplicate`). */
export function useUploadEvidence(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { file: File; onProgress?: (fraction: number) => void }) =>
      uploadFile<EvidenceUpload>(`/orgs/${enc(code)}/evidence`, v.file, { onProgress: v.onProgress }),
    onSuccess: () => qc.invalidateQueries({ queryKey: evidenceKeys.locker(code) }),
  });
}

/** Links and unlinks locker files to one target (an assessment's indicator, a plan's item). */
export function useEvidenceLinks(base: string, onChanged: () => unknown) {
  const link = useMutation({
    mutationFn: (fileId: string) => api(base, { method: 'POST', body: { fileId } }),
    onSuccess: onChanged,
  });
  const unlink = useMutation({
    mutationFn: (fileId: string) => api(`${base}/${enc(fileId)}`, { method: 'DELETE' }),
    onSuccess: onChanged,
  });
  return { link, unlink };
}

export const indicatorEvidencePath = (assessmentId: string, indicator: number) =>
  `/assessments/${enc(assessmentId)}/items/${indicator}/evidence`;
export const itemEvidencePath = (planId: string, itemId: string) =>
  `/plans/${enc(planId)}/items/${enc(itemId)}/evidence`;
export const downloadUrl = (fileId: string) => `/api/v1/evidence/${enc(fileId)}/download`;
