import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  type Assignee,
  type BulkBody,
  type FromStepsBody,
  type fromStepsBodySchema,
  type fromStepsReplySchema,
  type ImportResult,
  type ItemHistory,
  type ItemQuery,
  type ItemStatus,
  itemStatuses,
  type PlanAction,
  type PlanDetailReply,
  type planListReplySchema,
} from '../../../shared/contracts/plans';
import { api, uploadFile } from '../../api/client';
import { itemEvidencePath, useEvidenceLinks, useUploadEvidence } from '../evidence/api';

// Typed calls of action plans, on the shared contract. One key factory; a write refreshes every
// plan query (the detail it changed under any filter, and the lists that count its items).

export type PlanList = z.infer<typeof planListReplySchema>;
export type ItemFilters = Partial<Pick<ItemQuery, 'status' | 'q' | 'overdue'>>;

export const planKeys = {
  all: ['plans'] as const,
  list: (code: string) => [...planKeys.all, 'list', code] as const,
  plan: (id: string) => [...planKeys.all, 'detail', id] as const,
  detail: (id: string, filters: ItemFilters) => [...planKeys.plan(id), filters] as const,
  assignees: (id: string) => [...planKeys.plan(id), 'assignees'] as const,
  history: (id: string, itemId: string) => [...planKeys.plan(id), 'history', itemId] as const,
};

const enc = encodeURIComponent;
const planPath = (id: string) => `/plans/${enc(id)}`;

/** After a write: plans, their lists and item counts are all under planKeys.all (and cheap to refetch). */
function usePlanRefresh() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: planKeys.all });
}

export function usePlans(code: string, enabled = true) {
  return useQuery({
    queryKey: planKeys.list(code),
    queryFn: () => api<PlanList>(`/orgs/${enc(code)}/plans`),
    enabled: !!code && enabled,
  });
}

export function useCreatePlan(code: string) {
  const refresh = usePlanRefresh();
  return useMutation({
    mutationFn: (period: string) =>
      api<{ data: { id: string } }>(`/orgs/${enc(code)}/plans`, { method: 'POST', body: { period } }).then(
        (r) => r.data,
      ),
    onSuccess: refresh,
  });
}

/**
 * The simulator's hand-off: the optimiser's steps become items of this year's plan, which is
 * created first when the body has none for the year.
 */
export function useStepsToPlan(code: string) {
  const plans = usePlans(code);
  const refresh = usePlanRefresh();
  const toItems = useMutation({
    mutationFn: async (v: { steps: FromStepsBody['steps']; sourceRef: string }) => {
      const period = String(new Date().getFullYear());
      let planId = plans.data?.data.find((p) => p.period === period)?.id;
      if (!planId) {
        const created = await api<{ data: { id: string } }>(`/orgs/${enc(code)}/plans`, {
          method: 'POST',
          body: { period },
        });
        planId = created.data.id;
      }
      const body: z.input<typeof fromStepsBodySchema> = {
        source: 'optimiser',
        sourceRef: v.sourceRef,
        steps: v.steps,
      };
      const r = await api<z.infer<typeof fromStepsReplySchema>>(`${planPath(planId)}/items/from-steps`, {
        method: 'POST',
        body,
      });
      return { id: planId, period, created: r.data.created };
    },
    onSuccess: refresh,
  });
  return { canCreate: !!plans.data?.abilities.create, toItems };
}

export function usePlan(id: string, filters: ItemFilters = {}) {
  return useQuery({
    queryKey: planKeys.detail(id, filters),
    queryFn: () => api<PlanDetailReply>(planPath(id), { query: filters }),
  });
}

export function usePlanTransition(id: string) {
  const refresh = usePlanRefresh();
  return useMutation({
    mutationFn: (action: PlanAction) => api(`${planPath(id)}/transitions/${action}`, { method: 'POST' }),
    onSuccess: refresh,
  });
}

export function useBulkUpdate(id: string) {
  const refresh = usePlanRefresh();
  return useMutation({
    mutationFn: (body: BulkBody) => api(`${planPath(id)}/items/bulk`, { method: 'POST', body }),
    onSuccess: refresh,
  });
}

export function useImportPlan(id: string) {
  const refresh = usePlanRefresh();
  return useMutation({
    mutationFn: (file: File) =>
      uploadFile<{ data: ImportResult }>(`${planPath(id)}/import`, file).then((r) => r.data),
    onSuccess: refresh,
  });
}

/** A select's value as an item status (no cast: unknown values become null). */
export const toItemStatus = (v: string | null): ItemStatus | null =>
  itemStatuses.find((s) => s === v) ?? null;

export const planExportUrl = (id: string) => `/api/v1${planPath(id)}/export`;

export function useAssignees(id: string) {
  return useQuery({
    queryKey: planKeys.assignees(id),
    queryFn: () => api<{ data: Assignee[] }>(`${planPath(id)}/assignees`).then((r) => r.data),
  });
}

export function useItemHistory(id: string, itemId: string | undefined) {
  return useQuery({
    queryKey: planKeys.history(id, itemId ?? ''),
    queryFn: () =>
      api<{ data: ItemHistory }>(`${planPath(id)}/items/${enc(itemId!)}/history`).then((r) => r.data),
    enabled: !!itemId,
  });
}

/** Saves an item: a new one (POST) or a change to one, from the version the user started with. */
export function useSaveItem(id: string, item?: { id: string; version: number }) {
  const refresh = usePlanRefresh();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      item
        ? api(`${planPath(id)}/items/${enc(item.id)}`, {
            method: 'PATCH',
            body: { ...body, version: item.version },
          })
        : api(`${planPath(id)}/items`, { method: 'POST', body }),
    // A version conflict also refreshes: the user sees the item as it is now.
    onSettled: refresh,
  });
}

export function useAddComment(id: string, itemId: string) {
  const refresh = usePlanRefresh();
  return useMutation({
    mutationFn: (body: string) =>
      api(`${planPath(id)}/items/${enc(itemId)}/comments`, { method: 'POST', body: { body } }),
    onSuccess: refresh,
  });
}

/** Uploads a file to the body's locker and links it to the item. */
export function useAttachEvidence(id: string, itemId: string, orgCode: string) {
  const refresh = usePlanRefresh();
  const upload = useUploadEvidence(orgCode);
  const { link } = useEvidenceLinks(itemEvidencePath(id, itemId), refresh);
  return useMutation({
    mutationFn: async (file: File) => link.mutateAsync((await upload.mutateAsync({ file })).data.id),
  });
}
