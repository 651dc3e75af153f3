import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { AssessmentDetail, AssessmentItem } from '../../api/types';

export const assessmentKey = (id: string) => ['assessment', id] as const;

/** Replaces one indicator in the cached assessment, so the index panel follows every save. */
export function usePatchItem(id: string) {
  const qc = useQueryClient();
  return useCallback(
    (indicator: number, patch: Partial<AssessmentItem>) => {
      qc.setQueryData<AssessmentDetail>(assessmentKey(id), (old) =>
        old
          ? {
              ...old,
              data: {
                ...old.data,
                items: old.data.items.map((i) => (i.indicator === indicator ? { ...i, ...patch } : i)),
              },
            }
          : old,
      );
    },
    [qc, id],
  );
}
