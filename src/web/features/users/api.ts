import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Role } from '../../../shared/contracts/common';
import type {
  DeliveryStatus,
  Invitation,
  OrgUsersReply,
  UserDetail,
  UserList,
} from '../../../shared/contracts/users';
import { api } from '../../api/client';
import { orgKeys, useInvalidating } from '../orgs/api';

// Typed hooks for users: a body's users and invitations, and platform user administration.
const enc = encodeURIComponent;

export type UserListParams = {
  q: string;
  role: string | null;
  active: string | null;
  page: number;
  pageSize: number;
};

export const userKeys = {
  all: ['users'] as const,
  list: (q: UserListParams) => [...userKeys.all, q] as const,
  detail: (id: string) => ['user', id] as const,
};

// ---- a body's users (its page) ----

export function useOrgUsers(code: string) {
  return useQuery({
    queryKey: orgKeys.users(code),
    queryFn: () => api<OrgUsersReply>(`/orgs/${enc(code)}/users`),
  });
}

export function useOrgInvitations(code: string, enabled: boolean) {
  return useQuery({
    queryKey: orgKeys.invitations(code),
    queryFn: async () => (await api<{ data: Invitation[] }>(`/orgs/${enc(code)}/invitations`)).data,
    enabled,
  });
}

const refreshOrg = (code: string) => () => [orgKeys.detail(code)];

export const useChangeRole = (code: string) =>
  useInvalidating(
    ({ id, role }: { id: string; role: Role }) =>
      api(`/orgs/${enc(code)}/memberships/${id}`, { method: 'PATCH', body: { role } }),
    refreshOrg(code),
  );

export const useRemoveMembership = (code: string) =>
  useInvalidating(
    (id: string) => api(`/orgs/${enc(code)}/memberships/${id}`, { method: 'DELETE' }),
    refreshOrg(code),
  );

export const useRevokeInvitation = (code: string) =>
  useInvalidating(
    (id: string) => api(`/orgs/${enc(code)}/invitations/${id}`, { method: 'DELETE' }),
    refreshOrg(code),
  );

export const useInvite = (code: string) =>
  useInvalidating(
    (body: { email: string; role: Role }) =>
      api<{ data: Invitation; delivery: DeliveryStatus }>(`/orgs/${enc(code)}/invitations`, {
        method: 'POST',
        body,
      }),
    refreshOrg(code),
  );

// ---- platform user administration ----

export function useUsers(query: UserListParams) {
  return useQuery({
    queryKey: userKeys.list(query),
    queryFn: () => api<UserList>('/users', { query }),
    placeholderData: keepPreviousData,
  });
}

export function useUser(id: string | null) {
  return useQuery({
    queryKey: userKeys.detail(id ?? ''),
    queryFn: () => api<UserDetail>(`/users/${id}`),
    enabled: Boolean(id),
  });
}

const refreshUser = (id: string | null) => () => [userKeys.detail(id ?? ''), userKeys.all];

export const useSetUserActive = (id: string | null) =>
  useInvalidating(
    (isActive: boolean) => api(`/users/${id}`, { method: 'PATCH', body: { isActive } }),
    refreshUser(id),
  );

export const useAddUserMembership = (id: string | null) =>
  useInvalidating(
    (body: { orgCode: string; role: Role }) => api(`/users/${id}/memberships`, { method: 'POST', body }),
    refreshUser(id),
  );

export const useRemoveUserMembership = (id: string | null) =>
  useInvalidating(
    (membershipId: string) => api(`/users/${id}/memberships/${membershipId}`, { method: 'DELETE' }),
    refreshUser(id),
  );
