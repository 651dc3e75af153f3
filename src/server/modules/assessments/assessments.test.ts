import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type Session, type Sessions, type TestApp } from '../../../../tests/support/test-app';
import { verifyAuditChain } from '../../../server/platform/audit';

const people = {
  operator: ['operator', '32.05'],
  operator2: ['operator', '32.05'],
  bodyAdmin: ['body_admin', '32.05'],
  viewer: ['viewer', '32.05'],
  mentor: ['mentor', '32.11'],
  provinceSup: ['province_supervisor', '32'],
  otherOp: ['operator', '32.04'],
} as const;
let t: TestApp;
let s: Sessions<typeof people>;

beforeAll(async () => {
  ({ t, s } = await openTestApp({ host: '32.11', mentees: ['32.05'], people }));
});
afterAll(() => t?.close());

const req = (method: 'GET' | 'POST' | 'PUT', url: string, who: Session, payload?: unknown) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: who.headers, payload: payload as object });

async function createAssessment(year: number, who = s.operator) {
  const res = await req('POST', '/orgs/32.05/assessments', who, { year });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().data.id as string;
}

async function fillAll(id: string, level: number) {
  const detail = (await req('GET', `/assessments/${id}`, s.operator)).json().data;
  for (const item of detail.items) {
    const res = await req('PUT', `/assessments/${id}/items/${item.indicator}`, s.operator, {
      level,
      justification: `Bukti untuk indikator ${item.indicator}`,
      serviceName: item.indicator >= 45 ? `Layanan sektoral ${item.indicator}` : undefined,
      version: item.version,
    });
    expect(res.statusCode, res.body).toBe(200);
  }
}

describe('self-assessment', () => {
  it('creates one assessment per body, year and framework with all 47 indicators', async () => {
    const id = await createAssessment(2024);
    const again = await req('POST', '/orgs/32.05/assessments', s.bodyAdmin, { year: 2024 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ASSESSMENT_EXISTS');
    const detail = (await req('GET', `/assessments/${id}`, s.viewer)).json();
    expect(detail.data.items).toHaveLength(47);
    expect(detail.data.status).toBe('draft');
    expect(detail.data.score.provisional).toBe(true);
    expect(detail.abilities.edit).toBe(false); // a viewer reads only
    const list = (await req('GET', '/orgs/32.05/assessments', s.operator)).json();
    expect(list.data.map((a: { year: number }) => a.year)).toContain(2024);
    expect(list.abilities.create).toBe(true);
  });

  it('refuses bad years, viewers, and bodies outside the actor’s scope', async () => {
    expect((await req('POST', '/orgs/32.05/assessments', s.operator, { year: 1999 })).statusCode).toBe(400);
    expect((await req('POST', '/orgs/32.05/assessments', s.viewer, { year: 2023 })).statusCode).toBe(403);
    expect((await req('POST', '/orgs/32.05/assessments', s.otherOp, { year: 2023 })).statusCode).toBe(404);
    const id = await createAssessment(2022);
    expect((await req('GET', `/assessments/${id}`, s.otherOp)).statusCode).toBe(404);
    const bad = await req('PUT', `/assessments/${id}/items/1`, s.operator, { level: 6, version: 0 });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error.details)).toContain('level');
    expect(
      (await req('PUT', `/assessments/${id}/items/48`, s.operator, { level: 2, version: 0 })).statusCode,
    ).toBe(404);
    const svc = await req('PUT', `/assessments/${id}/items/3`, s.operator, {
      level: 2,
      serviceName: 'x',
      version: 0,
    });
    expect(svc.statusCode).toBe(400);
  });

  it('never lets two editors overwrite each other silently', async () => {
    const id = await createAssessment(2021);
    const first = await req('PUT', `/assessments/${id}/items/7`, s.operator, {
      level: 3,
      justification: 'SOP sudah ditetapkan',
      version: 0,
    });
    expect(first.json().data.version).toBe(1);
    const second = await req('PUT', `/assessments/${id}/items/7`, s.operator2, {
      level: 2,
      justification: 'Belum ada SK',
      version: 0,
    });
    expect(second.statusCode).toBe(409);
    const err = second.json().error;
    expect(err.code).toBe('VERSION_CONFLICT');
    expect(err.details.current).toMatchObject({
      level: 3,
      justification: 'SOP sudah ditetapkan',
      version: 1,
    });
    expect(err.details.yours).toMatchObject({ level: 2, justification: 'Belum ada SK', version: 0 });
    // Having seen both, the second editor saves on top of the current version.
    const retry = await req('PUT', `/assessments/${id}/items/7`, s.operator2, { level: 2, version: 1 });
    expect(retry.statusCode).toBe(200);
    const history = (await req('GET', `/assessments/${id}/items/7/history`, s.viewer)).json().data;
    expect(history.map((h: { level: number }) => h.level)).toEqual([2, 3]);
    expect(history[0].previousLevel).toBe(3);
    // Each written save is audited in its own statement, with who, the change and the version;
    // the refused save wrote no event, and the chain still verifies.
    const audit = await req('GET', '/audit-events?action=assessment.level_saved', s.bodyAdmin);
    const events = audit
      .json()
      .data.filter((e: { entityId: string }) => e.entityId === id)
      .map((e: { actorEmail: string | null; summary: unknown; requestId: string | null }) => ({
        summary: e.summary,
        byUser: e.actorEmail?.endsWith('@example.test'),
        inRequest: typeof e.requestId === 'string',
      }));
    expect(events).toEqual([
      { summary: { indicator: 7, from: 3, to: 2, version: 2 }, byUser: true, inRequest: true },
      { summary: { indicator: 7, from: null, to: 3, version: 1 }, byUser: true, inRequest: true },
    ]);
    await t.app.auditChain.flush();
    expect((await verifyAuditChain(t.database.db, { key: t.app.auditChain.key })).ok).toBe(true);
  });

  it('runs the review workflow: submit, review, return one indicator, resubmit with a diff, accept', async () => {
    const id = await createAssessment(2025);
    // Incomplete assessments cannot be submitted, and the answer lists what is missing.
    const early = await req('POST', `/assessments/${id}/transitions/submit`, s.bodyAdmin);
    expect(early.statusCode, early.body).toBe(400);
    expect(early.json().error.details.missing?.levels, early.body).toHaveLength(47);
    await fillAll(id, 2);
    // Operators fill in; the body admin submits.
    expect((await req('POST', `/assessments/${id}/transitions/submit`, s.operator)).statusCode).toBe(403);
    const submitted = await req('POST', `/assessments/${id}/transitions/submit`, s.bodyAdmin, {
      note: 'Siap ditinjau',
    });
    expect(submitted.json().data).toEqual({ status: 'submitted', round: 1 });
    // Nothing can be edited while submitted.
    const locked = await req('PUT', `/assessments/${id}/items/1`, s.operator, { level: 3, version: 1 });
    expect(locked.json().error.code).toBe('INVALID_STATE');
    // The body admin cannot review their own body; the mentor (host Sumedang) can.
    expect((await req('POST', `/assessments/${id}/transitions/start-review`, s.bodyAdmin)).statusCode).toBe(
      403,
    );
    expect((await req('POST', `/assessments/${id}/transitions/start-review`, s.mentor)).statusCode).toBe(200);
    const noComments = await req('POST', `/assessments/${id}/transitions/return`, s.mentor, {});
    expect(noComments.statusCode).toBe(400);
    const returned = await req('POST', `/assessments/${id}/transitions/return`, s.mentor, {
      comments: [{ indicator: 11, body: 'Lampirkan SK Tim Koordinasi SPBE.' }],
    });
    expect(returned.json().data.status).toBe('returned');
    // Only the commented indicator reopens.
    const stillLocked = await req('PUT', `/assessments/${id}/items/12`, s.operator, { level: 3, version: 1 });
    expect(stillLocked.statusCode).toBe(409);
    const fixed = await req('PUT', `/assessments/${id}/items/11`, s.operator, {
      level: 3,
      justification: 'SK terlampir',
      version: 1,
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect((await req('POST', `/assessments/${id}/transitions/resubmit`, s.bodyAdmin)).json().data).toEqual({
      status: 'resubmitted',
      round: 2,
    });
    // The province supervisor may review too, and sees exactly what changed.
    expect((await req('POST', `/assessments/${id}/transitions/start-review`, s.provinceSup)).statusCode).toBe(
      200,
    );
    const detail = (await req('GET', `/assessments/${id}`, s.provinceSup)).json();
    const changed = detail.data.items.filter(
      (i: { changedSinceLastRound: boolean }) => i.changedSinceLastRound,
    );
    expect(
      changed.map((i: { indicator: number; previousRoundLevel: number }) => [
        i.indicator,
        i.previousRoundLevel,
      ]),
    ).toEqual([[11, 2]]);
    expect(
      detail.data.items.find((i: { indicator: number }) => i.indicator === 11).comments[0].body,
    ).toContain('SK Tim');
    expect(detail.abilities.accept).toBe(true);
    const accepted = await req('POST', `/assessments/${id}/transitions/accept`, s.provinceSup);
    expect(accepted.json().data.status).toBe('accepted');
    expect((await req('POST', `/assessments/${id}/transitions/accept`, s.provinceSup)).statusCode).toBe(409);
    const final = (await req('GET', `/assessments/${id}`, s.operator)).json().data;
    expect(final.transitions.map((x: { to: string }) => x.to)).toEqual([
      'submitted',
      'in_review',
      'returned',
      'resubmitted',
      'in_review',
      'accepted',
    ]);
    expect(final.score.complete).toBe(true);
    expect(final.score.provisional).toBe(false);
    // Every transition is audited, and the chain still verifies.
    const audit = await req('GET', '/audit-events?action=assessment.accept', s.bodyAdmin);
    expect(audit.json().data.length).toBe(1);
    expect((await verifyAuditChain(t.database.db, { key: t.app.auditChain.key })).ok).toBe(true);
  });

  it('lets reviewers and editors comment, and nobody else', async () => {
    const id = await createAssessment(2020);
    const ok = await req('POST', `/assessments/${id}/items/5/comments`, s.mentor, {
      body: 'Perlu bukti SK.',
    });
    expect(ok.statusCode).toBe(201);
    expect(
      (await req('POST', `/assessments/${id}/items/5/comments`, s.viewer, { body: 'x' })).statusCode,
    ).toBe(403);
    expect(
      (await req('POST', `/assessments/${id}/items/5/comments`, s.otherOp, { body: 'x' })).statusCode,
    ).toBe(404);
  });

  it('exports the assessment as CSV and XLSX', async () => {
    const id = await createAssessment(2023);
    await req('PUT', `/assessments/${id}/items/1`, s.operator, {
      level: 3,
      justification: '=SUM(A1)',
      version: 0,
    });
    const csv = await req('GET', `/assessments/${id}/export`, s.viewer);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toContain('penilaian-mandiri-32.05-2023.csv');
    const lines = csv.body.split('\n');
    expect(lines[0]).toContain('indikator,domain,aspek,nama_indikator');
    expect(lines[1]).toContain('D1 Kebijakan Internal SPBE');
    // A justification that looks like a formula is neutralised.
    expect(lines[1]).toContain("'=SUM(A1)");
    expect(lines.filter((l) => l.trim()).length).toBe(1 + 47 + 1);
    const xlsx = await req('GET', `/assessments/${id}/export?format=xlsx`, s.viewer);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await req('GET', `/assessments/${id}/export`, s.otherOp)).statusCode).toBe(404);
  });
});
