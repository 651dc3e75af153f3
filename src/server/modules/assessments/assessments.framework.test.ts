import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  createUser,
  login,
  type Session,
  type TestApp,
} from '../../../../tests/support/test-app';
import { spbe2020Framework } from '../../../shared/framework/frameworks';

// The evaluation year decides the framework of a new self-assessment (framework-for-year.ts), and
// a platform admin's correction of a framework serves new work only.

let t: TestApp;
let postponed: TestApp;
let operator: Session;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp();
  operator = await login(t.app, (await createUser(t.database, { role: 'operator', orgCode: '32.05' })).email);
  admin = await login(
    t.app,
    (await createUser(t.database, { role: 'platform_admin', orgCode: 'LL-SEKRETARIAT' })).email,
  );
});
afterAll(async () => {
  await t?.close();
  await postponed?.close();
});

const call = (app: TestApp, method: 'GET' | 'POST', url: string, who?: Session, payload?: unknown) =>
  app.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: { ...who?.headers, 'accept-language': 'en' },
    payload: payload as object,
  });

async function open(app: TestApp, who: Session, body: object) {
  const res = await call(app, 'POST', '/orgs/32.05/assessments', who, body);
  expect(res.statusCode, res.body).toBe(201);
  return (await call(app, 'GET', `/assessments/${res.json().data.id}`, who)).json().data;
}

describe('the year decides the framework of a new self-assessment', () => {
  it('opens 2027 on pemdi-2026 and 2025 on spbe-2020, without the client naming either', async () => {
    const y2027 = await open(t, operator, { year: 2027 });
    expect(y2027.framework).toEqual({ id: 'pemdi-2026', version: '2026' });
    expect(y2027.items).toHaveLength(20);
    const y2025 = await open(t, operator, { year: 2025 });
    expect(y2025.framework).toEqual({ id: 'spbe-2020', version: spbe2020Framework.version });
    expect(y2025.items).toHaveLength(47);
    // A year the 2018 framework evaluated, which no newer framework covers.
    expect((await open(t, operator, { year: 2019 })).framework.id).toBe('spbe-2018');
  });

  it('accepts the year’s own framework by name and refuses another with a 400 naming the right one', async () => {
    expect((await open(t, operator, { year: 2026, frameworkId: 'pemdi-2026' })).framework.id).toBe(
      'pemdi-2026',
    );
    const wrong = await call(t, 'POST', '/orgs/32.05/assessments', operator, {
      year: 2024,
      frameworkId: 'pemdi-2026',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details.issues).toEqual([
      expect.objectContaining({
        field: 'body.frameworkId',
        message: 'Evaluation year 2024 is assessed on framework spbe-2020, not pemdi-2026',
      }),
    ]);
    const history = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orgs/32.05/assessments',
      headers: operator.headers,
      payload: { year: 2023, frameworkId: 'spbe-2018' },
    });
    expect(history.statusCode).toBe(400);
    expect(history.json().error.details.issues[0].message).toBe(
      'Tahun evaluasi 2023 dinilai dengan kerangka spbe-2020, bukan spbe-2018',
    );
    const unknown = await call(t, 'POST', '/orgs/32.05/assessments', operator, {
      year: 2024,
      frameworkId: 'x',
    });
    expect(unknown.statusCode).toBe(400);
  });

  it('tells anyone which framework a year uses', async () => {
    const res = await call(t, 'GET', '/frameworks/for-year/2027');
    expect(res.statusCode).toBe(200);
    expect(res.json().data).toMatchObject({
      year: 2027,
      by: 'years',
      framework: { id: 'pemdi-2026', status: 'provisional', appliesFrom: 2026, shipped: true },
    });
    expect((await call(t, 'GET', '/frameworks/for-year/2020')).json().data.framework.id).toBe('spbe-2018');
    // An address that cannot name a year names nothing (the house rule for malformed path ids).
    expect((await call(t, 'GET', '/frameworks/for-year/1990')).statusCode).toBe(404);
    expect((await call(t, 'GET', '/frameworks/for-year/dua')).statusCode).toBe(404);
  });

  it('follows ASSESSMENT_FRAMEWORK_BY_YEAR, and refuses clearly a configured framework not loaded', async () => {
    postponed = await createTestApp({ ASSESSMENT_FRAMEWORK_BY_YEAR: '2026:spbe-2020,2027:pemdi-2027' });
    const op = await login(
      postponed.app,
      (await createUser(postponed.database, { role: 'operator', orgCode: '32.05' })).email,
    );
    expect((await open(postponed, op, { year: 2026 })).framework.id).toBe('spbe-2020');
    const year = await call(postponed, 'GET', '/frameworks/for-year/2026');
    expect(year.json().data).toMatchObject({ by: 'configured', framework: { id: 'spbe-2020' } });
    const missing = await call(postponed, 'POST', '/orgs/32.05/assessments', op, { year: 2027 });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.issues[0]).toMatchObject({
      field: 'body.year',
      message:
        'Evaluation year 2027 is set to use framework pemdi-2027, which is not loaded; contact a platform admin',
    });
  });
});

describe('a platform admin corrects a shipped framework without a release', () => {
  it('serves the correction to new work while earlier assessments keep their version, audited', async () => {
    const before = await open(t, operator, { year: 2024 });
    const base = (await call(t, 'GET', '/frameworks/spbe-2020')).json().data;
    const corrected = {
      ...base,
      version: '2020-koreksi-1',
      indicators: base.indicators.map((i: { number: number; name: { id: string; en: string } }) =>
        i.number === 1 ? { ...i, name: { ...i.name, id: `${i.name.id} (dikoreksi)` } } : i,
      ),
    };
    const operatorTry = await call(t, 'POST', '/frameworks', operator, corrected);
    expect(operatorTry.statusCode).toBe(403);
    const loaded = await call(t, 'POST', '/frameworks', admin, corrected);
    expect(loaded.statusCode, loaded.body).toBe(201);
    expect(loaded.json().data).toMatchObject({
      version: '2020-koreksi-1',
      replaces: spbe2020Framework.version,
    });
    expect((await call(t, 'POST', '/frameworks', admin, corrected)).statusCode).toBe(409);
    expect((await call(t, 'POST', '/frameworks', admin, base)).statusCode).toBe(409);

    const list = (await call(t, 'GET', '/frameworks')).json().data;
    expect(list.find((f: { id: string }) => f.id === 'spbe-2020')).toMatchObject({
      version: '2020-koreksi-1',
      shipped: true,
      correctsVersion: spbe2020Framework.version,
    });
    const after = await open(t, operator, { year: 2023 });
    expect(after.framework).toEqual({ id: 'spbe-2020', version: '2020-koreksi-1' });
    // Each assessment reads its framework in the version it recorded.
    const reread = (await call(t, 'GET', `/assessments/${before.id}`, operator)).json().data;
    expect(reread.framework.version).toBe(spbe2020Framework.version);
    const old = await call(t, 'GET', `/frameworks/spbe-2020?version=${spbe2020Framework.version}`);
    expect(old.json().data.indicators[0].name.id).toBe(spbe2020Framework.indicators[0]!.name.id);
    const now = (await call(t, 'GET', '/frameworks/spbe-2020')).json().data;
    expect(now.indicators[0].name.id).toMatch(/\(dikoreksi\)$/);

    const audit = await call(t, 'GET', '/audit-events?action=framework.corrected', admin);
    expect(audit.json().data).toEqual([
      expect.objectContaining({
        action: 'framework.corrected',
        entityId: 'spbe-2020',
        summary: expect.objectContaining({ version: '2020-koreksi-1', replaces: spbe2020Framework.version }),
      }),
    ]);
  });
});
