import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type Session, type Sessions, type TestApp } from '../../../../tests/support/test-app';
import { assessmentItems } from '../../db/schema';

// Indicators 45–47 score three sectoral public services the body chooses: the same service may
// not be named twice in one assessment (issue 11). On PostgreSQL (TEST_DATABASE_URL) the
// concurrent saves below really run at once.

const people = {
  a: ['operator', '32.05'],
  b: ['operator', '32.05'],
  admin: ['body_admin', '32.05'],
} as const;
let t: TestApp;
let s: Sessions<typeof people>;

beforeAll(async () => {
  ({ t, s } = await openTestApp({ people }));
});
afterAll(() => t?.close());

const req = (method: 'GET' | 'POST' | 'PUT', url: string, who: Session, payload?: unknown, lang = 'id') =>
  t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { ...who.headers, 'accept-language': lang },
    payload: payload as object,
  });

async function createAssessment(year: number) {
  const res = await req('POST', '/orgs/32.05/assessments', s.a, { year });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().data.id as string;
}

const items = async (id: string) =>
  (await req('GET', `/assessments/${id}`, s.a)).json().data.items as {
    indicator: number;
    level: number | null;
    serviceName: string | null;
    version: number;
  }[];

async function name(id: string, indicator: number, serviceName: string, who = s.a, lang = 'id') {
  const version = (await items(id)).find((i) => i.indicator === indicator)!.version;
  return req('PUT', `/assessments/${id}/items/${indicator}`, who, { level: 3, serviceName, version }, lang);
}

describe('the three sectoral public services (45–47)', () => {
  it('refuses a service already named on another indicator, whatever its case and spacing', async () => {
    const id = await createAssessment(2024);
    expect((await name(id, 45, 'Layanan Perizinan Berusaha')).statusCode).toBe(200);
    const before = (await items(id)).find((i) => i.indicator === 46)!;

    const id409 = await name(id, 46, '  layanan   PERIZINAN berusaha ');
    expect(id409.statusCode).toBe(409);
    const err = id409.json().error;
    expect(err.code).toBe('ASSESSMENT_SERVICE_TAKEN');
    expect(err.message).toMatch(/sudah dipilih pada indikator lain/);
    expect(err.details).toEqual({
      indicator: 45,
      issues: [{ field: 'body.serviceName', message: 'Layanan ini sudah dipilih pada indikator 45' }],
    });
    const en = (await name(id, 47, 'LayananPerizinanBerusaha', s.b, 'en')).json().error;
    expect(en.message).toMatch(/already chosen for another indicator/);
    expect(en.details.issues[0].message).toBe('This service is already chosen for indicator 45');

    // Nothing was written: not the name, not the level that came with it.
    expect((await items(id)).find((i) => i.indicator === 46)).toEqual(before);
  });

  it('lets an indicator keep its own name, blank names stand for no service, and a freed name be taken', async () => {
    const id = await createAssessment(2023);
    expect((await name(id, 45, 'Layanan Kesehatan')).statusCode).toBe(200);
    expect((await name(id, 45, 'layanan kesehatan')).statusCode).toBe(200); // itself, retyped
    expect((await name(id, 46, '   ')).statusCode).toBe(200);
    expect((await name(id, 47, '')).statusCode).toBe(200);
    expect((await name(id, 46, 'Layanan Kesehatan')).statusCode).toBe(409);
    expect((await name(id, 45, 'Layanan Pendidikan')).statusCode).toBe(200);
    expect((await name(id, 46, 'Layanan Kesehatan')).statusCode).toBe(200);
    // A save without a name (a level only) keeps the stored one and is not checked again.
    const i46 = (await items(id)).find((i) => i.indicator === 46)!;
    const levelOnly = await req('PUT', `/assessments/${id}/items/46`, s.b, {
      level: 4,
      version: i46.version,
    });
    expect(levelOnly.statusCode, levelOnly.body).toBe(200);
    expect(levelOnly.json().data.serviceName).toBe('Layanan Kesehatan');
  });

  it('answers 400, not 500, to a malformed service name', async () => {
    const id = await createAssessment(2022);
    const version = 0;
    for (const serviceName of [42, ['Layanan'], 'x'.repeat(201)]) {
      const r = await req('PUT', `/assessments/${id}/items/45`, s.a, { level: 2, serviceName, version });
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json().error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('lets exactly one of two people naming the same service at once succeed', async () => {
    const id = await createAssessment(2021);
    for (let round = 0; round < 3; round++) {
      const current = await items(id);
      const v = (n: number) => current.find((i) => i.indicator === n)!.version;
      const service = `Layanan Kependudukan ${round}`;
      const saves = await Promise.all([
        req('PUT', `/assessments/${id}/items/46`, s.a, { level: 2, serviceName: service, version: v(46) }),
        req('PUT', `/assessments/${id}/items/47`, s.b, { level: 2, serviceName: service, version: v(47) }),
      ]);
      expect(saves.map((r) => r.statusCode).sort(), saves.map((r) => r.body).join('\n')).toEqual([200, 409]);
      const stored = (await items(id)).filter((i) => i.serviceName === service);
      expect(stored).toHaveLength(1);
    }
  });

  it('keeps an assessment naming a service twice (saved before the rule) from being submitted', async () => {
    const id = await createAssessment(2025);
    for (const item of await items(id)) {
      const r = await req('PUT', `/assessments/${id}/items/${item.indicator}`, s.a, {
        level: 3,
        serviceName: item.indicator >= 45 ? `Layanan ${item.indicator}` : undefined,
        version: item.version,
      });
      expect(r.statusCode, r.body).toBe(200);
    }
    // As an older version of the platform (or a direct import) could have stored it.
    await t.database.db
      .update(assessmentItems)
      .set({ serviceName: 'LAYANAN 45 ' })
      .where(and(eq(assessmentItems.assessmentId, id), eq(assessmentItems.indicator, 47)));
    const refused = await req('POST', `/assessments/${id}/transitions/submit`, s.admin, {});
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({
      code: 'ASSESSMENT_INCOMPLETE',
      details: { missing: { levels: [], serviceNames: [], repeatedServices: [47] } },
    });
    expect((await name(id, 47, 'Layanan Pariwisata')).statusCode).toBe(200);
    const submitted = await req('POST', `/assessments/${id}/transitions/submit`, s.admin, {});
    expect(submitted.statusCode, submitted.body).toBe(200);
  });
});
