import { eq, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import {
  actionItems,
  actionPlans,
  assessmentItems,
  assessments,
  memberships,
  orgs,
} from '../../src/server/db/schema';
import { spbe2020Framework } from '../../src/shared/framework/frameworks';
import { multipartFile, samples } from '../support/multipart';
import { createUser } from '../support/test-app';
import { ctx, type Req } from './context';

// Records the matrix's requests need, made through the API or written directly.
export async function viewerMembership(orgCode: string): Promise<string> {
  const u = await createUser(ctx.t.database, { role: 'viewer', orgCode });
  const [org] = await ctx.t.database.db.select().from(orgs).where(eq(orgs.code, orgCode));
  const [m] = await ctx.t.database.db.select().from(memberships).where(eq(memberships.userId, u.id));
  expect(m?.orgId).toBe(org?.id);
  return m!.id;
}

export async function pendingInvitation(): Promise<string> {
  ctx.n += 1;
  const res = await ctx.t.app.inject({
    method: 'POST',
    url: '/api/v1/orgs/32.05/invitations',
    headers: ctx.sessions.bodyAdmin.headers,
    payload: { email: `pm${ctx.n}@x.test`, role: 'viewer' },
  });
  return res.json().data.id;
}

export async function newCentralBody(): Promise<string> {
  ctx.n += 1;
  const code = `LSM-MATRIX-${ctx.n}`;
  await ctx.t.app.inject({
    method: 'POST',
    url: '/api/v1/orgs',
    headers: ctx.sessions.admin.headers,
    payload: { code, name: `LSM Matrix ${ctx.n}`, type: 'ngo' },
  });
  return code;
}

/** A complete assessment of a body in the given status, written directly (years far apart). */
export async function assessmentIn(
  status: 'draft' | 'submitted' = 'draft',
  orgCode = '32.05',
): Promise<string> {
  ctx.n += 1;
  const [org] = await ctx.t.database.db.select().from(orgs).where(eq(orgs.code, orgCode));
  const [a] = await ctx.t.database.db
    .insert(assessments)
    .values({
      orgId: org!.id,
      year: 3000 + ctx.n,
      frameworkId: 'spbe-2020',
      frameworkVersion: '2020',
      status,
    })
    .returning();
  await ctx.t.database.db.insert(assessmentItems).values(
    spbe2020Framework.indicators.map((i) => ({
      assessmentId: a!.id,
      indicator: i.number,
      level: 2,
      serviceName: i.chosenService ? `Layanan ${i.number}` : null,
    })),
  );
  return a!.id;
}

/** A file in a body's evidence locker, uploaded through the API by the platform admin. */
export async function evidenceOf(orgCode = '32.05'): Promise<string> {
  const body = multipartFile(samples.pdf(), 'bukti.pdf');
  const res = await ctx.t.app.inject({
    method: 'POST',
    url: `/api/v1/orgs/${orgCode}/evidence`,
    headers: { ...ctx.sessions.admin.headers, ...body.headers },
    payload: body.payload,
  });
  return res.json().data.id;
}

export const upload = (orgCode = '32.05'): Req => {
  const body = multipartFile(samples.pdf(), 'bukti.pdf');
  return { url: `/api/v1/orgs/${orgCode}/evidence`, payload: body.payload, headers: body.headers };
};

export const officialCsv = (): Req => {
  const body = multipartFile(Buffer.from('kode_instansi,tahun,indeks\n32.01,2023,3.00\n'), 'hasil.csv');
  return {
    url: '/api/v1/official-results/import?framework=spbe-2020',
    payload: body.payload,
    headers: body.headers,
  };
};

export async function officialResultOf(year: number): Promise<Req> {
  await ctx.t.app.inject({
    method: 'PUT',
    url: `/api/v1/orgs/32.05/official-results/${year}`,
    headers: ctx.sessions.national.headers,
    payload: { index: 3 },
  });
  return { url: `/api/v1/orgs/32.05/official-results/${year}` };
}

export async function scenarioOf(): Promise<string> {
  const res = await ctx.t.app.inject({
    method: 'POST',
    url: '/api/v1/orgs/32.05/scenarios',
    headers: ctx.sessions.admin.headers,
    payload: { name: 'Skenario', levels: { 1: 3 } },
  });
  return res.json().data.id;
}

/** A visit of Garut (or another body) to Sumedang recorded by the platform admin; returns its id. */
export async function visitOf(visitorCode = '32.05'): Promise<string> {
  ctx.n += 1;
  const res = await ctx.t.app.inject({
    method: 'POST',
    url: '/api/v1/visits',
    headers: ctx.sessions.admin.headers,
    payload: { hostCode: '32.11', visitorCode, startDate: '2026-01-01', endDate: '2026-01-02' },
  });
  return res.json().data.id;
}

export async function programmeOf(): Promise<string> {
  ctx.n += 1;
  const res = await ctx.t.app.inject({
    method: 'POST',
    url: '/api/v1/programmes',
    headers: ctx.sessions.national.headers,
    payload: { name: `Program ${ctx.n}` },
  });
  return res.json().data.id;
}

export const visitPayload = (visitorCode = '32.05') => ({
  hostCode: '32.11',
  visitorCode,
  startDate: '2026-02-01',
  endDate: '2026-02-01',
});

/** Garut has no unrevoked signature of the current text (so its leader can sign again). */
export async function clearGarutSignatures() {
  await ctx.t.database.db.execute(
    sql`update commitment_signatures set revoked_at = now(), revoked_reason = 'matrix' where org_code = '32.05' and revoked_at is null`,
  );
}

/** A fresh signature of Garut's commitment by its (sample) leader; returns its id. */
export async function signatureOf(): Promise<string> {
  await clearGarutSignatures();
  const res = await ctx.t.app.inject({
    method: 'POST',
    url: '/api/v1/orgs/32.05/commitment-signatures',
    headers: ctx.sessions.leader.headers,
    payload: { signerName: 'Bupati Garut', signerPosition: 'Bupati', textVersion: await currentVersion() },
  });
  return res.json().data.id;
}

export async function currentVersion(): Promise<number> {
  const res = await ctx.t.app.inject({ url: '/api/v1/commitments' });
  return res.json().data[0].version;
}

/** A plan of Garut in a status, with one item; written directly (periods far apart). */
export async function planOf(
  status: 'draft' | 'submitted' | 'approved' = 'draft',
): Promise<{ plan: string; item: string }> {
  ctx.n += 1;
  const [org] = await ctx.t.database.db.select().from(orgs).where(eq(orgs.code, '32.05'));
  const [plan] = await ctx.t.database.db
    .insert(actionPlans)
    .values({
      orgId: org!.id,
      period: String(4000 + ctx.n),
      status,
      approvedVersion: status === 'approved' ? 1 : 0,
    })
    .returning();
  const [item] = await ctx.t.database.db
    .insert(actionItems)
    .values({ planId: plan!.id, orgId: org!.id, title: 'Kegiatan matriks' })
    .returning();
  return { plan: plan!.id, item: item!.id };
}
