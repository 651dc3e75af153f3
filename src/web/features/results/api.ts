import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { createdSchema } from '../../../shared/contracts/assessments';
import type {
  Calibration,
  Comparison,
  History,
  importResultSchema,
  nationalResultsSchema,
  OfficialResultList,
  Scenario,
  scenarioListAbilitiesSchema,
} from '../../../shared/contracts/results';
import { api, uploadFile } from '../../api/client';
import { orgKeys } from '../orgs/api';

// Typed queries of official results, a body's comparison, history and calibration, and the
// simulator's saved scenarios. A body's figures share one key prefix, so entering an official
// result refreshes all of them.

export const resultKeys = {
  all: ['results'] as const,
  official: () => [...resultKeys.all, 'official'] as const,
  orgOfficial: (code: string) => [...resultKeys.official(), 'org', code] as const,
  national: () => [...resultKeys.official(), 'national'] as const,
  body: (code: string) => [...resultKeys.all, 'body', code] as const,
  history: (code: string) => [...resultKeys.body(code), 'history'] as const,
  calibration: (code: string, year: number, framework: string) =>
    [...resultKeys.body(code), 'calibration', year, framework] as const,
  comparison: (code: string, year: string) => [...resultKeys.body(code), 'comparison', year] as const,
  scenarios: (code: string) => [...resultKeys.all, 'scenarios', code] as const,
};

const enc = encodeURIComponent;

export function useOfficialResults(code: string, enabled = true) {
  return useQuery({
    queryKey: resultKeys.orgOfficial(code),
    queryFn: () => api<OfficialResultList>(`/orgs/${enc(code)}/official-results`),
    enabled,
  });
}

export function useNationalResults() {
  return useQuery({
    queryKey: resultKeys.national(),
    queryFn: () => api<z.infer<typeof nationalResultsSchema>>('/official-results/national'),
  });
}

/** After a body's official result changes, its list and every figure derived from it. */
function useRefreshBody(code: string) {
  const qc = useQueryClient();
  return () => {
    qc.invalidateQueries({ queryKey: resultKeys.official() });
    qc.invalidateQueries({ queryKey: resultKeys.body(code) });
  };
}

export type OfficialResultEntry = {
  year: number | string;
  index: number | string | null;
  domains: Record<string, number | string>;
  source: string;
};
export function useSaveOfficialResult(code: string) {
  const refresh = useRefreshBody(code);
  return useMutation({
    mutationFn: ({ year, ...body }: OfficialResultEntry) =>
      api(`/orgs/${enc(code)}/official-results/${year}`, { method: 'PUT', body }),
    onSuccess: refresh,
  });
}

export function useDeleteOfficialResult(code: string) {
  const refresh = useRefreshBody(code);
  return useMutation({
    mutationFn: (year: number) => api(`/orgs/${enc(code)}/official-results/${year}`, { method: 'DELETE' }),
    onSuccess: refresh,
  });
}

export function useImportOfficialResults() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { file: File; framework: string; onProgress: (fraction: number) => void }) =>
      uploadFile<z.infer<typeof importResultSchema>>('/official-results/import', v.file, {
        // A file holds the results of one framework; each row's year must be one it evaluated.
        query: { framework: v.framework },
        onProgress: v.onProgress,
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: resultKeys.all }),
  });
}

export function useHistory(code: string, enabled = true) {
  return useQuery({
    queryKey: resultKeys.history(code),
    queryFn: () => api<History>(`/orgs/${enc(code)}/history`),
    enabled,
  });
}

export function useCalibration(code: string, year: number, framework: string) {
  return useQuery({
    queryKey: resultKeys.calibration(code, year, framework),
    queryFn: () =>
      api<{ data: Calibration }>(`/orgs/${enc(code)}/calibration`, { query: { year, framework } }),
  });
}

/** `year` empty: the latest year with any result of the body. */
export function useComparison(code: string, year: string) {
  return useQuery({
    queryKey: resultKeys.comparison(code, year),
    queryFn: () =>
      api<{ data: Comparison }>(`/orgs/${enc(code)}/comparison`, { query: { year: year || undefined } }),
  });
}

/** Peers see the body's indicator levels, or not; the body's own record shows the switch. */
export function useSharing(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (shareLevels: boolean) =>
      api(`/orgs/${enc(code)}/sharing`, { method: 'PATCH', body: { shareLevels } }),
    // The body's record (orgs area) carries shareLevels.
    onSuccess: () => qc.invalidateQueries({ queryKey: orgKeys.detail(code) }),
  });
}

type ScenarioList = { data: Scenario[]; abilities: z.infer<typeof scenarioListAbilitiesSchema> };
/** A body's scenarios on one framework (levels of another would mean other indicators). */
export function useScenarios(code: string, framework: string) {
  return useQuery({
    queryKey: [...resultKeys.scenarios(code), framework],
    queryFn: () => api<ScenarioList>(`/orgs/${enc(code)}/scenarios`, { query: { framework } }),
  });
}

export type ScenarioInput = {
  frameworkId: string;
  name: string;
  levels: Record<string, number>;
  target: string | null;
};
export function useSaveScenario(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ScenarioInput) =>
      api<z.infer<typeof createdSchema>>(`/orgs/${enc(code)}/scenarios`, { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: resultKeys.scenarios(code) }),
  });
}

export function useDeleteScenario(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api(`/orgs/${enc(code)}/scenarios/${id}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: resultKeys.scenarios(code) }),
  });
}
