import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditList } from '../../../shared/contracts/audit';
import { api } from '../../api/client';

// Typed hook for the audit log, on the shared contract.
export type AuditFilters = Record<string, string | number>;

export const auditKeys = {
  all: ['audit'] as const,
  list: (q: AuditFilters) => [...auditKeys.all, q] as const,
};

export function useAuditEvents(query: AuditFilters) {
  return useQuery({
    queryKey: auditKeys.list(query),
    queryFn: () => api<AuditList>('/audit-events', { query }),
    placeholderData: keepPreviousData,
  });
}
