import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const all = (level: number) =>
  Object.fromEntries(Array.from({ length: 47 }, (_, i) => [String(i + 1), level]));

describe('public calculator', () => {
  it('lists and shows frameworks without a session', async () => {
    const list = await t.app.inject({ url: '/api/v1/frameworks' });
    expect(list.statusCode).toBe(200);
    expect(list.json().data).toEqual([
      expect.objectContaining({ id: 'spbe-2020', status: 'official', indicatorCount: 47 }),
      expect.objectContaining({ id: 'pemdi-2026', status: 'provisional', indicatorCount: 20 }),
      expect.objectContaining({ id: 'spbe-2018', status: 'official', indicatorCount: 35 }),
    ]);
    // The rating bands, so the web shows a stored "Cukup" as "Fair" to English readers.
    expect(list.json().data[0].predicates).toContainEqual({ min: 1.8, label: { id: 'Cukup', en: 'Fair' } });
    const one = await t.app.inject({ url: '/api/v1/frameworks/spbe-2020' });
    expect(one.json().data.indicators[10].name.id).toBe(
      'Tingkat Kematangan Arsitektur SPBE Instansi Pusat/Pemerintah Daerah',
    );
    expect((await t.app.inject({ url: '/api/v1/frameworks/nope' })).statusCode).toBe(404);
  });

  it('scores levels with domains and aspects', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/frameworks/spbe-2020/score',
      payload: { levels: { ...all(2), 42: 5, 43: 5 } },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    // (200·... ) 2 everywhere plus two weight-3 indicators raised by 3: 2 + 18/100 = 2.18
    expect(body).toMatchObject({
      index: 2.18,
      predicate: 'Cukup',
      complete: true,
      framework: { id: 'spbe-2020' },
    });
    expect(body.domains.map((d: { code: string }) => d.code)).toEqual(['D1', 'D2', 'D3', 'D4']);
    expect(body.aspects).toHaveLength(8);
    expect(body.aspects[7]).toMatchObject({ code: 'A8', index: 3, predicate: 'Baik' });
  });

  it('answers 400 naming each offending field', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/frameworks/spbe-2020/score',
      payload: { levels: { 1: 0, 2: 2.5, 48: 3 } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues.map((i: { field: string }) => i.field)).toEqual([
      'body.levels.1',
      'body.levels.2',
      'body.levels.48',
    ]);
    const wrongType = await t.app.inject({
      method: 'POST',
      url: '/api/v1/frameworks/spbe-2020/score',
      payload: { levels: { 1: 'tiga' } },
    });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().error.details.issues[0].field).toBe('body.levels.1');
  });

  it('plans the cheapest steps to a target index or predicate', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/frameworks/spbe-2020/optimise',
      payload: { levels: all(3), target: 3.5 },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.reachable).toBe(true);
    expect(body.index).toBeGreaterThanOrEqual(3.5);
    expect(body.steps[0]).toEqual({ indicator: expect.any(Number), from: 3, to: 4, effort: 1, year: 1 });
    const byPredicate = await t.app.inject({
      method: 'POST',
      url: '/api/v1/frameworks/spbe-2020/optimise',
      payload: { levels: all(3), target: 'Memuaskan' },
    });
    expect(byPredicate.json()).toMatchObject({ reachable: true, predicate: 'Memuaskan' });
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/frameworks/spbe-2020/optimise',
      payload: { levels: all(3), target: 6 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0].field).toBe('body.target');
  });

  it('spreads rises over the years at the pace asked for, and checks the pace', async () => {
    const optimise = (payload: object) =>
      t.app.inject({ method: 'POST', url: '/api/v1/frameworks/spbe-2020/optimise', payload });
    const slow = (await optimise({ levels: all(2), target: 5 })).json();
    expect(slow).toMatchObject({ reachable: true, years: 3, maxIndex: null });
    expect(slow.byYear.map((y: { index: number }) => y.index)).toEqual([3, 4, 5]);
    expect(slow.steps.filter((s: { indicator: number }) => s.indicator === 1)).toEqual([
      { indicator: 1, from: 2, to: 3, effort: 1, year: 1 },
      { indicator: 1, from: 3, to: 4, effort: 1, year: 2 },
      { indicator: 1, from: 4, to: 5, effort: 1, year: 3 },
    ]);
    expect((await optimise({ levels: all(2), target: 5, maxStepPerYear: 3 })).json().years).toBe(1);
    const capped = (await optimise({ levels: all(1), target: 4, years: 1 })).json();
    expect(capped).toMatchObject({ reachable: false, maxIndex: 2, years: null, steps: [] });
    for (const bad of [
      { maxStepPerYear: 0 },
      { maxStepPerYear: 5 },
      { maxStepPerYear: 'dua' },
      { years: 0 },
    ]) {
      const res = await optimise({ levels: all(2), target: 3, ...bad });
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.json().error.details.issues[0].field).toBe(`body.${Object.keys(bad)[0]}`);
    }
  });
});

describe('loading another framework', () => {
  it('stores a valid definition from a platform admin, lists every problem of an invalid one', async () => {
    const { createUser, login } = await import('../../../../tests/support/test-app');
    const admin = await login(
      t.app,
      (await createUser(t.database, { role: 'platform_admin', orgCode: 'LL-SEKRETARIAT' })).email,
    );
    const operator = await login(
      t.app,
      (await createUser(t.database, { role: 'operator', orgCode: '32.05' })).email,
    );
    const base = (await t.app.inject({ url: '/api/v1/frameworks/spbe-2020' })).json().data;
    const mini = {
      ...base,
      id: 'pemdi-uji',
      version: '2026-draft',
      status: 'provisional',
      name: { id: 'Indeks Pemerintah Digital (uji)', en: 'Digital Government Index (test)' },
      groups: [
        { code: 'A1', name: { id: 'Aspek', en: 'Aspect' }, kind: 'aspect', weight: 100, indicators: [1, 2] },
      ],
      indicators: base.indicators.slice(0, 2).map((i: { weight: number }) => ({ ...i, weight: 50 })),
      predicates: [
        { min: 4, label: { id: 'Memuaskan', en: 'Excellent' } },
        { min: 0, label: { id: 'Kurang', en: 'Poor' } },
      ],
    };
    const post = (body: unknown, who = admin) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/frameworks',
        headers: who.headers,
        payload: body as object,
      });
    expect((await post(mini, operator)).statusCode).toBe(403);
    const broken = await post({ ...mini, id: 'Bad Id', indicators: [{ ...mini.indicators[0], weight: -1 }] });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe('FRAMEWORK_INVALID');
    const paths = broken.json().error.details.problems.map((p: { path: string }) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['id', 'indicators.0.weight']));
    expect((await t.app.inject({ url: '/api/v1/frameworks/Bad Id' })).statusCode).toBe(404);

    expect((await post(mini)).statusCode).toBe(201);
    expect((await post(mini)).statusCode).toBe(409);
    expect((await post({ ...base })).statusCode).toBe(409);
    const list = (await t.app.inject({ url: '/api/v1/frameworks' })).json().data;
    // Shipped frameworks first, then those loaded by admins.
    expect(list.map((f: { id: string }) => f.id)).toEqual([
      'spbe-2020',
      'pemdi-2026',
      'spbe-2018',
      'pemdi-uji',
    ]);
    const scored = await t.app.inject({
      method: 'POST',
      url: '/api/v1/frameworks/pemdi-uji/score',
      payload: { levels: { 1: 4, 2: 5 } },
    });
    expect(scored.json()).toMatchObject({ index: 4.5, predicate: 'Memuaskan', complete: true });
  });
});
