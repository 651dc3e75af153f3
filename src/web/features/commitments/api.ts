import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CommitmentText,
  CommitmentTextBody,
  OrgSignatures,
  SignBody,
  Verification,
} from '../../../shared/contracts/commitments';
import { api } from '../../api/client';

// Typed queries of the joint commitment on the shared contract. A body's signatures keep the
// key ['signatures', code] that the body's SPBE card shares (same URL, same reply).

export const commitmentKeys = {
  all: ['commitments'] as const,
  texts: () => [...commitmentKeys.all, 'texts'] as const,
  verify: (id: string) => [...commitmentKeys.all, 'verify', id] as const,
};
export const signatureKeys = {
  all: ['signatures'] as const,
  org: (code: string) => [...signatureKeys.all, code] as const,
};

const enc = encodeURIComponent;

export function useCommitmentTexts() {
  return useQuery({
    queryKey: commitmentKeys.texts(),
    queryFn: () => api<{ data: CommitmentText[] }>('/commitments').then((r) => r.data),
  });
}

export function usePublishText() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CommitmentTextBody) => api('/commitments', { method: 'POST', body }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: commitmentKeys.all });
      qc.invalidateQueries({ queryKey: signatureKeys.all });
    },
  });
}

/** A body's signatures, the current text, and what the caller may do (sign; revoke each). */
export function useOrgSignatures(code: string) {
  return useQuery({
    queryKey: signatureKeys.org(code),
    queryFn: () => api<OrgSignatures>(`/orgs/${enc(code)}/commitment-signatures`),
  });
}

export function useSign(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SignBody) => api(`/orgs/${enc(code)}/commitment-signatures`, { method: 'POST', body }),
    onSettled: () => qc.invalidateQueries({ queryKey: signatureKeys.org(code) }),
  });
}

export function useRevokeSignature(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; reason: string }) =>
      api(`/commitments/signatures/${enc(v.id)}/revoke`, { method: 'POST', body: { reason: v.reason } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: signatureKeys.org(code) }),
  });
}

export function useVerification(id: string) {
  return useQuery({
    queryKey: commitmentKeys.verify(id),
    queryFn: () => api<Verification>(`/commitments/signatures/${enc(id)}/verify`),
  });
}

export const certificateUrl = (id: string) => `/api/v1/commitments/signatures/${enc(id)}/certificate`;
