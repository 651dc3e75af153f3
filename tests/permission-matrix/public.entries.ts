import { all, type Case, type Entry } from './context';

// The public portal's open data: anyone, signed in or not, gets the same answer; a body the
// directory lacks is "not found" and a malformed parameter is refused, for everyone alike.

const everyone = (status: number): Case[] => [{ who: 'anon', status }, ...all(status)];

export const publicEntries: Record<string, Entry> = {
  'GET /api/v1/public/summary': {
    access: 'public',
    req: () => ({ url: '/api/v1/public/summary' }),
    cases: [
      ...everyone(200),
      { who: 'anon', status: 400, req: () => ({ url: '/api/v1/public/summary?format=xml' }) },
    ],
  },
  'GET /api/v1/public/summary.:format': {
    access: 'public',
    req: () => ({ url: '/api/v1/public/summary.csv' }),
    cases: [
      ...everyone(200),
      { who: 'anon', status: 404, req: () => ({ url: '/api/v1/public/summary.xml' }) },
    ],
  },
  'GET /api/v1/public/provinces': {
    access: 'public',
    req: () => ({ url: '/api/v1/public/provinces?format=csv' }),
    cases: everyone(200),
  },
  'GET /api/v1/public/provinces.:format': {
    access: 'public',
    req: () => ({ url: '/api/v1/public/provinces.json' }),
    cases: everyone(200),
  },
  'GET /api/v1/public/bodies': {
    access: 'public',
    req: () => ({ url: '/api/v1/public/bodies?province=32&q=garut' }),
    cases: [
      ...everyone(200),
      { who: 'operator', status: 400, req: () => ({ url: '/api/v1/public/bodies?pageSize=0' }) },
    ],
  },
  'GET /api/v1/public/bodies.:format': {
    access: 'public',
    req: () => ({ url: '/api/v1/public/bodies.csv?joined=true' }),
    cases: everyone(200),
  },
  'GET /api/v1/public/bodies/:code': {
    access: 'public',
    req: () => ({ url: '/api/v1/public/bodies/32.05' }),
    cases: [
      ...everyone(200),
      { who: 'anon', status: 200, req: () => ({ url: '/api/v1/public/bodies/32.05.csv' }) },
      { who: 'anon', status: 404, req: () => ({ url: '/api/v1/public/bodies/99.99' }) },
      { who: 'national', status: 404, req: () => ({ url: '/api/v1/public/bodies/99.99' }) },
      { who: 'anon', status: 404, req: () => ({ url: '/api/v1/public/bodies/bukan-kode' }) },
    ],
  },
};
