import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type Session, type Sessions, type TestApp } from '../../../../tests/support/test-app';
import { emptyFacts, FACTS_SHAPE } from '../../../shared/followup/facts';
import { followupFacts, orgs } from '../../db/schema';
import { verifyAuditChain } from '../../platform/audit';
import { today } from '../../platform/calendar';

// A team filling one assessment together (issue 9 item 5). On PostgreSQL (TEST_DATABASE_URL) the
// requests really run at once on the pool's connections: saves used to deadlock there (each held
// the assessment's share lock and then updated the assessment row) and answer 500.

const people = {
  a: ['operator', '32.05'],
  b: ['operator', '32.05'],
  c: ['body_admin', '32.05'],
} as const;
let t: TestApp;
let s: Sessions<typeof people>;

beforeAll(async () => {
  ({ t, s } = await openTestApp({ people }));
});
afterAll(() => t?.close());

const req = (method: 'GET' | 'POST' | 'PUT', url: string, who: Session, payload?: unknown) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: who.headers, payload: payload as object });

async function createAssessment(year: number) {
  const res = await req('POST', '/orgs/32.05/assessments', s.a, { year });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().data.id as string;
}

const team = () => [s.a, s.b, s.c];

describe('concurrent saves of one assessment', () => {
  it('answers 200 to 20 people saving different indicators at once', async () => {
    const id = await createAssessment(2023);
    const saves = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        req('PUT', `/assessments/${id}/items/${i + 1}`, team()[i % 3]!, {
          level: 1 + (i % 5),
          justification: `Bukti ${i + 1}`,
          version: 0,
        }),
      ),
    );
    expect(saves.map((r) => r.statusCode)).toEqual(saves.map(() => 200));
    const detail = (await req('GET', `/assessments/${id}`, s.a)).json().data;
    expect(detail.score.answered).toBe(20);
    // The assessment's "updated" time follows its items, though saves no longer write its row.
    const last = Math.max(
      ...detail.items.map((i: { updatedAt: string | null }) => Date.parse(i.updatedAt ?? '0')),
    );
    expect(Date.parse(detail.updatedAt)).toBe(last);
    await t.app.auditChain.flush();
    const chain = await verifyAuditChain(t.database.db, { key: t.app.auditChain.key });
    expect(chain).toMatchObject({ ok: true, pending: 0 });
  });

  it('moves the body’s last activity to today in the same statement as the level, only when it saved', async () => {
    const id = await createAssessment(2020);
    const [org] = await t.database.db.select().from(orgs).where(eq(orgs.code, '32.05'));
    const lastActivity = async () => {
      const [row] = await t.database.db.select().from(followupFacts).where(eq(followupFacts.orgId, org!.id));
      return (row?.facts as { lastActivity?: string } | undefined)?.lastActivity;
    };
    await t.database.db
      .insert(followupFacts)
      .values({
        orgId: org!.id,
        shape: FACTS_SHAPE,
        facts: { ...emptyFacts(org!.id), lastActivity: '2000-01-01' },
      })
      .onConflictDoUpdate({
        target: followupFacts.orgId,
        set: { facts: sql`jsonb_set(followup_facts.facts, '{lastActivity}', '"2000-01-01"')` },
      });
    const stale = await req('PUT', `/assessments/${id}/items/3`, s.a, {
      level: 2,
      justification: 'x',
      version: 5,
    });
    expect(stale.statusCode).toBe(409);
    expect(await lastActivity()).toBe('2000-01-01');
    const saved = await req('PUT', `/assessments/${id}/items/3`, s.a, {
      level: 2,
      justification: 'x',
      version: 0,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(await lastActivity()).toBe(today());
  });

  it('lets exactly one of 20 saves of the same version win; the others get 409, never 500', async () => {
    const id = await createAssessment(2022);
    const saves = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        req('PUT', `/assessments/${id}/items/7`, team()[i % 3]!, {
          level: 2,
          justification: `x${i}`,
          version: 0,
        }),
      ),
    );
    const statuses = saves.map((r) => r.statusCode).sort();
    expect(statuses.filter((c) => c === 200)).toHaveLength(1);
    expect(statuses.filter((c) => c === 409)).toHaveLength(19);
    expect(
      saves.filter((r) => r.statusCode === 409).every((r) => r.json().error.code === 'VERSION_CONFLICT'),
    ).toBe(true);
  });

  it('keeps a submission from slipping between the check and the write of concurrent saves', async () => {
    const id = await createAssessment(2021);
    const detail = (await req('GET', `/assessments/${id}`, s.a)).json().data;
    for (const item of detail.items) {
      const r = await req('PUT', `/assessments/${id}/items/${item.indicator}`, s.a, {
        level: 3,
        justification: 'Bukti',
        serviceName: item.indicator >= 45 ? `Layanan ${item.indicator}` : undefined,
        version: 0,
      });
      expect(r.statusCode, r.body).toBe(200);
    }
    const [submit, ...saves] = await Promise.all([
      req('POST', `/assessments/${id}/transitions/submit`, s.c, {}),
      ...Array.from({ length: 10 }, (_, i) =>
        req('PUT', `/assessments/${id}/items/${i + 1}`, team()[i % 2]!, {
          level: 4,
          justification: 'y',
          version: 1,
        }),
      ),
    ]);
    expect(submit!.statusCode, submit!.body).toBe(200);
    // Each save either landed before the submission (200) or was refused after it (409): none
    // after the submission succeeded, and no 500.
    expect(saves.every((r) => r.statusCode === 200 || r.statusCode === 409)).toBe(true);
    const after = (await req('GET', `/assessments/${id}`, s.a)).json().data;
    expect(after.status).toBe('submitted');
    // The submitted snapshot is exactly what the items hold: no save was written after it.
    const snapshot = (await t.database.db.execute(
      sql`select levels from assessment_submissions where assessment_id = ${id} and round = 1`,
    )) as unknown as { rows: { levels: unknown }[] };
    const levels = Object.fromEntries(
      after.items.map((i: { indicator: number; level: number }) => [String(i.indicator), i.level]),
    );
    expect(snapshot.rows[0]?.levels).toEqual(levels);
  });
});
