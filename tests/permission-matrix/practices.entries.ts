import { all, type Case, type Entry } from './context';
import * as px from './practices.fixtures';

// The practice catalogue (public reads), the replication ledger and technical assistance.

/** Garut's operator and body admin (and the platform admin) act for Garut; the rest may not. */
const garutEditors = (ok: number): Case[] => [
  { who: 'operator', status: ok },
  { who: 'bodyAdmin', status: ok },
  { who: 'admin', status: ok },
  ...(['leader', 'provinceSup', 'national', 'mentor'] as const).map((who) => ({ who, status: 403 })),
];

/** Sumedang's mentor (and the platform admin) speak for the host; Garut's people are in scope but may not. */
const hostStaff = (ok: number): Case[] => [
  { who: 'mentor', status: ok },
  { who: 'admin', status: ok },
  ...(['operator', 'leader', 'bodyAdmin', 'provinceSup', 'national'] as const).map((who) => ({
    who,
    status: 403,
  })),
];

export const practiceEntries: Record<string, Entry> = {
  'GET /api/v1/practices': {
    access: 'public',
    req: () => ({ url: '/api/v1/practices?q=contoh' }),
    cases: [{ who: 'anon', status: 200 }, ...all(200)],
  },
  'GET /api/v1/practices/abilities': {
    access: 'user',
    req: () => ({ url: '/api/v1/practices/abilities' }),
    cases: all(200),
  },
  'GET /api/v1/practices/:id': {
    access: 'public',
    req: async () => ({ url: `/api/v1/practices/${await px.samplePractice()}` }),
    cases: [
      { who: 'anon', status: 200 },
      ...all(200),
      // A draft: only the host's mentor (and the platform admin) see it.
      ...(['anon', 'operator', 'provinceSup', 'national'] as const).map((who) => ({
        who,
        status: 404,
        req: async () => ({ url: `/api/v1/practices/${await px.practiceOf('draft')}` }),
      })),
      {
        who: 'mentor',
        status: 200,
        req: async () => ({ url: `/api/v1/practices/${await px.practiceOf('draft')}` }),
      },
      { who: 'anon', status: 404, req: () => ({ url: '/api/v1/practices/not-a-uuid' }) },
    ],
  },
  'POST /api/v1/practices': {
    access: 'user',
    req: () => ({ url: '/api/v1/practices', payload: px.practiceBody({ hostCode: '32.11' }) }),
    cases: hostStaff(201),
  },
  'PUT /api/v1/practices/:id': {
    access: 'user',
    req: async () => ({
      url: `/api/v1/practices/${await px.practiceOf()}`,
      payload: px.practiceBody({ status: 'published', title: 'Diubah', version: 1 }),
    }),
    cases: hostStaff(200),
  },
  'GET /api/v1/orgs/:code/practice-suggestions': {
    access: 'user',
    req: () => ({ url: '/api/v1/orgs/32.05/practice-suggestions' }),
    cases: [
      ...all(200),
      { who: 'operator', status: 404, req: () => ({ url: '/api/v1/orgs/33.74/practice-suggestions' }) },
    ],
  },
  'GET /api/v1/orgs/:code/adoptions': {
    access: 'user',
    req: () => ({ url: '/api/v1/orgs/32.05/adoptions' }),
    cases: [
      ...all(200),
      { who: 'operator', status: 404, req: () => ({ url: '/api/v1/orgs/33.74/adoptions' }) },
    ],
  },
  'POST /api/v1/orgs/:code/adoptions': {
    access: 'user',
    req: async () => ({
      url: '/api/v1/orgs/32.05/adoptions',
      payload: { practiceId: await px.practiceOf() },
    }),
    cases: [
      ...garutEditors(201),
      {
        who: 'operator',
        status: 404,
        req: async () => ({
          url: '/api/v1/orgs/33.74/adoptions',
          payload: { practiceId: await px.practiceOf() },
        }),
      },
    ],
  },
  'GET /api/v1/practices/:id/files/:fileId': {
    access: 'public',
    req: async () => {
      const p = await px.practiceWithFile();
      return { url: `/api/v1/practices/${p.id}/files/${p.fileId}` };
    },
    cases: [
      { who: 'anon', status: 200 },
      ...all(200),
      // A draft's documents: only the host's staff (and the platform admin).
      ...(['anon', 'operator', 'national'] as const).map((who) => ({
        who,
        status: 404,
        req: async () => {
          const p = await px.practiceWithFile('draft');
          return { url: `/api/v1/practices/${p.id}/files/${p.fileId}` };
        },
      })),
      {
        who: 'mentor',
        status: 200,
        req: async () => {
          const p = await px.practiceWithFile('draft');
          return { url: `/api/v1/practices/${p.id}/files/${p.fileId}` };
        },
      },
    ],
  },
  'GET /api/v1/adoptions/:id/files/:fileId': {
    access: 'user',
    req: async () => {
      const a = await px.adoptionWithMou();
      return { url: `/api/v1/adoptions/${a.id}/files/${a.fileId}` };
    },
    // The adopting body's scope and the host's mentor (who cannot open Garut's locker itself).
    cases: all(200),
  },
  'GET /api/v1/adoptions/:id': {
    access: 'user',
    req: async () => ({ url: `/api/v1/adoptions/${await px.adoptionOf()}` }),
    cases: all(200),
  },
  'POST /api/v1/adoptions/:id/transitions/:stage': {
    access: 'user',
    req: async () => ({
      url: `/api/v1/adoptions/${await px.adoptionOf()}/transitions/dropped`,
      payload: { reason: 'Matriks izin' },
    }),
    cases: garutEditors(200),
  },
  'GET /api/v1/orgs/:code/followers': {
    access: 'user',
    req: () => ({ url: '/api/v1/orgs/32.11/followers' }),
    cases: [
      { who: 'mentor', status: 200 },
      { who: 'provinceSup', status: 200 },
      { who: 'national', status: 200 },
      { who: 'admin', status: 200 },
      // Sumedang is outside Garut's scope.
      ...(['operator', 'leader', 'bodyAdmin'] as const).map((who) => ({ who, status: 404 })),
    ],
  },
  'POST /api/v1/orgs/:code/assistance-requests': {
    access: 'user',
    req: () => ({
      url: '/api/v1/orgs/32.05/assistance-requests',
      payload: { hostCode: '32.11', topic: 'Pendampingan matriks' },
    }),
    cases: garutEditors(201),
  },
  'GET /api/v1/assistance-requests': {
    access: 'user',
    req: () => ({ url: '/api/v1/assistance-requests' }),
    cases: all(200),
  },
  'PATCH /api/v1/assistance-requests/:id': {
    access: 'user',
    req: async () => ({
      url: `/api/v1/assistance-requests/${await px.assistanceOf()}`,
      payload: { response: 'Kami bantu.' },
    }),
    cases: hostStaff(200),
  },
};
