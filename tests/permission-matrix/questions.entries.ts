import { createUser, login, type Session } from '../support/test-app';
import { all, bodyEditors, type Case, ctx, type Entry } from './context';
import { evidenceOf } from './fixtures';

// Mentoring questions. Garut (32.05) is mentored by Sumedang in the sample data; Bandung (32.04)
// is not, so its private question is outside Garut's and Sumedang's scope (404) but inside
// West Java's and the national roles'.

const questionBody = (over: Record<string, unknown> = {}) => {
  ctx.n += 1;
  return {
    title: `Pertanyaan matriks ${ctx.n}`,
    body: 'Bagaimana caranya?',
    frameworkId: 'spbe-2020',
    indicator: 3,
    ...over,
  };
};

async function ask(who: Session, code: string, over: Record<string, unknown> = {}) {
  const res = await ctx.t.app.inject({
    method: 'POST',
    url: `/api/v1/orgs/${code}/questions`,
    headers: who.headers,
    payload: questionBody(over),
  });
  return res.json().data as { id: string; answers: { id: string }[] };
}

/** A new public question of Garut asked by its operator. */
const garutQuestion = () => ask(ctx.sessions.operator, '32.05');

let bandung: Session | undefined;
/** A private question of Bandung (asked by one of its operators). */
async function bandungPrivate() {
  if (!bandung) {
    const u = await createUser(ctx.t.database, { role: 'operator', orgCode: '32.04' });
    bandung = await login(ctx.t.app, u.email);
  }
  return ask(bandung, '32.04', { visibility: 'private' });
}

/** Garut's question with an answer by Sumedang's mentor; returns both ids. */
async function answered() {
  const q = await garutQuestion();
  const res = await ctx.t.app.inject({
    method: 'POST',
    url: `/api/v1/questions/${q.id}/answers`,
    headers: ctx.sessions.mentor.headers,
    payload: { body: 'Jawaban pendamping.' },
  });
  return { id: q.id, answerId: res.json().data.answers[0].id as string };
}

const others = ['operator', 'leader', 'bodyAdmin', 'provinceSup', 'national', 'admin'] as const;
/** Only Sumedang's mentor (the answer's author) may change the answer. */
const authorOnly = (ok: number): Case[] => [
  { who: 'mentor', status: ok },
  ...others.map((who) => ({ who, status: 403 })),
];

export const questionEntries: Record<string, Entry> = {
  'POST /api/v1/orgs/:code/questions': {
    access: 'user',
    req: () => ({ url: '/api/v1/orgs/32.05/questions', payload: questionBody() }),
    cases: [
      // Garut's admin and operator ask; a platform admin does not ask in a body's name.
      ...bodyEditors(201).filter((c) => c.who !== 'admin'),
      { who: 'admin', status: 403 },
      {
        who: 'bodyAdmin',
        status: 404,
        req: () => ({ url: '/api/v1/orgs/32.04/questions', payload: questionBody() }),
      },
    ],
  },
  'GET /api/v1/questions': {
    access: 'user',
    req: () => ({ url: '/api/v1/questions?knowledge=true&q=matriks' }),
    cases: all(200),
  },
  'GET /api/v1/questions/similar': {
    access: 'user',
    req: () => ({ url: '/api/v1/questions/similar?title=arsitektur' }),
    cases: all(200),
  },
  'GET /api/v1/questions/response-times': {
    access: 'user',
    req: () => ({ url: '/api/v1/questions/response-times?host=32.11' }),
    cases: all(200),
  },
  'GET /api/v1/questions/:id': {
    access: 'user',
    req: async () => ({ url: `/api/v1/questions/${(await garutQuestion()).id}` }),
    cases: [
      ...all(200),
      // A private question of Bandung: invisible to Garut's people and to Sumedang's mentor.
      ...(['operator', 'leader', 'bodyAdmin', 'mentor'] as const).map((who) => ({
        who,
        status: 404,
        req: async () => ({ url: `/api/v1/questions/${(await bandungPrivate()).id}` }),
      })),
      ...(['provinceSup', 'national', 'admin'] as const).map((who) => ({
        who,
        status: 200,
        req: async () => ({ url: `/api/v1/questions/${(await bandungPrivate()).id}` }),
      })),
    ],
  },
  'POST /api/v1/questions/:id/answers': {
    access: 'user',
    req: async () => ({
      url: `/api/v1/questions/${(await garutQuestion()).id}/answers`,
      payload: { body: 'Jawaban.' },
    }),
    cases: [
      ...(['operator', 'bodyAdmin', 'provinceSup', 'national', 'mentor', 'admin'] as const).map((who) => ({
        who,
        status: 201,
      })),
      { who: 'leader', status: 403 },
      {
        who: 'mentor',
        status: 404,
        req: async () => ({
          url: `/api/v1/questions/${(await bandungPrivate()).id}/answers`,
          payload: { body: 'Jawaban.' },
        }),
      },
    ],
  },
  'PATCH /api/v1/questions/:id/answers/:answerId': {
    access: 'user',
    req: async () => {
      const a = await answered();
      return { url: `/api/v1/questions/${a.id}/answers/${a.answerId}`, payload: { body: 'Diubah.' } };
    },
    cases: authorOnly(200),
  },
  'DELETE /api/v1/questions/:id/answers/:answerId': {
    access: 'user',
    req: async () => {
      const a = await answered();
      return { url: `/api/v1/questions/${a.id}/answers/${a.answerId}` };
    },
    cases: authorOnly(200),
  },
  'PUT /api/v1/questions/:id/accepted-answer': {
    access: 'user',
    req: async () => {
      const a = await answered();
      return { url: `/api/v1/questions/${a.id}/accepted-answer`, payload: { answerId: a.answerId } };
    },
    cases: [
      // The asker (Garut's operator) and Garut's body admin only.
      { who: 'operator', status: 200 },
      { who: 'bodyAdmin', status: 200 },
      ...(['leader', 'provinceSup', 'national', 'mentor', 'admin'] as const).map((who) => ({
        who,
        status: 403,
      })),
    ],
  },
  'GET /api/v1/questions/:id/files/:fileId': {
    access: 'user',
    req: async () => {
      const q = await garutQuestion();
      const fileId = await evidenceOf('32.11');
      await ctx.t.app.inject({
        method: 'POST',
        url: `/api/v1/questions/${q.id}/answers`,
        headers: ctx.sessions.mentor.headers,
        payload: { body: 'Lampiran.', fileIds: [fileId] },
      });
      return { url: `/api/v1/questions/${q.id}/files/${fileId}` };
    },
    cases: all(200),
  },
};
