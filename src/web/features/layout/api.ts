import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Me } from '../../../shared/contracts/auth';
import { api } from '../../api/client';

/**
 * The layout's one write: when signed in, the language switch remembers the choice on the account
 * too (for emails and other devices); a failure leaves the choice on this device. The account is
 * read by useMe (features/auth) under the ['me'] key, which this only looks at (no extra request).
 */
export function useSaveLocale() {
  const qc = useQueryClient();
  const save = useMutation({
    mutationFn: (locale: 'id' | 'en') =>
      api<{ data: Me }>('/me', { method: 'PATCH', body: { locale } }).then((r) => r.data),
    onSuccess: (me) => qc.setQueryData(['me'], me),
  });
  return (locale: 'id' | 'en') => {
    if (qc.getQueryData(['me'])) save.mutate(locale);
  };
}
