import { useDebouncedValue } from '@mantine/hooks';
import { useSearchParams } from 'react-router';

/**
 * List filters kept in the URL so a filtered list can be bookmarked and shared. `get` reads one
 * (empty when absent); `set` writes a patch, drops empty values and goes back to page 1 unless the
 * patch is the page itself; `q` is the search text debounced so typing doesn't fire a request a key.
 */
export function useUrlFilters() {
  const [params, setParams] = useSearchParams();
  const get = (key: string) => params.get(key) ?? '';
  const [q] = useDebouncedValue(get('q'), 300);
  const set = (patch: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in patch)) next.delete('page');
    setParams(next, { replace: true });
  };
  const page = Number(get('page') || '1');
  return { get, set, q, page };
}
