import { useQuery } from '@tanstack/react-query';
import type { Group } from '../../../shared/framework/framework-schema';
import { api } from '../../api/client';
import type { Framework } from '../../api/types';

/** A framework definition; it never changes for an id and version, so it is fetched once. */
export function useFramework(id: string | undefined) {
  return useQuery({
    queryKey: ['framework', id],
    queryFn: () => api<{ data: Framework }>(`/frameworks/${id}`).then((r) => r.data),
    enabled: !!id,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export type LeafGroup = { path: Group[]; group: Group; indicators: Framework['indicators'] };

/** The groups that hold indicators, in framework order, with their ancestors (domain → aspect). */
export function leafGroups(framework: Framework): LeafGroup[] {
  const byNumber = new Map(framework.indicators.map((i) => [i.number, i]));
  const out: LeafGroup[] = [];
  const walk = (g: Group, path: Group[]) => {
    if (g.indicators?.length) {
      out.push({ path, group: g, indicators: g.indicators.map((n) => byNumber.get(n)!).filter(Boolean) });
    }
    for (const c of g.groups ?? []) walk(c, [...path, g]);
  };
  for (const g of framework.groups) walk(g, []);
  return out;
}
