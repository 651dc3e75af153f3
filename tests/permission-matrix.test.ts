import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actionItems,
  actionPlans,
  assessmentItems,
  assessments,
  memberships,
  orgs,
} from '../src/server/db/schema';
import { SAMPLE_PASSWORD } from '../src/server/db/seed/sample-accounts';
import { spbe2020Framework } from '../src/shared/framework/frameworks';
import { multipartFile, samples } from './support/multipart';
import { createTestApp, createUser, login, type Session, type TestApp } from './support/test-app';

// Every API route the app registers must appear here with the status each kind of actor gets.
// A new route without an entry fails the first test: authorization is never left implicit.
type Who = 'anon' | 'operator' | 'leader' | 'bodyAdmin' | 'provinceSup' | 'national' | 'mentor' | 'admin';
type Req = { url: string; payload?: unknown; headers?: Record<string, string> };
type Case = { who: Who; status: number; req?: () => Promise<Req> | Req };
type Entry = { access: 'public' | 'user'; req: () => Promise<Req> | Req; cases: Case[] };

const accounts: Record<Exclude<Who, 'anon'>, string> = {
  operator: 'operator.garut@livinglab.test',
  leader: 'bupati.garut@livinglab.test',
  bodyAdmin: 'admin.garut@livinglab.test',
  provinceSup: 'jabar@livinglab.test',
  national: 'nasional@livinglab.test',
  mentor: 'mentor.sumedang@livinglab.test',
  admin: 'admin@livinglab.test',
};

let t: TestApp;
const sessions = {} as Record<Exclude<Who, 'anon'>, Session>;
let n = 0;

async function viewerMembership(orgCode: string): Promise<string> {
  const u = await createUser(t.database, { role: 'viewer', orgCode });
  const [org] = await t.database.db.select().from(orgs).where(eq(orgs.code, orgCode));
  const [m] = await t.database.db.select().from(memberships).where(eq(memberships.userId, u.id));
  expect(m?.orgId).toBe(org?.id);
  return m!.id;
}

async function pendingInvitation(): Promise<string> {
  n += 1;
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/orgs/32.05/invitations',
    headers: sessions.bodyAdmin.headers,
    payload: { email: `pm${n}@x.test`, role: 'viewer' },
  });
  return res.json().data.id;
}

async function newCentralBody(): Promise<string> {
  n += 1;
  const code = `LSM-MATRIX-${n}`;
  await t.app.inject({
    method: 'POST',
    url: '/api/v1/orgs',
    headers: sessions.admin.headers,
    payload: { code, name: `LSM Matrix ${n}`, type: 'ngo' },
  });
  return code;
}

/** A complete assessment of a body in the given status, written directly (years far apart). */
async function assessmentIn(status: 'draft' | 'submitted' = 'draft', orgCode = '32.05'): Promise<string> {
  n += 1;
  const [org] = await t.database.db.select().from(orgs).where(eq(orgs.code, orgCode));
  const [a] = await t.database.db
    .insert(assessments)
    .values({ orgId: org!.id, year: 3000 + n, frameworkId: 'spbe-2020', frameworkVersion: '2020', status })
    .returning();
  await t.database.db.insert(assessmentItems).values(
    spbe2020Framework.indicators.map((i) => ({
      assessmentId: a!.id,
      indicator: i.number,
      level: 2,
      serviceName: i.chosenService ? 'Layanan' : null,
    })),
  );
  return a!.id;
}

/** A file in a body's evidence locker, uploaded through the API by the platform admin. */
async function evidenceOf(orgCode = '32.05'): Promise<string> {
  const body = multipartFile(samples.pdf(), 'bukti.pdf');
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/orgs/${orgCode}/evidence`,
    headers: { ...sessions.admin.headers, ...body.headers },
    payload: body.payload,
  });
  return res.json().data.id;
}

const upload = (orgCode = '32.05'): Req => {
  const body = multipartFile(samples.pdf(), 'bukti.pdf');
  return { url: `/api/v1/orgs/${orgCode}/evidence`, payload: body.payload, headers: body.headers };
};

const officialCsv = (): Req => {
  const body = multipartFile(Buffer.from('kode_instansi,tahun,indeks\n32.01,2023,3.00\n'), 'hasil.csv');
  return { url: '/api/v1/official-results/import', payload: body.payload, headers: body.headers };
};

async function officialResultOf(year: number): Promise<Req> {
  await t.app.inject({
    method: 'PUT',
    url: `/api/v1/orgs/32.05/official-results/${year}`,
    headers: sessions.national.headers,
    payload: { index: 3 },
  });
  return { url: `/api/v1/orgs/32.05/official-results/${year}` };
}

async function scenarioOf(): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/orgs/32.05/scenarios',
    headers: sessions.admin.headers,
    payload: { name: 'Skenario', levels: { 1: 3 } },
  });
  return res.json().data.id;
}

/** A visit of Garut to Sumedang recorded by the platform admin; returns its id. */
async function visitOf(): Promise<string> {
  n += 1;
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/visits',
    headers: sessions.admin.headers,
    payload: { hostCode: '32.11', visitorCode: '32.05', startDate: '2026-01-01', endDate: '2026-01-02' },
  });
  return res.json().data.id;
}

async function programmeOf(): Promise<string> {
  n += 1;
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/programmes',
    headers: sessions.national.headers,
    payload: { name: `Program ${n}` },
  });
  return res.json().data.id;
}

const visitPayload = (visitorCode = '32.05') => ({
  hostCode: '32.11',
  visitorCode,
  startDate: '2026-02-01',
  endDate: '2026-02-01',
});

/** Garut has no unrevoked signature of the current text (so its leader can sign again). */
async function clearGarutSignatures() {
  await t.database.db.execute(
    sql`update commitment_signatures set revoked_at = now(), revoked_reason = 'matrix' where org_code = '32.05' and revoked_at is null`,
  );
}

/** A fresh signature of Garut's commitment by its (sample) leader; returns its id. */
async function signatureOf(): Promise<string> {
  await clearGarutSignatures();
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/orgs/32.05/commitment-signatures',
    headers: sessions.leader.headers,
    payload: { signerName: 'Bupati Garut', signerPosition: 'Bupati', textVersion: await currentVersion() },
  });
  return res.json().data.id;
}

async function currentVersion(): Promise<number> {
  const res = await t.app.inject({ url: '/api/v1/commitments' });
  return res.json().data[0].version;
}

/** A plan of Garut in a status, with one item; written directly (periods far apart). */
async function planOf(
  status: 'draft' | 'submitted' | 'approved' = 'draft',
): Promise<{ plan: string; item: string }> {
  n += 1;
  const [org] = await t.database.db.select().from(orgs).where(eq(orgs.code, '32.05'));
  const [plan] = await t.database.db
    .insert(actionPlans)
    .values({
      orgId: org!.id,
      period: String(4000 + n),
      status,
      approvedVersion: status === 'approved' ? 1 : 0,
    })
    .returning();
  const [item] = await t.database.db
    .insert(actionItems)
    .values({ planId: plan!.id, orgId: org!.id, title: 'Kegiatan matriks' })
    .returning();
  return { plan: plan!.id, item: item!.id };
}

let assessmentYear = 2017;

const all = (status: number): Case[] =>
  (['operator', 'leader', 'bodyAdmin', 'provinceSup', 'national', 'mentor', 'admin'] as const).map((who) => ({
    who,
    status,
  }));
const onlyAdmin = (ok: number): Case[] => [
  ...all(403).filter((c) => c.who !== 'admin'),
  { who: 'admin', status: ok },
];

/** Garut's operator and body admin (and the platform admin) may; other roles in scope may not. */
const bodyEditors = (ok: number): Case[] => [
  { who: 'operator', status: ok },
  { who: 'bodyAdmin', status: ok },
  { who: 'admin', status: ok },
  ...(['leader', 'provinceSup', 'national', 'mentor'] as const).map((who) => ({ who, status: 403 })),
];

const matrix: Record<string, Entry> = {
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
      n += 1;
      return { url: '/api/v1/orgs', payload: { code: `LSM-NEW-${n}`, name: 'LSM Baru', type: 'ngo' } };
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
    req: async () => ({ url: `/api/v1/orgs/${await newCentralBody()}` }),
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
      url: `/api/v1/orgs/32.05/memberships/${await viewerMembership('32.05')}`,
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
          url: `/api/v1/orgs/32.11/memberships/${await viewerMembership('32.11')}`,
          payload: { role: 'operator' },
        }),
      },
    ],
  },
  'DELETE /api/v1/orgs/:code/memberships/:membershipId': {
    access: 'user',
    req: async () => ({ url: `/api/v1/orgs/32.05/memberships/${await viewerMembership('32.05')}` }),
    cases: [
      ...all(403).filter((c) => c.who !== 'admin' && c.who !== 'bodyAdmin'),
      { who: 'bodyAdmin', status: 200 },
      { who: 'admin', status: 200 },
      {
        who: 'bodyAdmin',
        status: 404,
        req: async () => ({ url: `/api/v1/orgs/32.11/memberships/${await viewerMembership('32.11')}` }),
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
      n += 1;
      return { url: '/api/v1/orgs/32.05/invitations', payload: { email: `inv${n}@x.test`, role: 'viewer' } };
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
    req: async () => ({ url: `/api/v1/orgs/32.05/invitations/${await pendingInvitation()}` }),
    cases: [
      ...all(403).filter((c) => c.who !== 'admin' && c.who !== 'bodyAdmin'),
      { who: 'bodyAdmin', status: 200 },
      { who: 'admin', status: 200 },
    ],
  },
  'GET /api/v1/users': { access: 'user', req: () => ({ url: '/api/v1/users' }), cases: onlyAdmin(200) },
  'GET /api/v1/users/:id': {
    access: 'user',
    req: async () => ({ url: `/api/v1/users/${(await createUser(t.database)).id}` }),
    cases: onlyAdmin(200),
  },
  'PATCH /api/v1/users/:id': {
    access: 'user',
    req: async () => ({
      url: `/api/v1/users/${(await createUser(t.database)).id}`,
      payload: { name: 'Nama Baru' },
    }),
    cases: onlyAdmin(200),
  },
  'POST /api/v1/users/:id/memberships': {
    access: 'user',
    req: async () => ({
      url: `/api/v1/users/${(await createUser(t.database)).id}/memberships`,
      payload: { orgCode: '32.04', role: 'viewer' },
    }),
    cases: onlyAdmin(201),
  },
  'DELETE /api/v1/users/:id/memberships/:membershipId': {
    access: 'user',
    req: async () => {
      const u = await createUser(t.database, { role: 'viewer', orgCode: '32.04' });
      const [m] = await t.database.db.select().from(memberships).where(eq(memberships.userId, u.id));
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
      assessmentYear += 1;
      return { url: '/api/v1/orgs/32.05/assessments', payload: { year: assessmentYear } };
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
    req: async () => ({ url: `/api/v1/assessments/${await assessmentIn()}` }),
    cases: [
      ...all(200),
      {
        who: 'operator',
        status: 404,
        req: async () => ({ url: `/api/v1/assessments/${await assessmentIn('draft', '32.11')}` }),
      },
    ],
  },
  'GET /api/v1/assessments/:id/export': {
    access: 'user',
    req: async () => ({ url: `/api/v1/assessments/${await assessmentIn()}/export` }),
    cases: all(200),
  },
  'PUT /api/v1/assessments/:id/items/:indicator': {
    access: 'user',
    req: async () => ({
      url: `/api/v1/assessments/${await assessmentIn()}/items/1`,
      payload: { level: 3, version: 0 },
    }),
    cases: bodyEditors(200),
  },
  'GET /api/v1/assessments/:id/items/:indicator/history': {
    access: 'user',
    req: async () => ({ url: `/api/v1/assessments/${await assessmentIn()}/items/1/history` }),
    cases: all(200),
  },
  'POST /api/v1/assessments/:id/items/:indicator/comments': {
    access: 'user',
    req: async () => ({
      url: `/api/v1/assessments/${await assessmentIn()}/items/1/comments`,
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
    req: async () => ({ url: `/api/v1/assessments/${await assessmentIn()}/transitions/submit` }),
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
          url: `/api/v1/assessments/${await assessmentIn('submitted')}/transitions/start-review`,
        }),
      })),
      ...(['bodyAdmin', 'operator', 'national'] as const).map((who) => ({
        who,
        status: 403,
        req: async () => ({
          url: `/api/v1/assessments/${await assessmentIn('submitted')}/transitions/start-review`,
        }),
      })),
    ],
  },
  'POST /api/v1/orgs/:code/evidence': {
    access: 'user',
    req: () => upload(),
    cases: [...bodyEditors(201), { who: 'operator', status: 404, req: () => upload('32.11') }],
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
    req: async () => ({ url: `/api/v1/evidence/${await evidenceOf()}/download` }),
    cases: [
      ...all(200),
      {
        who: 'operator',
        status: 404,
        req: async () => ({ url: `/api/v1/evidence/${await evidenceOf('32.11')}/download` }),
      },
    ],
  },
  'POST /api/v1/assessments/:id/items/:indicator/evidence': {
    access: 'user',
    req: async () => ({
      url: `/api/v1/assessments/${await assessmentIn()}/items/2/evidence`,
      payload: { fileId: await evidenceOf() },
    }),
    cases: bodyEditors(200),
  },
  'DELETE /api/v1/assessments/:id/items/:indicator/evidence/:fileId': {
    access: 'user',
    req: async () => ({
      url: `/api/v1/assessments/${await assessmentIn()}/items/2/evidence/${await evidenceOf()}`,
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
    req: () => ({ url: '/api/v1/official-results/template?format=csv' }),
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
    req: () => officialResultOf(2020),
    cases: [
      ...all(403).filter((c) => c.who !== 'admin' && c.who !== 'national'),
      { who: 'national', status: 200 },
      { who: 'admin', status: 200 },
    ],
  },
  'POST /api/v1/official-results/import': {
    access: 'user',
    req: () => officialCsv(),
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
    req: async () => ({ url: `/api/v1/orgs/32.05/scenarios/${await scenarioOf()}` }),
    cases: [
      ...all(403).filter((c) => c.who !== 'admin' && c.who !== 'bodyAdmin'),
      { who: 'bodyAdmin', status: 200 },
      { who: 'admin', status: 200 },
    ],
  },
  'POST /api/v1/frameworks': {
    access: 'user',
    req: () => ({ url: '/api/v1/frameworks', payload: { id: 'tidak-lengkap' } }),
    cases: onlyAdmin(400),
  },
  'GET /api/v1/visits': { access: 'user', req: () => ({ url: '/api/v1/visits' }), cases: all(200) },
  'POST /api/v1/visits': {
    access: 'user',
    req: () => ({ url: '/api/v1/visits', payload: visitPayload() }),
    cases: [
      { who: 'operator', status: 201 },
      { who: 'bodyAdmin', status: 201 },
      { who: 'mentor', status: 201 },
      { who: 'provinceSup', status: 201 },
      { who: 'national', status: 201 },
      { who: 'admin', status: 201 },
      { who: 'leader', status: 403 },
      // A body outside the operator's scope visiting a host: not found for them.
      {
        who: 'operator',
        status: 404,
        req: () => ({ url: '/api/v1/visits', payload: visitPayload('33.74') }),
      },
    ],
  },
  'GET /api/v1/visits/:id': {
    access: 'user',
    req: async () => ({ url: `/api/v1/visits/${await visitOf()}` }),
    cases: all(200),
  },
  'PUT /api/v1/visits/:id': {
    access: 'user',
    req: async () => ({ url: `/api/v1/visits/${await visitOf()}`, payload: visitPayload() }),
    cases: [...all(200).filter((c) => c.who !== 'leader'), { who: 'leader', status: 403 }],
  },
  'DELETE /api/v1/visits/:id': {
    access: 'user',
    req: async () => ({ url: `/api/v1/visits/${await visitOf()}` }),
    cases: [...all(200).filter((c) => c.who !== 'leader'), { who: 'leader', status: 403 }],
  },
  'POST /api/v1/visits/:id/files': {
    access: 'user',
    req: async () => {
      const body = multipartFile(samples.png(), 'foto.png');
      return { url: `/api/v1/visits/${await visitOf()}/files`, payload: body.payload, headers: body.headers };
    },
    cases: [...all(201).filter((c) => c.who !== 'leader'), { who: 'leader', status: 403 }],
  },
  'DELETE /api/v1/visits/:id/files/:fileId': {
    access: 'user',
    req: async () => {
      const id = await visitOf();
      const body = multipartFile(samples.pdf(), 'notulen.pdf');
      const up = await t.app.inject({
        method: 'POST',
        url: `/api/v1/visits/${id}/files`,
        headers: { ...sessions.admin.headers, ...body.headers },
        payload: body.payload,
      });
      return { url: `/api/v1/visits/${id}/files/${up.json().data.id}` };
    },
    cases: [...all(200).filter((c) => c.who !== 'leader'), { who: 'leader', status: 403 }],
  },
  'GET /api/v1/programmes': { access: 'user', req: () => ({ url: '/api/v1/programmes' }), cases: all(200) },
  'GET /api/v1/programmes/:id': {
    access: 'user',
    req: async () => ({ url: `/api/v1/programmes/${await programmeOf()}` }),
    cases: all(200),
  },
  'POST /api/v1/programmes': {
    access: 'user',
    req: () => ({ url: '/api/v1/programmes', payload: { name: 'Program Matriks' } }),
    cases: [
      ...all(403).filter((c) => c.who !== 'admin' && c.who !== 'national'),
      { who: 'national', status: 201 },
      { who: 'admin', status: 201 },
    ],
  },
  'PUT /api/v1/programmes/:id': {
    access: 'user',
    req: async () => ({
      url: `/api/v1/programmes/${await programmeOf()}`,
      payload: { name: 'Program Diubah' },
    }),
    cases: [
      ...all(403).filter((c) => c.who !== 'admin' && c.who !== 'national'),
      { who: 'national', status: 200 },
      { who: 'admin', status: 200 },
    ],
  },
  'POST /api/v1/programmes/:id/members': {
    access: 'user',
    req: async () => ({
      url: `/api/v1/programmes/${await programmeOf()}/members`,
      payload: { orgCode: '32.05' },
    }),
    cases: [
      ...all(403).filter((c) => c.who !== 'admin' && c.who !== 'national'),
      { who: 'national', status: 200 },
      { who: 'admin', status: 200 },
    ],
  },
  'DELETE /api/v1/programmes/:id/members/:code': {
    access: 'user',
    req: async () => ({ url: `/api/v1/programmes/${await programmeOf()}/members/32.05` }),
    cases: [
      ...all(403).filter((c) => c.who !== 'admin' && c.who !== 'national'),
      { who: 'national', status: 200 },
      { who: 'admin', status: 200 },
    ],
  },
  'GET /api/v1/commitments': {
    access: 'public',
    req: () => ({ url: '/api/v1/commitments' }),
    cases: [{ who: 'anon', status: 200 }, ...all(200)],
  },
  'POST /api/v1/commitments': {
    access: 'user',
    req: () => ({
      url: '/api/v1/commitments',
      payload: {
        title: 'Komitmen Matriks',
        textId: 'Teks komitmen untuk uji matriks izin.',
        textEn: 'Commitment text for the permission matrix.',
      },
    }),
    cases: [
      ...all(403).filter((c) => c.who !== 'admin' && c.who !== 'national'),
      { who: 'national', status: 201 },
      { who: 'admin', status: 201 },
    ],
  },
  'GET /api/v1/commitments/keys': {
    access: 'public',
    req: () => ({ url: '/api/v1/commitments/keys' }),
    cases: [{ who: 'anon', status: 200 }],
  },
  'POST /api/v1/commitments/keys/rotate': {
    access: 'user',
    req: () => ({ url: '/api/v1/commitments/keys/rotate' }),
    cases: onlyAdmin(200),
  },
  'GET /api/v1/orgs/:code/commitment-signatures': {
    access: 'public',
    req: () => ({ url: '/api/v1/orgs/32.05/commitment-signatures' }),
    cases: [{ who: 'anon', status: 200 }, ...all(200)],
  },
  'POST /api/v1/orgs/:code/commitment-signatures': {
    access: 'user',
    req: async () => {
      await clearGarutSignatures();
      return {
        url: '/api/v1/orgs/32.05/commitment-signatures',
        payload: {
          signerName: 'Bupati Garut',
          signerPosition: 'Bupati',
          textVersion: await currentVersion(),
        },
      };
    },
    cases: [
      { who: 'leader', status: 201 },
      ...(['operator', 'bodyAdmin', 'provinceSup', 'national', 'mentor', 'admin'] as const).map((who) => ({
        who,
        status: 403,
      })),
    ],
  },
  'GET /api/v1/commitments/signatures/:id/verify': {
    access: 'public',
    req: async () => ({ url: `/api/v1/commitments/signatures/${await signatureOf()}/verify` }),
    cases: [{ who: 'anon', status: 200 }],
  },
  'GET /api/v1/commitments/signatures/:id/abilities': {
    access: 'user',
    req: async () => ({ url: `/api/v1/commitments/signatures/${await signatureOf()}/abilities` }),
    cases: all(200),
  },
  'POST /api/v1/commitments/signatures/:id/revoke': {
    access: 'user',
    req: async () => ({
      url: `/api/v1/commitments/signatures/${await signatureOf()}/revoke`,
      payload: { reason: 'uji matriks' },
    }),
    cases: [
      { who: 'leader', status: 200 },
      { who: 'national', status: 200 },
      { who: 'admin', status: 200 },
      ...(['operator', 'bodyAdmin', 'provinceSup', 'mentor'] as const).map((who) => ({ who, status: 403 })),
    ],
  },
  'GET /api/v1/commitments/signatures/:id/certificate': {
    access: 'user',
    req: async () => ({ url: `/api/v1/commitments/signatures/${await signatureOf()}/certificate` }),
    cases: all(200),
  },
  'GET /api/v1/orgs/:code/plans': {
    access: 'user',
    req: () => ({ url: '/api/v1/orgs/32.05/plans' }),
    cases: [...all(200), { who: 'operator', status: 404, req: () => ({ url: '/api/v1/orgs/32.11/plans' }) }],
  },
  'POST /api/v1/orgs/:code/plans': {
    access: 'user',
    req: () => {
      n += 1;
      return { url: '/api/v1/orgs/32.05/plans', payload: { period: `${2100 + (n % 800)}-Q1` } };
    },
    cases: bodyEditors(201),
  },
  'GET /api/v1/plans/:id': {
    access: 'user',
    req: async () => ({ url: `/api/v1/plans/${(await planOf()).plan}` }),
    cases: all(200),
  },
  'GET /api/v1/plans/:id/assignees': {
    access: 'user',
    req: async () => ({ url: `/api/v1/plans/${(await planOf()).plan}/assignees` }),
    cases: all(200),
  },
  'POST /api/v1/plans/:id/items': {
    access: 'user',
    req: async () => ({
      url: `/api/v1/plans/${(await planOf()).plan}/items`,
      payload: { title: 'Kegiatan baru' },
    }),
    cases: bodyEditors(201),
  },
  'POST /api/v1/plans/:id/items/from-steps': {
    access: 'user',
    req: async () => ({
      url: `/api/v1/plans/${(await planOf()).plan}/items/from-steps`,
      payload: { steps: [{ indicator: 1, to: 3 }] },
    }),
    cases: bodyEditors(201),
  },
  'PATCH /api/v1/plans/:id/items/:itemId': {
    access: 'user',
    req: async () => {
      const p = await planOf();
      return { url: `/api/v1/plans/${p.plan}/items/${p.item}`, payload: { progress: 10, version: 1 } };
    },
    cases: bodyEditors(200),
  },
  'DELETE /api/v1/plans/:id/items/:itemId': {
    access: 'user',
    req: async () => {
      const p = await planOf();
      return { url: `/api/v1/plans/${p.plan}/items/${p.item}` };
    },
    cases: bodyEditors(200),
  },
  'POST /api/v1/plans/:id/items/bulk': {
    access: 'user',
    req: async () => {
      const p = await planOf();
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
      const p = await planOf();
      return { url: `/api/v1/plans/${p.plan}/items/${p.item}/history` };
    },
    cases: all(200),
  },
  'POST /api/v1/plans/:id/items/:itemId/comments': {
    access: 'user',
    req: async () => {
      const p = await planOf();
      return { url: `/api/v1/plans/${p.plan}/items/${p.item}/comments`, payload: { body: 'Catatan' } };
    },
    cases: [...all(201).filter((c) => c.who !== 'national'), { who: 'national', status: 403 }],
  },
  'POST /api/v1/plans/:id/items/:itemId/evidence': {
    access: 'user',
    req: async () => {
      const p = await planOf();
      return {
        url: `/api/v1/plans/${p.plan}/items/${p.item}/evidence`,
        payload: { fileId: await evidenceOf() },
      };
    },
    cases: bodyEditors(200),
  },
  'DELETE /api/v1/plans/:id/items/:itemId/evidence/:fileId': {
    access: 'user',
    req: async () => {
      const p = await planOf();
      return { url: `/api/v1/plans/${p.plan}/items/${p.item}/evidence/${await evidenceOf()}` };
    },
    cases: bodyEditors(200),
  },
  'POST /api/v1/plans/:id/transitions/:action': {
    access: 'user',
    req: async () => ({ url: `/api/v1/plans/${(await planOf()).plan}/transitions/submit` }),
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
        req: async () => ({ url: `/api/v1/plans/${(await planOf('submitted')).plan}/transitions/approve` }),
      },
      {
        who: 'bodyAdmin',
        status: 403,
        req: async () => ({ url: `/api/v1/plans/${(await planOf('submitted')).plan}/transitions/approve` }),
      },
      {
        who: 'admin',
        status: 403,
        req: async () => ({ url: `/api/v1/plans/${(await planOf('submitted')).plan}/transitions/approve` }),
      },
    ],
  },
  'GET /api/v1/plans/:id/versions/:version': {
    access: 'user',
    req: async () => {
      const { plan } = await planOf('submitted');
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/plans/${plan}/transitions/approve`,
        headers: sessions.leader.headers,
      });
      return { url: `/api/v1/plans/${plan}/versions/1` };
    },
    cases: all(200),
  },
  'GET /api/v1/plans/:id/export': {
    access: 'user',
    req: async () => ({ url: `/api/v1/plans/${(await planOf()).plan}/export` }),
    cases: all(200),
  },
  'POST /api/v1/plans/:id/import': {
    access: 'user',
    req: async () => {
      const body = multipartFile(Buffer.from('judul,status\nKegiatan dari berkas,planned\n'), 'rencana.csv');
      return {
        url: `/api/v1/plans/${(await planOf()).plan}/import`,
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
  'GET /api/v1/orgs/:code/journey': {
    access: 'user',
    req: () => ({ url: '/api/v1/orgs/32.05/journey' }),
    cases: [
      ...all(200),
      { who: 'operator', status: 404, req: () => ({ url: '/api/v1/orgs/32.11/journey' }) },
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
  'GET /api/v1/outbox': { access: 'user', req: () => ({ url: '/api/v1/outbox' }), cases: onlyAdmin(200) },
};

beforeAll(async () => {
  t = await createTestApp({}, { sample: true });
  for (const [who, email] of Object.entries(accounts)) {
    sessions[who as Exclude<Who, 'anon'>] = await login(t.app, email, SAMPLE_PASSWORD);
  }
});
afterAll(() => t?.close());

describe('permission matrix', () => {
  it('has an entry for every registered API route, and no stale entries', () => {
    const registered = t.app.routeCatalogue.map((r) => `${r.method} ${r.url}`).sort();
    expect(registered.filter((k) => !matrix[k])).toEqual([]);
    expect(Object.keys(matrix).filter((k) => !registered.includes(k))).toEqual([]);
    for (const r of t.app.routeCatalogue)
      expect(`${r.url}: ${r.access}`).toBe(`${r.url}: ${matrix[`${r.method} ${r.url}`]!.access}`);
  });

  for (const [key, entry] of Object.entries(matrix)) {
    const method = key.split(' ')[0] as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    it(`${key}`, async () => {
      if (entry.access === 'user') {
        const { url, payload, headers } = await entry.req();
        const res = await t.app.inject({ method, url, payload: payload as object, headers });
        expect(res.statusCode, `${key} without a session`).toBe(401);
      }
      for (const c of entry.cases) {
        const { url, payload, headers: extra } = await (c.req ?? entry.req)();
        const headers = { ...(c.who === 'anon' ? {} : sessions[c.who].headers), ...extra };
        const res = await t.app.inject({ method, url, payload: payload as object, headers });
        expect(res.statusCode, `${key} as ${c.who} → ${url}: ${res.body.slice(0, 200)}`).toBe(c.status);
      }
    });
  }
});
