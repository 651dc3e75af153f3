import { useQuery } from '@tanstack/react-query';
import type {
  NationalOverview,
  ProvinceOverview,
  Regions,
  Simulation,
} from '../../../shared/contracts/supervision';
import { api } from '../../api/client';

// Typed hooks for the supervisors' cockpits, on the shared contract; one key factory for the area.
export const supervisionKeys = {
  all: ['supervision'] as const,
  national: () => [...supervisionKeys.all, 'national'] as const,
  regions: (province: string | null) => [...supervisionKeys.all, 'regions', province] as const,
  province: (code: string) => [...supervisionKeys.all, 'province', code] as const,
  simulation: (code: string) => [...supervisionKeys.all, 'simulation', code] as const,
};

export function useNationalOverview() {
  return useQuery({
    queryKey: supervisionKeys.national(),
    queryFn: () => api<{ data: NationalOverview }>('/supervision/national').then((r) => r.data),
  });
}

/** Kab/kota map values: one province's, or (province null) all 514. */
export function useRegions(province: string | null, enabled = true) {
  return useQuery({
    queryKey: supervisionKeys.regions(province),
    queryFn: () =>
      api<{ data: Regions }>('/supervision/regions', { query: { province: province ?? undefined } }).then(
        (r) => r.data,
      ),
    enabled,
  });
}

export function useProvinceOverview(code: string) {
  return useQuery({
    queryKey: supervisionKeys.province(code),
    queryFn: () =>
      api<{ data: ProvinceOverview }>(`/supervision/provinces/${encodeURIComponent(code)}`).then(
        (r) => r.data,
      ),
  });
}

export function useSimulation(code: string) {
  return useQuery({
    queryKey: supervisionKeys.simulation(code),
    queryFn: () =>
      api<{ data: Simulation }>(`/supervision/provinces/${encodeURIComponent(code)}/simulation`).then(
        (r) => r.data,
      ),
  });
}
