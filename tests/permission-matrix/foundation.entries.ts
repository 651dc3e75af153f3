import { eq } from 'drizzle-orm';
import { memberships } from '../../src/server/db/schema';
import { createUser } from '../support/test-app';
import { all, ctx, type Entry, onlyAdmin } from './context';
import * as fx from './fixtures';

// The foundation: health, auth, profile, directory, users, invitations, audit, outbox, frameworks.
export const foundationEntries: Record<string, Entry> = {
  'GET /api/health': {
    access: 'public',
    req: () => ({ url: '/api/health' }),
    cases: [{ who: 'anon', status: 200 }],
  },
  'GET /api/openapi.json': {
    access: 'public',
    req: () => ({ url: '/api/openapi.json' }),
    cases: [{ who: 'anon', status: 200 }],
  },
  'GET /api/v1/meta': {
    access: 'public',
    req: () => ({ url: '/api/v1/meta' }),
    cases: [{ who: 'anon', status: 200 }],
  },
  'POST /api/v1/auth/login': {
    access: 'public',
    req: () => ({ url: '/api/v1/auth/login', payload: { email: 'x@x.test', password: 'wrong' } }),
    cases: [{ who: 'anon', status: 401 }],
  },
  'POST /api/v1/auth/logout': {
    access: 'user',
    req: () => ({ url: '/api/v1/auth/logout' }),
    cases: [], // exercised with throwaway sessions in auth.test.ts (it would end the shared ones)
  },
  'GET /api/v1/me': { access: 'user', req: () => ({ url: '/api/v1/me' }), cases: all(200) },
  'PATCH /api/v1/me': {
    access: 'user',
    req: () => ({ url: '/api/v1/me', payload: { locale: 'id' } }),
    cases: all(200),
  },
  'POST /api/v1/auth/change-password': {
    access: 'user',
    req: () => ({
      url: '/api/v1/auth/change-password',
      payload: { currentPassword: 'not-the-password', newPassword: 'whatever-long-enough' },
    }),
    cases: all(400),
  },
  'POST /api/v1/auth/forgot-password': {
    access: 'public',
    req: () => ({ url: '/api/v1/auth/forgot-password', payload: { email: 'ghost@x.test' } }),
    cases: [{ who: 'anon', status: 200 }],
  },
  'POST /api/v1/auth/reset-password': {
    access: 'public',
    req: () => ({
      url: '/api/v1/auth/reset-password',
      payload: { token: 'x'.repeat(43), newPassword: 'whatever-long-enough' },
    }),
    cases: [{ who: 'anon', status: 400 }],
  },
  'GET /api/v1/orgs': { access: 'user', req: () => ({ url: '/api/v1/orgs?province=32' }), cases: all(200) },
  'GET /api/v1/orgs/export': {
    access: 'user',
    req: () => ({ url: '/api/v1/orgs/export?province=32' }),
    cases: all(200),
  },
  'GET /api/v1/orgs/:code': { access: 'user', req: () => ({ url: '/api/v1/orgs/32.11' }), cases: all(200) },
  'POST /api/v1/orgs': {
    access: 'user',
    req: () => {
      ctx.n += 1;
      return { url: '/api/v1/orgs', payload: { code: `LSM-NEW-${ctx.n}`, name: 'LSM Baru', type: 'ngo' } };
    },
    cases: onlyAdmin(201),
  },
  'PATCH /api/v1/orgs/:code': {
    access: 'user',
    req: () => ({ url: '/api/v1/orgs/32.10', payload: { isMember: true, memberSince: '2022-11-21' } }),
    cases: onlyAdmin(200),
  },
  'DELETE /api/v1/orgs/:code': {
    access: 'user',
    req: async () => ({ url: `/api/v1/orgs/${await fx.newCentralBody()}` }),
    cases: onlyAdmin(200),
  },
  'GET /api/v1/orgs/:code/users': {
    access: 'user',
    req: () => ({ url: '/api/v1/orgs/32.05/users' }),
    cases: [
      ...all(200),
      ...(['operator', 'leader', 'bodyAdmin', 'provinceSup', 'mentor'] as const).map((who) => ({
        who,
        status: 404,
        req: () => ({ url: '/api/v1/orgs/33.74/users' }),
      })),
      { who: 'national', status: 200, req: () => ({ url: '/api/v1/orgs/33.74/users' }) },
    ],
  },
  'PATCH /api/v1/orgs/:code/memberships/:membershipId': {
    access: 'user',
    req: async () => ({
      url: `/api/v1/orgs/32.05/memberships/${await fx.viewerMembership('32.05')}`,
      payload: { role: 'operator' },
    }),
    cases: [
      ...all(403).filter((c) => c.who !== 'admin' && c.who !== 'bodyAdmin'),
      { who: 'bodyAdmin', status: 200 },
      { who: 'admin', status: 200 },
      {
        who: 'bodyAdmin',
        status: 404,
        req: async () => ({
          url: `/api/v1/orgs/32.11/memberships/${await fx.viewerMembership('32.11')}`,
          payload: { role: 'operator' },
        }),
      },
    ],
  },
  'DELETE /api/v1/orgs/:code/memberships/:membershipId': {
    access: 'user',
    req: async () => ({ url: `/api/v1/orgs/32.05/memberships/${await fx.viewerMembership('32.05')}` }),
    cases: [
      ...all(403).filter((c) => c.who !== 'admin' && c.who !== 'bodyAdmin'),
      { who: 'bodyAdmin', status: 200 },
      { who: 'admin', status: 200 },
      {
        who: 'bodyAdmin',
        status: 404,
        req: async () => ({ url: `/api/v1/orgs/32.11/memberships/${await fx.viewerMembership('32.11')}` }),
      },
    ],
  },
  'GET /api/v1/orgs/:code/invitations': {
    access: 'user',
    req: () => ({ url: '/api/v1/orgs/32.05/invitations' }),
    cases: [
      ...all(403).filter((c) => c.who !== 'admin' && c.who !== 'bodyAdmin'),
      { who: 'bodyAdmin', status: 200 },
      { who: 'admin', status: 200 },
      { who: 'bodyAdmin', status: 404, req: () => ({ url: '/api/v1/orgs/32.11/invitations' }) },
    ],
  },
  'POST /api/v1/orgs/:code/invitations': {
    access: 'user',
    req: () => {
      ctx.n += 1;
      return {
        url: '/api/v1/orgs/32.05/invitations',
        payload: { email: `inv${ctx.n}@x.test`, role: 'viewer' },
      };
    },
    cases: [
      ...all(403).filter((c) => c.who !== 'admin' && c.who !== 'bodyAdmin'),
      { who: 'bodyAdmin', status: 201 },
      { who: 'admin', status: 201 },
      {
        who: 'bodyAdmin',
        status: 404,
        req: () => ({
          url: '/api/v1/orgs/32.11/invitations',
          payload: { email: 'o@x.test', role: 'viewer' },
        }),
      },
    ],
  },
  'DELETE /api/v1/orgs/:code/invitations/:invitationId': {
    access: 'user',
    req: async () => ({ url: `/api/v1/orgs/32.05/invitations/${await fx.pendingInvitation()}` }),
    cases: [
      ...all(403).filter((c) => c.who !== 'admin' && c.who !== 'bodyAdmin'),
      { who: 'bodyAdmin', status: 200 },
      { who: 'admin', status: 200 },
    ],
  },
  'GET /api/v1/users': { access: 'user', req: () => ({ url: '/api/v1/users' }), cases: onlyAdmin(200) },
  'GET /api/v1/users/:id': {
    access: 'user',
    req: async () => ({ url: `/api/v1/users/${(await createUser(ctx.t.database)).id}` }),
    cases: onlyAdmin(200),
  },
  'PATCH /api/v1/users/:id': {
    access: 'user',
    req: async () => ({
      url: `/api/v1/users/${(await createUser(ctx.t.database)).id}`,
      payload: { name: 'Nama Baru' },
    }),
    cases: onlyAdmin(200),
  },
  'POST /api/v1/users/:id/memberships': {
    access: 'user',
    req: async () => ({
      url: `/api/v1/users/${(await createUser(ctx.t.database)).id}/memberships`,
      payload: { orgCode: '32.04', role: 'viewer' },
    }),
    cases: onlyAdmin(201),
  },
  'DELETE /api/v1/users/:id/memberships/:membershipId': {
    access: 'user',
    req: async () => {
      const u = await createUser(ctx.t.database, { role: 'viewer', orgCode: '32.04' });
      const [m] = await ctx.t.database.db.select().from(memberships).where(eq(memberships.userId, u.id));
      return { url: `/api/v1/users/${u.id}/memberships/${m!.id}` };
    },
    cases: onlyAdmin(200),
  },
  'GET /api/v1/invitations/lookup': {
    access: 'public',
    req: () => ({ url: `/api/v1/invitations/lookup?token=${'x'.repeat(43)}` }),
    cases: [{ who: 'anon', status: 400 }],
  },
  'POST /api/v1/invitations/accept': {
    access: 'public',
    req: () => ({
      url: '/api/v1/invitations/accept',
      payload: { token: 'x'.repeat(43), name: 'Nama', password: 'whatever-long-enough' },
    }),
    cases: [{ who: 'anon', status: 400 }],
  },
  'GET /api/v1/audit-events': {
    access: 'user',
    req: () => ({ url: '/api/v1/audit-events' }),
    cases: [
      ...all(403).filter((c) => c.who !== 'admin' && c.who !== 'bodyAdmin'),
      { who: 'bodyAdmin', status: 200 },
      { who: 'admin', status: 200 },
    ],
  },
  'GET /api/v1/frameworks': {
    access: 'public',
    req: () => ({ url: '/api/v1/frameworks' }),
    cases: [{ who: 'anon', status: 200 }, ...all(200)],
  },
  'GET /api/v1/frameworks/:id': {
    access: 'public',
    req: () => ({ url: '/api/v1/frameworks/spbe-2020' }),
    cases: [{ who: 'anon', status: 200 }],
  },
  'GET /api/v1/frameworks/for-year/:year': {
    access: 'public',
    req: () => ({ url: '/api/v1/frameworks/for-year/2025' }),
    cases: [{ who: 'anon', status: 200 }],
  },
  'POST /api/v1/frameworks/:id/score': {
    access: 'public',
    req: () => ({ url: '/api/v1/frameworks/spbe-2020/score', payload: { levels: { 1: 3 } } }),
    cases: [{ who: 'anon', status: 200 }],
  },
  'POST /api/v1/frameworks/:id/optimise': {
    access: 'public',
    req: () => ({ url: '/api/v1/frameworks/spbe-2020/optimise', payload: { levels: { 1: 3 }, target: 2 } }),
    cases: [{ who: 'anon', status: 200 }],
  },
  'POST /api/v1/frameworks': {
    access: 'user',
    req: () => ({ url: '/api/v1/frameworks', payload: { id: 'tidak-lengkap' } }),
    cases: onlyAdmin(400),
  },
  'GET /api/v1/outbox': { access: 'user', req: () => ({ url: '/api/v1/outbox' }), cases: onlyAdmin(200) },
};
