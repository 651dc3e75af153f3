import { useQueries } from '@tanstack/react-query';
import type { OrgDetail } from '../../../shared/contracts/orgs';
import { api } from '../../api/client';
import { useMe } from '../auth/use-auth';

type OrgRef = { code: string; name: string };

/** Bodies the signed-in user may act for when adopting a practice (null when signed out). */
export function useAdoptingBodies(): OrgRef[] {
  const me = useMe().data;
  if (!me) return [];
  const bodies = new Map<string, OrgRef>();
  for (const m of me.memberships) {
    if (['body_admin', 'operator'].includes(m.role)) bodies.set(m.org.code, m.org);
  }
  return [...bodies.values()];
}

/**
 * Host bodies in which the user may publish practices: mentors (a role given only in host bodies)
 * and body admins of a body that is a host. The server decides in the end; this only shows buttons.
 */
export function usePublishingHosts(): { hosts: OrgRef[]; pending: boolean } {
  const me = useMe().data;
  const candidates = (me?.memberships ?? []).filter((m) => ['mentor', 'body_admin'].includes(m.role));
  const codes = [...new Set(candidates.map((m) => m.org.code))];
  const details = useQueries({
    queries: codes.map((code) => ({
      queryKey: ['org', code],
      queryFn: () => api<OrgDetail>(`/orgs/${encodeURIComponent(code)}`),
      staleTime: 60_000,
    })),
  });
  const hosts = codes
    .map((code, i) => ({ code, detail: details[i]?.data }))
    .filter(
      ({ code, detail }) =>
        detail?.data.isHost || candidates.some((m) => m.org.code === code && m.role === 'mentor'),
    )
    .map(({ code }) => candidates.find((m) => m.org.code === code)!.org);
  return { hosts, pending: details.some((d) => d.isPending) };
}
