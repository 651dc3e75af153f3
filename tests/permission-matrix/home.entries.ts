import { all, type Entry } from './context';

// The home page: every signed-in user gets their own (what it lists is tested per role in
// src/server/modules/home/home.test.ts, including that nothing of other bodies leaks).
export const homeEntries: Record<string, Entry> = {
  'GET /api/v1/home': {
    access: 'user',
    req: () => ({ url: '/api/v1/home' }),
    cases: all(200),
  },
};
