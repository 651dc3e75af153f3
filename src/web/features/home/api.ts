import { useQuery } from '@tanstack/react-query';
import type { HomeReply } from '../../../shared/contracts/home';
import { api } from '../../api/client';

// The home page's one query: every section of the signed-in user, most urgent first.

export const homeKeys = {
  all: ['home'] as const,
  mine: () => [...homeKeys.all, 'mine'] as const,
};

export function useHome() {
  return useQuery({
    queryKey: homeKeys.mine(),
    queryFn: () => api<HomeReply>('/home').then((r) => r.data),
    // What waits on the user changes while they work elsewhere: coming back shows it fresh.
    refetchOnMount: 'always',
  });
}
