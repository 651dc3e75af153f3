import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFor, openTestApp, type Session, type TestApp } from '../../../../tests/support/test-app';
import { auditEvents, notifications, questionHosts } from '../../db/schema';
import { uploadTo } from '../practices/practices.test-helpers';

// Sumedang (32.11) hosts Garut (32.05) with confirmed access; Semarang (33.74) is another host.
const people = {
  mentor: ['mentor', '32.11'],
  otherMentor: ['mentor', '33.74'],
  garutAdmin: ['body_admin', '32.05'],
  garutOp: ['operator', '32.05'],
  garutViewer: ['viewer', '32.05'],
  bandungAdmin: ['body_admin', '32.04'],
  jabar: ['province_supervisor', '32'],
  jateng: ['province_supervisor', '33'],
  national: ['national_supervisor', 'KEMENDAGRI'],
} as const;

let t: TestApp;
let s: Record<keyof typeof people, Session>;
let ids: Record<keyof typeof people, string>;
beforeAll(async () => {
  const opened = await openTestApp({ host: '32.11', mentees: ['32.05'], hosts: ['33.74'], people });
  t = opened.t;
  s = opened.s;
  ids = opened.ids;
});
afterAll(() => t?.close());

const api = apiFor(() => t);
const ask = (who: Session, over: Record<string, unknown> = {}, code = '32.05') =>
  api('POST', `/orgs/${code}/questions`, who, {
    title: 'Bagaimana menyusun arsitektur SPBE daerah?',
    body: 'Dokumen apa saja yang perlu disiapkan?',
    frameworkId: 'spbe-2020',
    indicator: 3,
    ...over,
  });
const kindsOf = async (userId: string) =>
  (await t.database.db.select().from(notifications).where(eq(notifications.userId, userId))).map(
    (n) => n.kind,
  );

describe('asking', () => {
  it('lets the body’s admin or operator ask about one subject, and notifies mentors and the province', async () => {
    expect((await ask(s.garutViewer)).statusCode).toBe(403);
    expect((await ask(s.mentor)).statusCode).toBe(403);
    expect((await ask(s.bandungAdmin)).statusCode).toBe(404);
    const none = await ask(s.garutOp, { frameworkId: undefined, indicator: undefined });
    expect(none.statusCode).toBe(400);
    const two = await ask(s.garutOp, { practiceId: '00000000-0000-4000-8000-000000000000' });
    expect(two.statusCode).toBe(400);
    const badIndicator = await ask(s.garutOp, { indicator: 999 });
    expect(badIndicator.json().error.code).toBe('VALIDATION_FAILED');
    const noItem = await ask(s.garutOp, {
      frameworkId: undefined,
      indicator: undefined,
      planItemId: '00000000-0000-4000-8000-000000000000',
    });
    expect(noItem.json().error.details.issues[0].field).toBe('body.planItemId');
    const res = await ask(s.garutOp);
    expect(res.statusCode).toBe(201);
    const q = res.json().data;
    expect(q).toMatchObject({ status: 'open', visibility: 'public', answerCount: 0 });
    expect(q.subject).toMatchObject({ kind: 'indicator', frameworkId: 'spbe-2020', indicator: 3 });
    expect(q.abilities).toEqual({ answer: true, accept: true });
    // The asker's own side replies for Garut; Sumedang's mentor answers for Sumedang.
    expect(q.answerAs).toEqual({ code: '32.05', name: expect.any(String) });
    expect((await api('GET', `/questions/${q.id}`, s.mentor)).json().data.answerAs.code).toBe('32.11');
    expect(
      (await api('GET', '/questions', s.garutOp)).json().askFor.map((o: { code: string }) => o.code),
    ).toEqual(['32.05']);
    expect((await api('GET', '/questions', s.mentor)).json().askFor).toEqual([]);
    expect(await kindsOf(ids.mentor)).toContain('question.asked');
    expect(await kindsOf(ids.jabar)).toContain('question.asked');
    expect(await kindsOf(ids.otherMentor)).not.toContain('question.asked');
    const hosts = await t.database.db.select().from(questionHosts).where(eq(questionHosts.questionId, q.id));
    expect(hosts).toHaveLength(1);
  });

  it('never answers 500 to malformed input', async () => {
    for (const body of [null, 'x', { title: 5 }, { title: 'x'.repeat(300), body: '' }]) {
      const res = await api('POST', '/orgs/32.05/questions', s.garutOp, body);
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
    }
    // A malformed id is an unknown record, as elsewhere in the API.
    expect((await api('GET', '/questions/not-a-uuid', s.garutOp)).statusCode).toBe(404);
    expect((await api('GET', '/questions?indicator=abc', s.garutOp)).statusCode).toBe(400);
    expect((await api('GET', '/questions', undefined)).statusCode).toBe(401);
  });
});

describe('the API description', () => {
  it('documents the question routes', async () => {
    const res = await t.app.inject({ url: '/api/openapi.json' });
    expect(Object.keys(res.json().paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/orgs/{code}/questions',
        '/api/v1/questions',
        '/api/v1/questions/{id}/answers/{answerId}',
        '/api/v1/questions/response-times',
      ]),
    );
  });
});

describe('private questions', () => {
  let id: string;
  beforeAll(async () => {
    id = (await ask(s.garutAdmin, { visibility: 'private', title: 'Rahasia: anggaran aplikasi umum' })).json()
      .data.id;
  });

  it('are seen by the body, its host’s mentors, its province and the national roles only', async () => {
    for (const who of [s.garutViewer, s.mentor, s.jabar, s.national])
      expect((await api('GET', `/questions/${id}`, who)).statusCode).toBe(200);
    for (const who of [s.bandungAdmin, s.otherMentor, s.jateng])
      expect((await api('GET', `/questions/${id}`, who)).statusCode).toBe(404);
    const listed = async (who: Session) =>
      (await api('GET', '/questions?pageSize=200', who)).json().data.map((q: { id: string }) => q.id);
    expect(await listed(s.bandungAdmin)).not.toContain(id);
    expect(await listed(s.jateng)).not.toContain(id);
    expect(await listed(s.mentor)).toContain(id);
    expect(await listed(s.jabar)).toContain(id);
  });

  it('take answers only from within that scope', async () => {
    const body = { body: 'Saya juga ingin tahu.' };
    expect((await api('POST', `/questions/${id}/answers`, s.bandungAdmin, body)).statusCode).toBe(404);
    expect((await api('POST', `/questions/${id}/answers`, s.garutViewer, body)).statusCode).toBe(403);
    expect((await api('POST', `/questions/${id}/answers`, s.jabar, body)).statusCode).toBe(201);
  });
});

describe('answers and acceptance', () => {
  let id: string;
  let mentorAnswer: string;
  let bandungAnswer: string;
  it('threads answers from the host, other bodies and the asker, with locker documents', async () => {
    id = (await ask(s.garutOp, { title: 'Cara membentuk tim koordinasi SPBE' })).json().data.id;
    const hostFile = await uploadTo(t, s.mentor, '32.11', 'sk-tim.pdf');
    const garutFile = await uploadTo(t, s.garutOp, '32.05', 'milik-garut.pdf');
    const foreign = await api('POST', `/questions/${id}/answers`, s.mentor, {
      body: 'Lihat SK kami.',
      fileIds: [garutFile],
    });
    expect(foreign.json().error.details.issues[0].field).toBe('body.fileIds');
    const res = await api('POST', `/questions/${id}/answers`, s.mentor, {
      body: 'Bentuk tim dengan SK bupati; contoh SK kami terlampir.',
      fileIds: [hostFile],
    });
    expect(res.statusCode).toBe(201);
    const q = res.json().data;
    expect(q.status).toBe('answered');
    mentorAnswer = q.answers[0].id;
    expect(q.answers[0]).toMatchObject({ org: { code: '32.11' }, fromAsker: false });
    expect(q.answers[0].files.map((f: { name: string }) => f.name)).toEqual(['sk-tim.pdf']);
    expect(await kindsOf(ids.garutOp)).toContain('question.answered');
    // Anyone who may view the question downloads the document, even outside Sumedang's scope.
    const dl = await api('GET', `/questions/${id}/files/${hostFile}`, s.bandungAdmin);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect((await api('GET', `/questions/${id}/files/${garutFile}`, s.bandungAdmin)).statusCode).toBe(404);
    const [h] = await t.database.db.select().from(questionHosts).where(eq(questionHosts.questionId, id));
    expect(h!.firstResponseAt).not.toBeNull();

    bandungAnswer = (
      await api('POST', `/questions/${id}/answers`, s.bandungAdmin, { body: 'Kami memakai SK sekda.' })
    ).json().data.answers[1].id;
    const own = await api('POST', `/questions/${id}/answers`, s.garutAdmin, { body: 'Terima kasih.' });
    expect(own.json().data.answers[2]).toMatchObject({ fromAsker: true });
    expect(own.json().data.answerCount).toBe(2);
  });

  it('lets only the author edit or delete an answer, until one is accepted', async () => {
    const edit = { body: 'Kami memakai SK sekda (diperbarui).' };
    expect((await api('PATCH', `/questions/${id}/answers/${bandungAnswer}`, s.mentor, edit)).statusCode).toBe(
      403,
    );
    const ok = await api('PATCH', `/questions/${id}/answers/${bandungAnswer}`, s.bandungAdmin, edit);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().data.answers[1].editedAt).not.toBeNull();
    const extra = (await api('POST', `/questions/${id}/answers`, s.national, { body: 'Catatan.' })).json()
      .data.answers[3].id;
    expect((await api('DELETE', `/questions/${id}/answers/${extra}`, s.national)).statusCode).toBe(200);
  });

  it('lets only the asker or the body admin accept, and not the body’s own reply', async () => {
    const body = { answerId: mentorAnswer };
    expect((await api('PUT', `/questions/${id}/accepted-answer`, s.mentor, body)).statusCode).toBe(403);
    expect((await api('PUT', `/questions/${id}/accepted-answer`, s.jabar, body)).statusCode).toBe(403);
    expect((await api('PUT', `/questions/${id}/accepted-answer`, s.bandungAdmin, body)).statusCode).toBe(403);
    const q = (await api('GET', `/questions/${id}`, s.garutAdmin)).json().data;
    const ownReply = q.answers.find((a: { fromAsker: boolean }) => a.fromAsker).id;
    const refused = await api('PUT', `/questions/${id}/accepted-answer`, s.garutOp, { answerId: ownReply });
    expect(refused.statusCode).toBe(400);
    const res = await api('PUT', `/questions/${id}/accepted-answer`, s.garutOp, body);
    expect(res.statusCode).toBe(200);
    expect(res.json().data).toMatchObject({ status: 'accepted', acceptedAnswerId: mentorAnswer });
    expect(await kindsOf(ids.mentor)).toContain('question.accepted');
    const settled = await api('PATCH', `/questions/${id}/answers/${bandungAnswer}`, s.bandungAdmin, {
      body: 'Terlambat.',
    });
    expect(settled.json().error.code).toBe('QUESTION_SETTLED');
    expect((await api('DELETE', `/questions/${id}/answers/${mentorAnswer}`, s.mentor)).statusCode).toBe(409);
    const audited = await t.database.db.select().from(auditEvents).where(eq(auditEvents.entityId, id));
    expect(audited.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'question.asked',
        'question.answered',
        'question.answer_edited',
        'question.answer_deleted',
        'question.answer_accepted',
      ]),
    );
  });

  it('puts the accepted public answer in the knowledge base, searchable and suggested', async () => {
    const kb = await api('GET', '/questions?knowledge=true&q=koordinasi', s.bandungAdmin);
    expect(kb.json().data.map((q: { id: string }) => q.id)).toEqual([id]);
    expect(kb.json().data[0].acceptedExcerpt).toContain('SK bupati');
    const byAnswer = await api('GET', '/questions?knowledge=true&q=bupati', s.otherMentor);
    expect(byAnswer.json().pagination.total).toBe(1);
    const onIndicator = await api(
      'GET',
      '/questions?knowledge=true&frameworkId=spbe-2020&indicator=3',
      s.jateng,
    );
    expect(onIndicator.json().data).toHaveLength(1);
    const similar = await api('GET', '/questions/similar?title=tim%20koordinasi', s.bandungAdmin);
    expect(similar.json().data.map((q: { id: string }) => q.id)).toEqual([id]);
    expect((await api('GET', '/questions/similar?title=a', s.bandungAdmin)).json().data).toEqual([]);
  });

  it('gives response-time figures per host', async () => {
    const res = await api('GET', '/questions/response-times?host=32.11', s.bandungAdmin);
    expect(res.statusCode).toBe(200);
    const [f] = res.json().data;
    expect(f.host.code).toBe('32.11');
    // Three questions were put to Sumedang; one was answered by its mentor the same day.
    expect(f).toMatchObject({ questions: 3, answered: 1, medianWorkingDays: 0, withinTarget: 1 });
    const all = await api('GET', '/questions/response-times', s.national);
    expect(
      all
        .json()
        .data.map((r: { host: { code: string } }) => r.host.code)
        .sort(),
    ).toEqual(['32.11', '33.74']);
  });
});
