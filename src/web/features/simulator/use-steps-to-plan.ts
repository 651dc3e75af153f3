import { useMutation, useQuery } from '@tanstack/react-query';
import type { OptimiseResult } from '../../../shared/framework/optimise';
import { api } from '../../api/client';
import type { PlanSummary } from '../../api/types';

// The simulator hands the optimiser's steps to the action plans area: items of this year's plan,
// which is created when there is none yet. The plans' own endpoints, typed here for this one use.
type PlanList = { data: PlanSummary[]; abilities: { create: boolean } };
const enc = encodeURIComponent;

export function useStepsToPlan(code: string) {
  const plans = useQuery({
    queryKey: ['plans', code],
    queryFn: () => api<PlanList>(`/orgs/${enc(code)}/plans`),
  });
  const toItems = useMutation({
    mutationFn: async (v: { plan: Extract<OptimiseResult, { reachable: true }>; target: string }) => {
      const period = String(new Date().getFullYear());
      let planId = plans.data?.data.find((p) => p.period === period)?.id;
      if (!planId) {
        const created = await api<{ data: { id: string } }>(`/orgs/${enc(code)}/plans`, {
          method: 'POST',
          body: { period },
        });
        planId = created.data.id;
      }
      const r = await api<{ data: { created: number } }>(`/plans/${planId}/items/from-steps`, {
        method: 'POST',
        body: {
          source: 'optimiser',
          sourceRef: `simulator → ${v.target}`,
          steps: v.plan.steps.map((st) => ({ indicator: st.indicator, to: st.to })),
        },
      });
      return { id: planId, period, created: r.data.created };
    },
  });
  return { canCreate: !!plans.data?.abilities.create, toItems };
}
