import { all, bodyEditors, ctx, type Entry } from './context';
import { pemdiAssessmentIn, spbeEvidence } from './crosswalk.fixtures';
import * as fx from './fixtures';

// Self-assessment: assessments, evidence, official results, comparison, scenarios.
export const assessmentEntries: Record<string, Entry> = {
  'GET /api/v1/orgs/:code/assessments': {
    access: 'user',
    req: () => ({ url: '/api/v1/orgs/32.05/assessments' }),
    cases: [
      ...all(200),
      { who: 'operator', status: 404, req: () => ({ url: '/api/v1/orgs/32.11/assessments' }) },
    ],
  },
  'POST /api/v1/orgs/:code/assessments': {
    access: 'user',
    req: () => {
      ctx.assessmentYear += 1;
      return { url: '/api/v1/orgs/32.05/assessments', payload: { year: ctx.assessmentYear } };
    },
    cases: [
      ...bodyEditors(201),
      {
        who: 'operator',
        status: 404,
        req: () => ({ url: '/api/v1/orgs/32.11/assessments', payload: { year: 2024 } }),
      },
    ],
  },
  'GET /api/v1/assessments/:id': {
    access: 'user',
    req: async () => ({ url: `/api/v1/assessments/${await fx.assessmentIn()}` }),
    cases: [
      ...all(200),
      {
        who: 'operator',
        status: 404,
        req: async () => ({ url: `/api/v1/assessments/${await fx.assessmentIn('draft', '32.11')}` }),
      },
    ],
  },
  'GET /api/v1/assessments/:id/export': {
    access: 'user',
    req: async () => ({ url: `/api/v1/assessments/${await fx.assessmentIn()}/export` }),
    cases: all(200),
  },
  'PUT /api/v1/assessments/:id/items/:indicator': {
    access: 'user',
    req: async () => ({
      url: `/api/v1/assessments/${await fx.assessmentIn()}/items/1`,
      payload: { level: 3, version: 0 },
    }),
    cases: bodyEditors(200),
  },
  'GET /api/v1/assessments/:id/items/:indicator/history': {
    access: 'user',
    req: async () => ({ url: `/api/v1/assessments/${await fx.assessmentIn()}/items/1/history` }),
    cases: all(200),
  },
  'POST /api/v1/assessments/:id/items/:indicator/comments': {
    access: 'user',
    req: async () => ({
      url: `/api/v1/assessments/${await fx.assessmentIn()}/items/1/comments`,
      payload: { body: 'Catatan' },
    }),
    cases: [
      { who: 'operator', status: 201 },
      { who: 'bodyAdmin', status: 201 },
      { who: 'admin', status: 201 },
      { who: 'mentor', status: 201 },
      { who: 'provinceSup', status: 201 },
      { who: 'leader', status: 403 },
      { who: 'national', status: 403 },
    ],
  },
  'POST /api/v1/assessments/:id/transitions/:action': {
    access: 'user',
    req: async () => ({ url: `/api/v1/assessments/${await fx.assessmentIn()}/transitions/submit` }),
    cases: [
      { who: 'bodyAdmin', status: 200 },
      { who: 'admin', status: 200 },
      { who: 'operator', status: 403 },
      { who: 'leader', status: 403 },
      { who: 'provinceSup', status: 403 },
      { who: 'national', status: 403 },
      { who: 'mentor', status: 403 },
      ...(['mentor', 'provinceSup', 'admin'] as const).map((who) => ({
        who,
        status: 200,
        req: async () => ({
          url: `/api/v1/assessments/${await fx.assessmentIn('submitted')}/transitions/start-review`,
        }),
      })),
      ...(['bodyAdmin', 'operator', 'national'] as const).map((who) => ({
        who,
        status: 403,
        req: async () => ({
          url: `/api/v1/assessments/${await fx.assessmentIn('submitted')}/transitions/start-review`,
        }),
      })),
    ],
  },
  'GET /api/v1/assessments/:id/items/:indicator/crosswalk': {
    access: 'user',
    req: async () => ({ url: `/api/v1/assessments/${await pemdiAssessmentIn()}/items/13/crosswalk` }),
    cases: [
      ...all(200),
      {
        who: 'operator',
        status: 404,
        req: async () => ({
          url: `/api/v1/assessments/${await pemdiAssessmentIn('32.11')}/items/13/crosswalk`,
        }),
      },
    ],
  },
  'POST /api/v1/assessments/:id/items/:indicator/crosswalk/reuse': {
    access: 'user',
    req: async () => ({
      url: `/api/v1/assessments/${await pemdiAssessmentIn()}/items/13/crosswalk/reuse`,
      payload: { evidenceIds: [await spbeEvidence()] },
    }),
    cases: [
      ...bodyEditors(200),
      {
        who: 'operator',
        status: 404,
        req: async () => ({
          url: `/api/v1/assessments/${await pemdiAssessmentIn('32.11')}/items/13/crosswalk/reuse`,
          payload: { evidenceIds: [await spbeEvidence()] },
        }),
      },
    ],
  },
  'POST /api/v1/orgs/:code/evidence': {
    access: 'user',
    req: () => fx.upload(),
    cases: [
      ...bodyEditors(201),
      { who: 'operator', status: 404, req: () => fx.upload('32.11') },
      // A host's mentors add practice documents to their own host's locker.
      { who: 'mentor', status: 201, req: () => fx.upload('32.11') },
    ],
  },
  'GET /api/v1/orgs/:code/evidence': {
    access: 'user',
    req: () => ({ url: '/api/v1/orgs/32.05/evidence' }),
    cases: [
      ...all(200),
      { who: 'operator', status: 404, req: () => ({ url: '/api/v1/orgs/32.11/evidence' }) },
    ],
  },
  'GET /api/v1/evidence/:id/download': {
    access: 'user',
    req: async () => ({ url: `/api/v1/evidence/${await fx.evidenceOf()}/download` }),
    cases: [
      ...all(200),
      {
        who: 'operator',
        status: 404,
        req: async () => ({ url: `/api/v1/evidence/${await fx.evidenceOf('32.11')}/download` }),
      },
    ],
  },
  'POST /api/v1/assessments/:id/items/:indicator/evidence': {
    access: 'user',
    req: async () => ({
      url: `/api/v1/assessments/${await fx.assessmentIn()}/items/2/evidence`,
      payload: { fileId: await fx.evidenceOf() },
    }),
    cases: bodyEditors(200),
  },
  'DELETE /api/v1/assessments/:id/items/:indicator/evidence/:fileId': {
    access: 'user',
    req: async () => ({
      url: `/api/v1/assessments/${await fx.assessmentIn()}/items/2/evidence/${await fx.evidenceOf()}`,
    }),
    cases: bodyEditors(200),
  },
  'GET /api/v1/orgs/:code/official-results': {
    access: 'user',
    req: () => ({ url: '/api/v1/orgs/32.11/official-results' }),
    cases: all(200),
  },
  'GET /api/v1/official-results/national': {
    access: 'user',
    req: () => ({ url: '/api/v1/official-results/national' }),
    cases: all(200),
  },
  'GET /api/v1/official-results/template': {
    access: 'user',
    req: () => ({ url: '/api/v1/official-results/template?format=csv&framework=spbe-2020' }),
    cases: all(200),
  },
  'PUT /api/v1/orgs/:code/official-results/:year': {
    access: 'user',
    req: () => ({ url: '/api/v1/orgs/32.05/official-results/2021', payload: { index: 2.5 } }),
    cases: [
      ...all(403).filter((c) => c.who !== 'admin' && c.who !== 'national'),
      { who: 'national', status: 200 },
      { who: 'admin', status: 200 },
    ],
  },
  'DELETE /api/v1/orgs/:code/official-results/:year': {
    access: 'user',
    req: () => fx.officialResultOf(2020),
    cases: [
      ...all(403).filter((c) => c.who !== 'admin' && c.who !== 'national'),
      { who: 'national', status: 200 },
      { who: 'admin', status: 200 },
    ],
  },
  'POST /api/v1/official-results/import': {
    access: 'user',
    req: () => fx.officialCsv(),
    cases: [
      ...all(403).filter((c) => c.who !== 'admin' && c.who !== 'national'),
      { who: 'national', status: 200 },
      { who: 'admin', status: 200 },
    ],
  },
  'GET /api/v1/orgs/:code/comparison': {
    access: 'user',
    req: () => ({ url: '/api/v1/orgs/32.05/comparison?year=2024' }),
    cases: [
      ...all(200),
      { who: 'operator', status: 404, req: () => ({ url: '/api/v1/orgs/32.11/comparison' }) },
    ],
  },
  'GET /api/v1/orgs/:code/history': {
    access: 'user',
    req: () => ({ url: '/api/v1/orgs/32.05/history' }),
    cases: [
      ...all(200),
      { who: 'operator', status: 404, req: () => ({ url: '/api/v1/orgs/32.11/history' }) },
    ],
  },
  'GET /api/v1/orgs/:code/calibration': {
    access: 'user',
    req: () => ({ url: '/api/v1/orgs/32.05/calibration?year=2024' }),
    cases: [
      ...all(200),
      { who: 'operator', status: 404, req: () => ({ url: '/api/v1/orgs/32.11/calibration' }) },
    ],
  },
  'PATCH /api/v1/orgs/:code/sharing': {
    access: 'user',
    req: () => ({ url: '/api/v1/orgs/32.05/sharing', payload: { shareLevels: false } }),
    cases: [
      ...all(403).filter((c) => c.who !== 'admin' && c.who !== 'bodyAdmin'),
      { who: 'bodyAdmin', status: 200 },
      { who: 'admin', status: 200 },
      {
        who: 'bodyAdmin',
        status: 404,
        req: () => ({ url: '/api/v1/orgs/32.11/sharing', payload: { shareLevels: true } }),
      },
    ],
  },
  'GET /api/v1/orgs/:code/scenarios': {
    access: 'user',
    req: () => ({ url: '/api/v1/orgs/32.05/scenarios' }),
    cases: all(200),
  },
  'POST /api/v1/orgs/:code/scenarios': {
    access: 'user',
    req: () => ({ url: '/api/v1/orgs/32.05/scenarios', payload: { name: 'Rencana', levels: { 1: 4 } } }),
    cases: [
      { who: 'operator', status: 201 },
      { who: 'leader', status: 201 },
      { who: 'bodyAdmin', status: 201 },
      { who: 'admin', status: 201 },
      { who: 'provinceSup', status: 403 },
      { who: 'national', status: 403 },
      { who: 'mentor', status: 403 },
    ],
  },
  'DELETE /api/v1/orgs/:code/scenarios/:id': {
    access: 'user',
    req: async () => ({ url: `/api/v1/orgs/32.05/scenarios/${await fx.scenarioOf()}` }),
    cases: [
      ...all(403).filter((c) => c.who !== 'admin' && c.who !== 'bodyAdmin'),
      { who: 'bodyAdmin', status: 200 },
      { who: 'admin', status: 200 },
    ],
  },
};
