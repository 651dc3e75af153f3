import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EmailMode, NotificationList, Preferences } from '../../../shared/contracts/notifications';
import type { OutboxList } from '../../../shared/contracts/outbox';
import { api } from '../../api/client';

// Typed queries of the user's notifications, their email preference, and the admins' outbox.

export const notificationKeys = {
  all: ['notifications'] as const,
  list: () => [...notificationKeys.all, 'list'] as const,
  preferences: () => [...notificationKeys.all, 'preferences'] as const,
};
export const outboxKeys = {
  all: ['outbox'] as const,
  page: (page: number) => [...outboxKeys.all, page] as const,
};

export function useNotifications() {
  return useQuery({
    queryKey: notificationKeys.list(),
    queryFn: () => api<NotificationList>('/notifications', { query: { pageSize: 20 } }),
    refetchInterval: 60_000,
  });
}

/** Marks the given notifications (or all) as read. */
export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (ids?: string[]) => api('/notifications/read', { method: 'POST', body: ids ? { ids } : {} }),
    onSuccess: () => qc.invalidateQueries({ queryKey: notificationKeys.list() }),
  });
}

export function useEmailPreference() {
  return useQuery({
    queryKey: notificationKeys.preferences(),
    queryFn: () => api<{ data: Preferences }>('/notifications/preferences').then((r) => r.data),
  });
}

export function useSetEmailPreference() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (email: EmailMode) => api('/notifications/preferences', { method: 'PUT', body: { email } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: notificationKeys.preferences() }),
  });
}

export function useOutbox(page: number) {
  return useQuery({
    queryKey: outboxKeys.page(page),
    queryFn: () => api<OutboxList>('/outbox', { query: { page } }),
    placeholderData: keepPreviousData,
  });
}
