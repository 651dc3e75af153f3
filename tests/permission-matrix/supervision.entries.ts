import { all, type Entry } from './context';

// The supervisors' cockpits: the nation is national supervisors' and platform admins'; a province
// also its own supervisors' (the sample province supervisor is West Java's, 32).
const nationalOnly = (url: string): Entry => ({
  access: 'user',
  req: () => ({ url }),
  cases: [
    ...all(403).filter((c) => c.who !== 'admin' && c.who !== 'national'),
    { who: 'national', status: 200 },
    { who: 'admin', status: 200 },
  ],
});
const province = (path: string): Entry => ({
  access: 'user',
  req: () => ({ url: `/api/v1/supervision/provinces/32${path}` }),
  cases: [
    ...all(403).filter((c) => !['admin', 'national', 'provinceSup'].includes(c.who)),
    { who: 'national', status: 200 },
    { who: 'admin', status: 200 },
    { who: 'provinceSup', status: 200 },
    // Another province exists but is not theirs; a code that is no province is not found.
    { who: 'provinceSup', status: 403, req: () => ({ url: `/api/v1/supervision/provinces/33${path}` }) },
    { who: 'national', status: 404, req: () => ({ url: `/api/v1/supervision/provinces/99${path}` }) },
  ],
});

export const supervisionEntries: Record<string, Entry> = {
  'GET /api/v1/supervision/national': nationalOnly('/api/v1/supervision/national'),
  'GET /api/v1/supervision/regions': {
    ...nationalOnly('/api/v1/supervision/regions'),
    cases: [
      ...nationalOnly('/api/v1/supervision/regions').cases,
      { who: 'provinceSup', status: 200, req: () => ({ url: '/api/v1/supervision/regions?province=32' }) },
      { who: 'provinceSup', status: 403, req: () => ({ url: '/api/v1/supervision/regions?province=33' }) },
      { who: 'mentor', status: 403, req: () => ({ url: '/api/v1/supervision/regions?province=32' }) },
    ],
  },
  'GET /api/v1/supervision/provinces/:code': province(''),
  'GET /api/v1/supervision/provinces/:code/simulation': province('/simulation'),
};
