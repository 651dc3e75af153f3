import { multipartFile } from '../support/multipart';
import { all, bodyEditors, ctx, type Entry } from './context';
import * as fx from './fixtures';

// Follow-through: action plans, the funnel, notifications.
export const planEntries: Record<string, Entry> = {
  'GET /api/v1/orgs/:code/plans': {
    access: 'user',
    req: () => ({ url: '/api/v1/orgs/32.05/plans' }),
    cases: [...all(200), { who: 'operator', status: 404, req: () => ({ url: '/api/v1/orgs/32.11/plans' }) }],
  },
  'POST /api/v1/orgs/:code/plans': {
    access: 'user',
    req: () => {
      ctx.n += 1;
      return { url: '/api/v1/orgs/32.05/plans', payload: { period: `${2100 + (ctx.n % 800)}-Q1` } };
    },
    cases: bodyEditors(201),
  },
  'GET /api/v1/plans/:id': {
    access: 'user',
    req: async () => ({ url: `/api/v1/plans/${(await fx.planOf()).plan}` }),
    cases: all(200),
  },
  'GET /api/v1/plans/:id/assignees': {
    access: 'user',
    req: async () => ({ url: `/api/v1/plans/${(await fx.planOf()).plan}/assignees` }),
    cases: all(200),
  },
  'POST /api/v1/plans/:id/items': {
    access: 'user',
    req: async () => ({
      url: `/api/v1/plans/${(await fx.planOf()).plan}/items`,
      payload: { title: 'Kegiatan baru' },
    }),
    cases: bodyEditors(201),
  },
  'POST /api/v1/plans/:id/items/from-steps': {
    access: 'user',
    req: async () => ({
      url: `/api/v1/plans/${(await fx.planOf()).plan}/items/from-steps`,
      payload: { steps: [{ indicator: 1, to: 3 }] },
    }),
    cases: bodyEditors(201),
  },
  'PATCH /api/v1/plans/:id/items/:itemId': {
    access: 'user',
    req: async () => {
      const p = await fx.planOf();
      return { url: `/api/v1/plans/${p.plan}/items/${p.item}`, payload: { progress: 10, version: 1 } };
    },
    cases: bodyEditors(200),
  },
  'DELETE /api/v1/plans/:id/items/:itemId': {
    access: 'user',
    req: async () => {
      const p = await fx.planOf();
      return { url: `/api/v1/plans/${p.plan}/items/${p.item}` };
    },
    cases: bodyEditors(200),
  },
  'POST /api/v1/plans/:id/items/bulk': {
    access: 'user',
    req: async () => {
      const p = await fx.planOf();
      return {
        url: `/api/v1/plans/${p.plan}/items/bulk`,
        payload: { itemIds: [p.item], patch: { ownerUnit: 'Bappeda' } },
      };
    },
    cases: bodyEditors(200),
  },
  'GET /api/v1/plans/:id/items/:itemId/history': {
    access: 'user',
    req: async () => {
      const p = await fx.planOf();
      return { url: `/api/v1/plans/${p.plan}/items/${p.item}/history` };
    },
    cases: all(200),
  },
  'POST /api/v1/plans/:id/items/:itemId/comments': {
    access: 'user',
    req: async () => {
      const p = await fx.planOf();
      return { url: `/api/v1/plans/${p.plan}/items/${p.item}/comments`, payload: { body: 'Catatan' } };
    },
    cases: [...all(201).filter((c) => c.who !== 'national'), { who: 'national', status: 403 }],
  },
  'POST /api/v1/plans/:id/items/:itemId/evidence': {
    access: 'user',
    req: async () => {
      const p = await fx.planOf();
      return {
        url: `/api/v1/plans/${p.plan}/items/${p.item}/evidence`,
        payload: { fileId: await fx.evidenceOf() },
      };
    },
    cases: bodyEditors(200),
  },
  'DELETE /api/v1/plans/:id/items/:itemId/evidence/:fileId': {
    access: 'user',
    req: async () => {
      const p = await fx.planOf();
      return { url: `/api/v1/plans/${p.plan}/items/${p.item}/evidence/${await fx.evidenceOf()}` };
    },
    cases: bodyEditors(200),
  },
  'POST /api/v1/plans/:id/transitions/:action': {
    access: 'user',
    req: async () => ({ url: `/api/v1/plans/${(await fx.planOf()).plan}/transitions/submit` }),
    cases: [
      { who: 'bodyAdmin', status: 200 },
      { who: 'admin', status: 200 },
      ...(['operator', 'leader', 'provinceSup', 'national', 'mentor'] as const).map((who) => ({
        who,
        status: 403,
      })),
      {
        who: 'leader',
        status: 200,
        req: async () => ({
          url: `/api/v1/plans/${(await fx.planOf('submitted')).plan}/transitions/approve`,
          payload: { acknowledgeIncomplete: true },
        }),
      },
      {
        who: 'bodyAdmin',
        status: 403,
        req: async () => ({
          url: `/api/v1/plans/${(await fx.planOf('submitted')).plan}/transitions/approve`,
          payload: { acknowledgeIncomplete: true },
        }),
      },
      {
        who: 'admin',
        status: 403,
        req: async () => ({
          url: `/api/v1/plans/${(await fx.planOf('submitted')).plan}/transitions/approve`,
          payload: { acknowledgeIncomplete: true },
        }),
      },
    ],
  },
  'GET /api/v1/plans/:id/versions/:version': {
    access: 'user',
    req: async () => {
      const { plan } = await fx.planOf('submitted');
      await ctx.t.app.inject({
        method: 'POST',
        url: `/api/v1/plans/${plan}/transitions/approve`,
        headers: ctx.sessions.leader.headers,
        payload: { acknowledgeIncomplete: true },
      });
      return { url: `/api/v1/plans/${plan}/versions/1` };
    },
    cases: all(200),
  },
  'GET /api/v1/plans/:id/export': {
    access: 'user',
    req: async () => ({ url: `/api/v1/plans/${(await fx.planOf()).plan}/export` }),
    cases: all(200),
  },
  'POST /api/v1/plans/:id/import': {
    access: 'user',
    req: async () => {
      const body = multipartFile(Buffer.from('judul,status\nKegiatan dari berkas,planned\n'), 'rencana.csv');
      return {
        url: `/api/v1/plans/${(await fx.planOf()).plan}/import`,
        payload: body.payload,
        headers: body.headers,
      };
    },
    cases: bodyEditors(200),
  },
  'GET /api/v1/funnel': {
    access: 'user',
    req: () => ({ url: '/api/v1/funnel' }),
    cases: [
      ...all(403).filter((c) => c.who !== 'admin' && c.who !== 'national'),
      { who: 'national', status: 200 },
      { who: 'admin', status: 200 },
      { who: 'provinceSup', status: 200, req: () => ({ url: '/api/v1/funnel?scope=province&ref=32' }) },
      { who: 'mentor', status: 200, req: () => ({ url: '/api/v1/funnel?scope=host&ref=32.11' }) },
      { who: 'provinceSup', status: 403, req: () => ({ url: '/api/v1/funnel?scope=province&ref=33' }) },
      { who: 'provinceSup', status: 403, req: () => ({ url: '/api/v1/funnel?scope=commitment&ref=1' }) },
      { who: 'national', status: 200, req: () => ({ url: '/api/v1/funnel?scope=host' }) },
      { who: 'national', status: 200, req: () => ({ url: '/api/v1/funnel?scope=commitment&ref=1' }) },
      { who: 'mentor', status: 403, req: () => ({ url: '/api/v1/funnel?scope=province&ref=32' }) },
    ],
  },
  'GET /api/v1/funnel/bodies': {
    access: 'user',
    req: () => ({ url: '/api/v1/funnel/bodies?stage=visited' }),
    cases: [
      ...all(403).filter((c) => c.who !== 'admin' && c.who !== 'national'),
      { who: 'national', status: 200 },
      { who: 'admin', status: 200 },
      {
        who: 'provinceSup',
        status: 200,
        req: () => ({ url: '/api/v1/funnel/bodies?scope=province&ref=32' }),
      },
      { who: 'mentor', status: 200, req: () => ({ url: '/api/v1/funnel/bodies?scope=host&ref=32.11' }) },
    ],
  },
  'GET /api/v1/funnel/export': {
    access: 'user',
    req: () => ({ url: '/api/v1/funnel/export' }),
    cases: [
      ...all(403).filter((c) => c.who !== 'admin' && c.who !== 'national'),
      { who: 'national', status: 200 },
      { who: 'admin', status: 200 },
      {
        who: 'provinceSup',
        status: 200,
        req: () => ({ url: '/api/v1/funnel/export?scope=province&ref=32' }),
      },
    ],
  },
  'GET /api/v1/funnel/scopes': {
    access: 'user',
    req: () => ({ url: '/api/v1/funnel/scopes' }),
    // Everyone may ask; the answer lists only what they may see (possibly nothing).
    cases: all(200),
  },
  'GET /api/v1/orgs/:code/path': {
    access: 'user',
    req: () => ({ url: '/api/v1/orgs/32.05/path' }),
    cases: [
      ...all(200),
      { who: 'operator', status: 404, req: () => ({ url: '/api/v1/orgs/32.11/path' }) },
      { who: 'leader', status: 404, req: () => ({ url: '/api/v1/orgs/32.05/path?host=32.05' }) },
    ],
  },
  'GET /api/v1/orgs/:code/journey': {
    access: 'user',
    req: () => ({ url: '/api/v1/orgs/32.05/journey' }),
    cases: [
      ...all(200),
      { who: 'operator', status: 404, req: () => ({ url: '/api/v1/orgs/32.11/journey' }) },
    ],
  },
  'GET /api/v1/orgs/:code/report.pdf': {
    access: 'user',
    req: () => ({ url: '/api/v1/orgs/32.05/report.pdf?lang=id' }),
    cases: [
      ...(['leader', 'bodyAdmin', 'provinceSup', 'national', 'admin'] as const).map((who) => ({
        who,
        status: 200,
      })),
      // In scope but not theirs to take to a meeting: the operator, and Sumedang's mentor of Garut.
      { who: 'operator', status: 403 },
      { who: 'mentor', status: 403 },
      { who: 'leader', status: 404, req: () => ({ url: '/api/v1/orgs/32.11/report.pdf' }) },
      { who: 'leader', status: 400, req: () => ({ url: '/api/v1/orgs/32.05/report.pdf?lang=de' }) },
    ],
  },
  'GET /api/v1/notifications': {
    access: 'user',
    req: () => ({ url: '/api/v1/notifications' }),
    cases: all(200),
  },
  'POST /api/v1/notifications/read': {
    access: 'user',
    req: () => ({ url: '/api/v1/notifications/read', payload: {} }),
    cases: all(200),
  },
  'GET /api/v1/notifications/preferences': {
    access: 'user',
    req: () => ({ url: '/api/v1/notifications/preferences' }),
    cases: all(200),
  },
  'PUT /api/v1/notifications/preferences': {
    access: 'user',
    req: () => ({ url: '/api/v1/notifications/preferences', payload: { email: 'immediate' } }),
    cases: all(200),
  },
};
