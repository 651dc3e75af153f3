import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { localDay, yearOf } from '../../../shared/calendar';
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
  type TransitionBody,
} from '../../../shared/contracts/plans';
import { api, uploadFile } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { itemEvidencePath, useEvidenceLinks, useUploadEvidence } from '../evidence/api';

// Typed calls of action plans, on the shared contract. One key factory; a write refreshes every
// plan query (the detail it changed under any filter, and the lists that count its items).

export type PlanList = z.infer<typeof planListReplySchema>;
export type ItemFilters = Partial<Pick<ItemQuery, 'status' | 'q' | 'overdue' | 'missing'>>;

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

/** The plan period of the optimiser's year `year` (1 = this year, in the configured zone). */
export function usePlanPeriod() {
  const { timeZone } = useI18n();
  const thisYear = yearOf(localDay(new Date(), timeZone));
  return (year: number) => String(thisYear + year - 1);
}

/**
 * The simulator's hand-off: the optimiser's steps become items, each year's steps in that year's
 * plan (created when the body has none for the year) and due by the year's end. Every plan it
 * needs must be a draft: checked before anything is written, so no year is half handed off.
 */
export function useStepsToPlan(code: string) {
  const plans = usePlans(code);
  const refresh = usePlanRefresh();
  const periodOf = usePlanPeriod();
  const toItems = useMutation({
    mutationFn: async (v: {
      steps: (FromStepsBody['steps'][number] & { year: number })[];
      sourceRef: string;
      /** The simulator's framework: a plan of another framework refuses the steps. */
      frameworkId: string;
    }) => {
      const years = [...new Set(v.steps.map((s) => s.year))].sort((a, b) => a - b);
      const existing = (period: string) => plans.data?.data.find((p) => p.period === period);
      const locked = years.map(periodOf).find((period) => {
        const p = existing(period);
        return p && p.status !== 'draft';
      });
      if (locked) throw new PlanNotDraftError(locked);
      const done: { id: string; period: string; created: number }[] = [];
      for (const year of years) {
        const period = periodOf(year);
        let planId = existing(period)?.id;
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
          frameworkId: v.frameworkId,
          dueDate: `${period}-12-31`,
          steps: v.steps.filter((s) => s.year === year).map(({ indicator, to }) => ({ indicator, to })),
        };
        const r = await api<z.infer<typeof fromStepsReplySchema>>(`${planPath(planId)}/items/from-steps`, {
          method: 'POST',
          body,
        });
        done.push({ id: planId, period, created: r.data.created });
      }
      return done;
    },
    onSettled: refresh,
  });
  return { canCreate: !!plans.data?.abilities.create, toItems };
}

/** A plan the hand-off would need is not a draft (it must be revised first). */
export class PlanNotDraftError extends Error {
  constructor(readonly period: string) {
    super(`plan ${period} is not a draft`);
  }
}

export function usePlan(id: string, filters: ItemFilters = {}) {
  return useQuery({
    queryKey: planKeys.detail(id, filters),
    queryFn: () => api<PlanDetailReply>(planPath(id), { query: filters }),
  });
}

/** Moves the plan; approving items that lack an owner or a due date needs the acknowledgement. */
export function usePlanTransition(id: string) {
  const refresh = usePlanRefresh();
  return useMutation({
    mutationFn: (v: { action: PlanAction; acknowledgeIncomplete?: boolean }) =>
      api(`${planPath(id)}/transitions/${v.action}`, {
        method: 'POST',
        body: v.acknowledgeIncomplete
          ? ({ acknowledgeIncomplete: true } satisfies TransitionBody)
          : undefined,
      }),
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
