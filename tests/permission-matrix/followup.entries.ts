import { multipartFile, samples } from '../support/multipart';
import { all, ctx, type Entry, onlyAdmin } from './context';
import * as fx from './fixtures';

// Follow-through: visits, programmes, commitments.
export const followupEntries: Record<string, Entry> = {
  'GET /api/v1/visits': { access: 'user', req: () => ({ url: '/api/v1/visits' }), cases: all(200) },
  'POST /api/v1/visits': {
    access: 'user',
    req: () => ({ url: '/api/v1/visits', payload: fx.visitPayload() }),
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
        req: () => ({ url: '/api/v1/visits', payload: fx.visitPayload('33.74') }),
      },
    ],
  },
  'GET /api/v1/visits/:id': {
    access: 'user',
    req: async () => ({ url: `/api/v1/visits/${await fx.visitOf()}` }),
    cases: all(200),
  },
  'PUT /api/v1/visits/:id': {
    access: 'user',
    req: async () => ({ url: `/api/v1/visits/${await fx.visitOf()}`, payload: fx.visitPayload() }),
    cases: [...all(200).filter((c) => c.who !== 'leader'), { who: 'leader', status: 403 }],
  },
  'DELETE /api/v1/visits/:id': {
    access: 'user',
    req: async () => ({ url: `/api/v1/visits/${await fx.visitOf()}` }),
    cases: [...all(200).filter((c) => c.who !== 'leader'), { who: 'leader', status: 403 }],
  },
  'POST /api/v1/visits/:id/files': {
    access: 'user',
    req: async () => {
      const body = multipartFile(samples.png(), 'foto.png');
      return {
        url: `/api/v1/visits/${await fx.visitOf()}/files`,
        payload: body.payload,
        headers: body.headers,
      };
    },
    cases: [...all(201).filter((c) => c.who !== 'leader'), { who: 'leader', status: 403 }],
  },
  'DELETE /api/v1/visits/:id/files/:fileId': {
    access: 'user',
    req: async () => {
      const id = await fx.visitOf();
      const body = multipartFile(samples.pdf(), 'notulen.pdf');
      const up = await ctx.t.app.inject({
        method: 'POST',
        url: `/api/v1/visits/${id}/files`,
        headers: { ...ctx.sessions.admin.headers, ...body.headers },
        payload: body.payload,
      });
      return { url: `/api/v1/visits/${id}/files/${up.json().data.id}` };
    },
    cases: [...all(200).filter((c) => c.who !== 'leader'), { who: 'leader', status: 403 }],
  },
  // The visiting body's admin or leader and the supervisors over it answer the mentor access; the
  // host's mentor and the body's operator may not (the admin's visit is confirmed already: 200).
  'POST /api/v1/visits/:id/access/confirm': {
    access: 'user',
    req: async () => ({ url: `/api/v1/visits/${await fx.visitOf()}/access/confirm` }),
    cases: [
      ...(['leader', 'bodyAdmin', 'provinceSup', 'national', 'admin'] as const).map((who) => ({
        who,
        status: 200,
      })),
      { who: 'operator', status: 403 },
      { who: 'mentor', status: 403 },
    ],
  },
  // Declined on Tasikmalaya, not Garut, so the mentor keeps the sample mentorship other entries use;
  // Garut's people do not see that visit.
  'POST /api/v1/visits/:id/access/decline': {
    access: 'user',
    req: async () => ({ url: `/api/v1/visits/${await fx.visitOf('32.06')}/access/decline` }),
    cases: [
      ...(['provinceSup', 'national', 'admin'] as const).map((who) => ({ who, status: 200 })),
      ...(['operator', 'leader', 'bodyAdmin'] as const).map((who) => ({ who, status: 404 })),
      { who: 'mentor', status: 403 },
    ],
  },
  'GET /api/v1/programmes': { access: 'user', req: () => ({ url: '/api/v1/programmes' }), cases: all(200) },
  'GET /api/v1/programmes/:id': {
    access: 'user',
    req: async () => ({ url: `/api/v1/programmes/${await fx.programmeOf()}` }),
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
      url: `/api/v1/programmes/${await fx.programmeOf()}`,
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
      url: `/api/v1/programmes/${await fx.programmeOf()}/members`,
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
    req: async () => ({ url: `/api/v1/programmes/${await fx.programmeOf()}/members/32.05` }),
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
      await fx.clearGarutSignatures();
      return {
        url: '/api/v1/orgs/32.05/commitment-signatures',
        payload: {
          signerName: 'Bupati Garut',
          signerPosition: 'Bupati',
          textVersion: await fx.currentVersion(),
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
    req: async () => ({ url: `/api/v1/commitments/signatures/${await fx.signatureOf()}/verify` }),
    cases: [{ who: 'anon', status: 200 }],
  },
  'GET /api/v1/commitments/signatures/:id/abilities': {
    access: 'user',
    req: async () => ({ url: `/api/v1/commitments/signatures/${await fx.signatureOf()}/abilities` }),
    cases: all(200),
  },
  'POST /api/v1/commitments/signatures/:id/revoke': {
    access: 'user',
    req: async () => ({
      url: `/api/v1/commitments/signatures/${await fx.signatureOf()}/revoke`,
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
    req: async () => ({ url: `/api/v1/commitments/signatures/${await fx.signatureOf()}/certificate` }),
    cases: all(200),
  },
};
