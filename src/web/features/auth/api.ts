import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me, UpdateProfileBody } from '../../../shared/contracts/auth';
import type { Meta } from '../../../shared/contracts/health';
import type { InvitationLookup } from '../../../shared/contracts/users';
import { ApiError, api } from '../../api/client';
import { setDisplayTimeZone } from '../../i18n/i18n';

// Typed hooks for the account, sign-in and invitations, on the shared contracts.
export const authKeys = {
  me: ['me'] as const,
  meta: ['meta'] as const,
  invitation: (token: string) => ['invitation', token] as const,
};

export function useMe() {
  return useQuery({
    queryKey: authKeys.me,
    queryFn: async () => {
      try {
        return (await api<{ data: Me }>('/me')).data;
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return null;
        throw err;
      }
    },
    staleTime: 60_000,
  });
}

/** Facts the server shares before sign-in (sample accounts, the time zone). */
export function useMeta() {
  return useQuery({
    queryKey: authKeys.meta,
    queryFn: async () => {
      const res = await fetch('/api/v1/meta');
      const meta = (await res.json()) as Meta;
      if (meta.timeZone) setDisplayTimeZone(meta.timeZone);
      return meta;
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** A mutation whose answer is the signed-in account: the cached /me becomes it. */
function useMeMutation<V>(send: (v: V) => Promise<{ data: Me }>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (res) => qc.setQueryData(authKeys.me, res.data),
  });
}

export const useLogin = () =>
  useMeMutation((v: { email: string; password: string }) =>
    api<{ data: Me }>('/auth/login', { method: 'POST', body: v }),
  );

export const useUpdateProfile = () =>
  useMeMutation((v: UpdateProfileBody) => api<{ data: Me }>('/me', { method: 'PATCH', body: v }));

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api('/auth/logout', { method: 'POST' }),
    onSettled: () => {
      qc.clear();
      window.location.assign('/login');
    },
  });
}

export const useChangePassword = () =>
  useMutation({
    mutationFn: (v: { currentPassword: string; newPassword: string }) =>
      api('/auth/change-password', { method: 'POST', body: v }),
  });

export const useForgotPassword = () =>
  useMutation({
    mutationFn: (v: { email: string }) => api('/auth/forgot-password', { method: 'POST', body: v }),
  });

export const useResetPassword = () =>
  useMutation({
    mutationFn: (v: { token: string; newPassword: string }) =>
      api('/auth/reset-password', { method: 'POST', body: v }),
  });

export function useInvitationLookup(token: string) {
  return useQuery({
    queryKey: authKeys.invitation(token),
    queryFn: async () =>
      (await api<{ data: InvitationLookup }>('/invitations/lookup', { query: { token } })).data,
    enabled: Boolean(token),
  });
}

export const useAcceptInvitation = () =>
  useMutation({
    mutationFn: (v: { token: string; name: string; password: string }) =>
      api<{ data: { email: string } }>('/invitations/accept', { method: 'POST', body: v }),
  });
