import { and, eq } from 'drizzle-orm';
import { practices } from '../../src/server/db/schema';
import { ctx } from './context';
import { evidenceOf } from './fixtures';

// Records the practice routes' matrix entries need, made through the API by the platform admin.

export const practiceBody = (over: Record<string, unknown> = {}) => ({
  title: `Praktik matriks ${ctx.n}`,
  summary: 'Praktik untuk matriks izin.',
  type: 'sop',
  indicators: [{ indicator: 3, level: 4 }],
  ...over,
});

/** A new practice of Sumedang in a status; returns its id. */
export async function practiceOf(status: 'draft' | 'published' = 'published'): Promise<string> {
  ctx.n += 1;
  const res = await ctx.t.app.inject({
    method: 'POST',
    url: '/api/v1/practices',
    headers: ctx.sessions.admin.headers,
    payload: practiceBody({ hostCode: '32.11', status }),
  });
  return res.json().data.id;
}

/** One of the sample practices (published by Sumedang). */
export async function samplePractice(): Promise<string> {
  const [p] = await ctx.t.database.db
    .select({ id: practices.id })
    .from(practices)
    .where(and(eq(practices.isSample, true), eq(practices.status, 'published')))
    .limit(1);
  return p!.id;
}

/** Garut's replication of a new practice, at stage `interested`; returns its id. */
export async function adoptionOf(): Promise<string> {
  const practiceId = await practiceOf();
  const res = await ctx.t.app.inject({
    method: 'POST',
    url: '/api/v1/orgs/32.05/adoptions',
    headers: ctx.sessions.admin.headers,
    payload: { practiceId },
  });
  return res.json().data.id;
}

/** An open assistance request of Garut to Sumedang; returns its id. */
export async function assistanceOf(): Promise<string> {
  const res = await ctx.t.app.inject({
    method: 'POST',
    url: '/api/v1/orgs/32.05/assistance-requests',
    headers: ctx.sessions.admin.headers,
    payload: { hostCode: '32.11', topic: 'Pendampingan matriks' },
  });
  return res.json().data.id;
}

/** A practice of Sumedang with one document from its locker; returns both ids. */
export async function practiceWithFile(status: 'draft' | 'published' = 'published') {
  const fileId = await evidenceOf('32.11');
  ctx.n += 1;
  const res = await ctx.t.app.inject({
    method: 'POST',
    url: '/api/v1/practices',
    headers: ctx.sessions.admin.headers,
    payload: practiceBody({ hostCode: '32.11', status, fileIds: [fileId] }),
  });
  return { id: res.json().data.id as string, fileId };
}

/** Garut's replication with its signed MoU (a file of Garut's locker); returns both ids. */
export async function adoptionWithMou() {
  const id = await adoptionOf();
  const fileId = await evidenceOf('32.05');
  await ctx.t.app.inject({
    method: 'POST',
    url: `/api/v1/adoptions/${id}/transitions/agreed`,
    headers: ctx.sessions.admin.headers,
    payload: {
      agreement: {
        mouNumber: 'MoU/1',
        parties: ['Kabupaten Sumedang', 'Kabupaten Garut'],
        signedOn: '2026-11-01',
        fileId,
      },
    },
  });
  return { id, fileId };
}
