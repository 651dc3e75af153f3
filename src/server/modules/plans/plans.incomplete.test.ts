import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFor, openTestApp, type TestApp } from '../../../../tests/support/test-app';
import { auditEvents } from '../../db/schema';

// Items nobody owns or without a due date: counted on every plan, listed on request, and named to
// the leader, who approves such a plan only by saying so.
let t: TestApp;
let s: Awaited<ReturnType<typeof people>>['s'];
let ids: Awaited<ReturnType<typeof people>>['ids'];
let planId: string;
const people = () =>
  openTestApp({
    people: {
      operator: ['operator', '32.05'],
      bodyAdmin: ['body_admin', '32.05'],
      leader: ['leader', '32.05'],
    } as const,
  });
const api = apiFor(() => t);
const plan = async () => (await api('GET', `/plans/${planId}`, s.leader)).json();
const titles = async (missing: string) =>
  (await api('GET', `/plans/${planId}?missing=${missing}`, s.leader))
    .json()
    .data.items.map((i: { title: string }) => i.title)
    .sort();

beforeAll(async () => {
  ({ t, s, ids } = await people());
  planId = (await api('POST', '/orgs/32.05/plans', s.operator, { period: '2026' })).json().data.id;
});
afterAll(() => t?.close());

describe('incomplete plan items', () => {
  it('are the open items with neither an owner unit nor an assignee, or without a due date', async () => {
    const add = (item: object) => api('POST', `/plans/${planId}/items`, s.operator, item);
    await add({ title: 'Lengkap', ownerUnit: 'Diskominfo', dueDate: '2026-06-30' });
    expect((await plan()).data).toMatchObject({ missingOwnerCount: 0, missingDueDateCount: 0 });
    // An owner unit alone or an assignee alone is an owner; a done item needs neither.
    await add({ title: 'Tanpa pemilik dan tenggat' });
    await add({ title: 'Hanya penanggung jawab', assigneeId: ids.operator });
    await add({ title: 'Sudah selesai', status: 'done' });
    expect((await plan()).data).toMatchObject({ missingOwnerCount: 1, missingDueDateCount: 2 });
    const listed = (await api('GET', '/orgs/32.05/plans', s.leader)).json().data[0];
    expect(listed).toMatchObject({ missingOwnerCount: 1, missingDueDateCount: 2 });
  });

  it('are listed by the plan’s item filter', async () => {
    expect(await titles('owner')).toEqual(['Tanpa pemilik dan tenggat']);
    expect(await titles('dueDate')).toEqual(['Hanya penanggung jawab', 'Tanpa pemilik dan tenggat']);
    expect((await api('GET', `/plans/${planId}?missing=unit`, s.leader)).statusCode).toBe(400);
  });

  it('stop an approval until the leader acknowledges them, in the request’s language', async () => {
    expect((await api('POST', `/plans/${planId}/transitions/submit`, s.bodyAdmin)).statusCode).toBe(200);
    const refused = await api('POST', `/plans/${planId}/transitions/approve`, s.leader);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'PLAN_INCOMPLETE_ITEMS',
      message: expect.stringContaining('tanpa penanggung jawab atau tanpa tenggat'),
      details: {
        missingOwner: 1,
        missingDueDate: 2,
        message: '1 kegiatan tanpa penanggung jawab, 2 kegiatan tanpa tenggat',
      },
    });
    const en = await t.app.inject({
      method: 'POST',
      url: `/api/v1/plans/${planId}/transitions/approve`,
      headers: { ...s.leader.headers, 'accept-language': 'en' },
      payload: { acknowledgeIncomplete: false },
    });
    expect(en.statusCode).toBe(409);
    expect(en.json().error.message).toMatch(/no owner or no due date/);
    expect(en.json().error.details.message).toBe('1 item(s) without an owner, 2 without a due date');
    const wrongType = await api('POST', `/plans/${planId}/transitions/approve`, s.leader, {
      acknowledgeIncomplete: 'ya',
    });
    expect(wrongType.statusCode).toBe(400);
    expect((await plan()).data.status).toBe('submitted');

    const approved = await api('POST', `/plans/${planId}/transitions/approve`, s.leader, {
      acknowledgeIncomplete: true,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().data).toEqual({ status: 'approved', approvedVersion: 1 });
    const [audit] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'plan.approve'), eq(auditEvents.entityId, planId)));
    expect(audit!.summary).toMatchObject({ acknowledgedIncomplete: { missingOwner: 1, missingDueDate: 2 } });
  });

  it('need no acknowledgement once every open item has an owner and a due date', async () => {
    expect((await api('POST', `/plans/${planId}/transitions/revise`, s.bodyAdmin)).statusCode).toBe(200);
    const items = (await plan()).data.items as { id: string; title: string }[];
    const incomplete = items.filter((i) => i.title !== 'Lengkap' && i.title !== 'Sudah selesai');
    const bulk = await api('POST', `/plans/${planId}/items/bulk`, s.operator, {
      itemIds: incomplete.map((i) => i.id),
      patch: { ownerUnit: 'Bappeda', dueDate: '2026-09-30' },
    });
    expect(bulk.statusCode, bulk.body).toBe(200);
    expect((await plan()).data).toMatchObject({ missingOwnerCount: 0, missingDueDateCount: 0 });
    await api('POST', `/plans/${planId}/transitions/submit`, s.bodyAdmin);
    const approved = await api('POST', `/plans/${planId}/transitions/approve`, s.leader);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().data.approvedVersion).toBe(2);
  });
});
