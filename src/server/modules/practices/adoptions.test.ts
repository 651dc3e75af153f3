import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFor, type Session, type TestApp } from '../../../../tests/support/test-app';
import { actionPlans, auditEvents, notifications, orgs } from '../../db/schema';
import { today } from '../../platform/calendar';
import { appWithPeople, practicePayload, uploadTo } from './practices.test-helpers';

let t: TestApp;
type Who =
  | 'mentor'
  | 'hostAdmin'
  | 'otherMentor'
  | 'garutAdmin'
  | 'garutOp'
  | 'garutViewer'
  | 'bandungAdmin'
  | 'jabar';
const s = {} as Record<Who, Session>;
const id = {} as Record<Who, string>;
const practice = {} as Record<'app' | 'perbup' | 'draft', string>;

beforeAll(async () => {
  t = await appWithPeople<Who>(
    [
      ['mentor', 'mentor', '32.11'],
      ['hostAdmin', 'body_admin', '32.11'],
      ['otherMentor', 'mentor', '33.74'],
      ['garutAdmin', 'body_admin', '32.05'],
      ['garutOp', 'operator', '32.05'],
      ['garutViewer', 'viewer', '32.05'],
      ['bandungAdmin', 'body_admin', '32.04'],
      ['jabar', 'province_supervisor', '32'],
    ],
    s,
    id,
  );
  const make = async (over: Record<string, unknown>) => {
    const res = await api('POST', '/practices', s.mentor, practicePayload(over));
    expect(res.statusCode, res.body).toBe(201);
    return res.json().data.id as string;
  };
  practice.app = await make({ status: 'published' });
  practice.perbup = await make({
    status: 'published',
    title: 'Perbup arsitektur',
    type: 'regulation',
    indicators: [{ indicator: 11, level: 4 }],
  });
  practice.draft = await make({ title: 'Masih draf' });
});
afterAll(() => t?.close());

const api = apiFor(() => t);
let adoptionId: string;

const move = (stage: string, body?: unknown, who = s.garutAdmin) =>
  api('POST', `/adoptions/${adoptionId}/transitions/${stage}`, who, body);

describe('replication ledger', () => {
  it('lets the body’s admin or operators adopt a published practice, adding plan items that cite it', async () => {
    const body = { practiceId: practice.app, createItems: true, note: 'Setelah studi tiru' };
    expect((await api('POST', '/orgs/32.05/adoptions', s.garutViewer, body)).statusCode).toBe(403);
    expect((await api('POST', '/orgs/32.05/adoptions', s.bandungAdmin, body)).statusCode).toBe(404);
    expect(
      (await api('POST', '/orgs/32.05/adoptions', s.garutAdmin, { practiceId: practice.draft })).statusCode,
    ).toBe(404);
    expect(
      (
        await api('POST', '/orgs/32.05/adoptions', s.garutAdmin, {
          practiceId: '00000000-0000-4000-8000-000000000000',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await api('POST', '/orgs/32.05/adoptions', s.garutAdmin, { practiceId: 'nope' })).statusCode,
    ).toBe(400);
    // A host does not replicate its own practice.
    expect(
      (await api('POST', '/orgs/32.11/adoptions', s.hostAdmin, { practiceId: practice.app })).statusCode,
    ).toBe(400);

    const res = await api('POST', '/orgs/32.05/adoptions', s.garutOp, body);
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json().data;
    adoptionId = a.id;
    expect(a).toMatchObject({
      stage: 'interested',
      org: { code: '32.05' },
      host: { code: '32.11' },
      practice: { id: practice.app },
      itemCount: 2,
      abilities: { view: true, move: true, moves: ['agreed', 'dropped'], requestAssistance: true },
    });
    expect(a.transitions).toMatchObject([{ from: null, to: 'interested', note: 'Setelah studi tiru' }]);
    expect((await api('POST', '/orgs/32.05/adoptions', s.garutAdmin, body)).json().error.code).toBe(
      'ADOPTION_EXISTS',
    );

    // The plan for the current year was created, and its items cite the practice.
    const [garut] = await t.database.db.select().from(orgs).where(eq(orgs.code, '32.05'));
    const [plan] = await t.database.db.select().from(actionPlans).where(eq(actionPlans.orgId, garut!.id));
    expect(plan!.period).toBe(today().slice(0, 4));
    const items = (await api('GET', `/plans/${plan!.id}`, s.garutViewer)).json().data.items;
    expect(
      items.map((i: { targets: unknown; practice: unknown; source: string }) => [
        i.targets,
        i.practice,
        i.source,
      ]),
    ).toEqual([
      [[{ indicator: 15, level: 4 }], { id: practice.app, title: 'Aplikasi layanan terpadu' }, 'gap'],
      [[{ indicator: 18, level: 4 }], { id: practice.app, title: 'Aplikasi layanan terpadu' }, 'gap'],
    ]);

    // Items can cite a practice by hand too; unknown or draft practices are refused.
    const cite = (practiceId: string) =>
      api('POST', `/plans/${plan!.id}/items`, s.garutOp, { title: 'Kegiatan replikasi', practiceId });
    expect((await cite(practice.perbup)).statusCode).toBe(201);
    expect((await cite(practice.draft)).statusCode).toBe(400);

    // A practice described on another framework cannot put its indicator numbers in a plan of
    // this year's framework: the body is told, and no adoption is half recorded.
    const [current] = await t.database.db.select().from(actionPlans).where(eq(actionPlans.id, plan!.id));
    const older = await api('POST', '/practices', s.mentor, {
      ...practicePayload({ status: 'published', title: 'Praktik SPBE 2020' }),
      frameworkId: current!.frameworkId === 'spbe-2020' ? 'spbe-2018' : 'spbe-2020',
    });
    expect(older.statusCode, older.body).toBe(201);
    const mixed = await api('POST', '/orgs/32.05/adoptions', s.garutOp, {
      practiceId: older.json().data.id,
      createItems: true,
      planId: plan!.id,
    });
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().error.details.issues[0]).toMatchObject({ field: 'body.planId' });
    const auto = await api('POST', '/orgs/32.05/adoptions', s.garutOp, {
      practiceId: older.json().data.id,
      createItems: true,
    });
    expect(auto.statusCode).toBe(400);
    expect(auto.json().error.details.issues[0]).toMatchObject({ field: 'body.createItems' });

    // The host's mentors hear about it.
    const told = await t.database.db.select().from(notifications).where(eq(notifications.userId, id.mentor));
    expect(told.map((n) => n.kind)).toContain('adoption.interested');
  });

  it('moves along the stages with what each records, refusing other moves', async () => {
    const dbg = await move('adapting');
    expect(dbg.json().error.code).toBe('ADOPTION_MOVE_NOT_ALLOWED');
    expect((await move('adapting')).statusCode).toBe(409);
    expect((await move('bogus')).statusCode).toBe(400);
    expect((await api('POST', '/adoptions/not-a-uuid/transitions/agreed', s.garutAdmin, {})).statusCode).toBe(
      400,
    );
    expect((await move('agreed', {})).statusCode).toBe(400);
    const agreement = {
      mouNumber: '005/MoU/2026',
      pksNumber: '005/PKS/2026',
      parties: ['Pemkab Sumedang', 'Pemkab Garut'],
      signedOn: '2026-03-01',
      startsOn: '2026-03-01',
      expiresOn: '2027-03-01',
    };
    expect(
      (await move('agreed', { agreement: { ...agreement, mouNumber: undefined, pksNumber: undefined } }))
        .statusCode,
    ).toBe(400);
    expect((await move('agreed', { agreement: { ...agreement, expiresOn: '2026-01-01' } })).statusCode).toBe(
      400,
    );
    const foreign = await uploadTo(t, s.hostAdmin, '32.11', 'mou-sumedang.pdf');
    const wrongFile = await move('agreed', { agreement: { ...agreement, fileId: foreign } });
    expect(wrongFile.statusCode).toBe(400);
    expect(JSON.stringify(wrongFile.json().error.details)).toContain('body.agreement.fileId');
    // The host's mentors follow the replication but do not move it; other hosts do not see it.
    expect((await move('agreed', { agreement }, s.mentor)).statusCode).toBe(403);
    expect((await move('agreed', { agreement }, s.otherMentor)).statusCode).toBe(404);
    expect((await move('agreed', { agreement }, s.garutViewer)).statusCode).toBe(403);

    const fileId = await uploadTo(t, s.garutAdmin, '32.05', 'mou-bertanda-tangan.pdf');
    const agreed = await move('agreed', { agreement: { ...agreement, fileId }, note: 'MoU ditandatangani' });
    expect(agreed.statusCode, agreed.body).toBe(200);
    expect(agreed.json().data.agreement).toMatchObject({
      mouNumber: '005/MoU/2026',
      expiresOn: '2027-03-01',
      file: { id: fileId, name: 'mou-bertanda-tangan.pdf' },
    });
    expect((await move('adapting', { note: 'Menyesuaikan' })).statusCode).toBe(200);
    expect((await move('live', {})).statusCode).toBe(400);
    expect((await move('live', { url: 'javascript:alert(1)' })).statusCode).toBe(400);
    const live = await move('live', { url: 'https://layanan.garutkab.example/app' });
    expect(live.json().data.live).toEqual({ url: 'https://layanan.garutkab.example/app', file: null });
    expect((await move('measured', { levels: [{ indicator: 99, before: 2, after: 3 }] })).statusCode).toBe(
      400,
    );
    const measured = await move('measured', { levels: [{ indicator: 15, before: 2, after: 4 }] });
    expect(measured.statusCode, measured.body).toBe(200);
    const a = measured.json().data;
    expect(a.measured).toEqual([{ indicator: 15, before: 2, after: 4 }]);
    expect(a.transitions.map((x: { from: string | null; to: string }) => `${x.from}→${x.to}`)).toEqual([
      'null→interested',
      'interested→agreed',
      'agreed→adapting',
      'adapting→live',
      'live→measured',
    ]);
    expect(a.transitions[1].user).toBeTruthy();
    expect(a.abilities.moves).toEqual([]);
    expect((await move('dropped', { reason: 'Tidak jadi' })).statusCode).toBe(409);

    // Every move was audited, attributed to the user.
    const events = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, adoptionId), like(auditEvents.action, 'adoption.%')))
      .orderBy(auditEvents.seq);
    expect(events.map((e) => e.action)).toEqual([
      'adoption.created',
      'adoption.agreed',
      'adoption.adapting',
      'adoption.live',
      'adoption.measured',
    ]);
    expect(events.every((e) => e.actorId)).toBe(true);
  });

  it('drops a replication only with a reason, and takes it up again', async () => {
    const res = await api('POST', '/orgs/32.05/adoptions', s.garutAdmin, { practiceId: practice.perbup });
    adoptionId = res.json().data.id;
    expect(res.json().data.itemCount).toBe(1); // the item cited by hand above
    expect((await move('dropped', {})).statusCode).toBe(400);
    expect((await move('dropped', { reason: 'x' })).statusCode).toBe(400);
    const dropped = await move('dropped', { reason: 'Anggaran dialihkan' });
    expect(dropped.json().data).toMatchObject({ stage: 'dropped', droppedReason: 'Anggaran dialihkan' });
    const again = await move('interested');
    expect(again.json().data).toMatchObject({ stage: 'interested', droppedReason: null });
  });

  it('shows adoptions to the body’s scope and the host’s staff only', async () => {
    expect((await api('GET', `/adoptions/${adoptionId}`, s.mentor)).json().data.abilities.moves).toEqual([]);
    expect((await api('GET', `/adoptions/${adoptionId}`, s.hostAdmin)).statusCode).toBe(200);
    expect((await api('GET', `/adoptions/${adoptionId}`, s.jabar)).statusCode).toBe(200);
    expect((await api('GET', `/adoptions/${adoptionId}`, s.otherMentor)).statusCode).toBe(404);
    expect((await api('GET', `/adoptions/${adoptionId}`, s.bandungAdmin)).statusCode).toBe(404);
    expect((await api('GET', '/adoptions/not-a-uuid', s.mentor)).statusCode).toBe(404);
    const list = (await api('GET', '/orgs/32.05/adoptions', s.garutViewer)).json().data;
    expect(list.map((a: { stage: string }) => a.stage).sort()).toEqual(['interested', 'measured']);
    expect((await api('GET', '/orgs/32.05/adoptions', s.bandungAdmin)).statusCode).toBe(404);
  });

  it('lists a host’s followers with their stages and open requests', async () => {
    await api('POST', '/orgs/32.05/assistance-requests', s.garutOp, {
      hostCode: '32.11',
      topic: 'Bantuan integrasi',
    });
    const res = await api('GET', '/orgs/32.11/followers', s.mentor);
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json().data;
    expect(f.stageCounts).toMatchObject({ interested: 1, measured: 1, dropped: 0 });
    expect(f.bodies).toHaveLength(1);
    expect(f.bodies[0].org.code).toBe('32.05');
    expect(f.bodies[0].adoptions.map((a: { stage: string }) => a.stage).sort()).toEqual([
      'interested',
      'measured',
    ]);
    expect(f.bodies[0].openAssistance.map((r: { topic: string }) => r.topic)).toEqual(['Bantuan integrasi']);
    expect((await api('GET', '/orgs/32.11/followers', s.hostAdmin)).statusCode).toBe(200);
    expect((await api('GET', '/orgs/32.11/followers', s.jabar)).statusCode).toBe(200);
    expect((await api('GET', '/orgs/32.11/followers', s.garutAdmin)).statusCode).toBe(404);
    expect((await api('GET', '/orgs/33.74/followers', s.mentor)).statusCode).toBe(404);
    // Garut is not a host: it has no followers to show.
    expect((await api('GET', '/orgs/32.05/followers', s.garutAdmin)).json().error.code).toBe('HOST_ONLY');
    expect((await api('GET', '/orgs/32.11/followers', s.garutViewer)).statusCode).toBe(404);
  });
});
