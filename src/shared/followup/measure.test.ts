import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar';
import { type BodyFacts, type BodyInfo, emptyFacts } from './facts';
import { drillDown, figures, measureScope, type Scope } from './measure';
import { ctx, HOST, official, self, stored, visit, weights } from './measure.fixtures';
import { measureBody, milestones } from './milestones';
import { pathProgress } from './path';

describe('one body', () => {
  it('does not count a rise that happened before the visit, nor self-assessed gains as improved', () => {
    const f = {
      ...emptyFacts('garut'),
      visits: [visit('2026-03-10')],
      results: [official(2023, 2.1), official(2024, 2.6)],
    };
    const m = measureBody(f, ctx())!;
    expect(m.hits.improved).toBeUndefined();
    f.results.push(self('2027-05-01', { '1': 3 }, true, 3.4), self('2026-04-01', { '1': 2 }, true, 2.2));
    expect(measureBody(f, ctx())!.hits.improved).toBeUndefined();
    expect(measureBody(f, ctx())!.selfReported?.reason?.en).toContain('self-assessed 2026 2.20 → 2027 3.40');
    f.results.push(official(2027, 2.9));
    const hit = measureBody(f, ctx())!.hits.improved!;
    expect(hit.reason!.en).toBe('official 2024 2.60 → 2027 2.90; visit to Kabupaten Sumedang 10-03-2026');
  });

  it('counts each milestone independently: improved without signing or planning', () => {
    const f = {
      ...emptyFacts('b'),
      visits: [visit('2024-11-21')],
      results: [official(2024, 2.6), official(2025, 2.9)],
    };
    const m = measureBody(f, ctx())!;
    expect(Object.keys(m.hits)).toEqual(['improved']);
    expect(m.hits.improved!.reason!.id).toBe(
      'resmi 2024 2.60 → 2025 2.90; kunjungan ke Kabupaten Sumedang 21-11-2024',
    );
    expect(m.followedUp).toBeNull();
  });

  it('takes the first visit, else the signing, else joining as the reference date', () => {
    const base = emptyFacts('b');
    const signed = {
      ...base,
      signatures: [{ id: 's', date: '2023-01-05', textVersion: 1 }],
      programmes: [{ programmeId: 'p', date: '2022-01-01' }],
    };
    expect(measureBody(signed, ctx())!.referenceDate).toBe('2023-01-05');
    expect(
      measureBody({ ...signed, visits: [visit('2024-02-02'), visit('2023-06-01')] }, ctx())!.referenceDate,
    ).toBe('2023-06-01');
    expect(
      measureBody({ ...base, programmes: [{ programmeId: 'p', date: '2022-01-01' }] }, ctx())!.referenceDate,
    ).toBe('2022-01-01');
    expect(measureBody(base, ctx())).toBeNull();
  });

  it('measures the path to the host: weighted share of the gap closed, on the best-evidenced levels', () => {
    const host = {
      ...emptyFacts(HOST),
      results: [official(2023, 3.8, { '1': 4, '2': 3, '11': 4, '12': 2 })],
    };
    const body = {
      ...emptyFacts('b'),
      visits: [visit('2024-03-01')],
      results: [
        self('2024-04-01', { '1': 2, '2': 3, '11': 2, '12': 2 }, false),
        // Not accepted: not evidence enough for progress.
        self('2025-04-01', { '1': 4, '2': 3, '11': 4, '12': 2 }, false),
      ],
    };
    const p0 = pathProgress(body, host, '2024-03-01', weights);
    expect(p0.gap.map((g) => g.indicator)).toEqual([1, 11]);
    expect(p0.progress).toBe(0);
    body.results.push(official(2025, 3, { '1': 3, '2': 3, '11': 3, '12': 2 }));
    const p1 = pathProgress(body, host, '2024-03-01', weights);
    // gap: 1.3×2 + 2.5×2 = 7.6; closed: 1.3×1 + 2.5×1 = 3.8
    expect(p1.progress).toBeCloseTo(0.5);
    expect(p1.current).toMatchObject({ source: 'official', year: 2025 });
    const m = measureBody(body, ctx(new Map([[HOST, host]])))!;
    expect(m.hits.followingPath?.reason?.en).toBe('50% of the gap to the host closed');
  });

  it('counts a live replicated practice as following the path', () => {
    const f: BodyFacts = {
      ...emptyFacts('b'),
      visits: [visit('2024-03-01')],
      adoptions: [
        {
          id: 'a',
          practiceId: 'p',
          hostOrgId: HOST,
          stage: 'live',
          agreedOn: '2024-05-01',
          liveOn: '2024-09-01',
        },
      ],
    };
    const m = measureBody(f, ctx())!;
    expect(m.hits.replicating?.date).toBe('2024-05-01');
    expect(m.hits.followingPath?.date).toBe('2024-09-01');
    expect(m.followedUp?.date).toBe('2024-05-01');
  });
});

const day = fc.integer({ min: 0, max: 1500 }).map((n) => addDays('2022-01-01', n));
const bodyArb = fc.record({
  visits: fc.array(day, { maxLength: 2 }),
  signatures: fc.array(day, { maxLength: 2 }),
  programmes: fc.array(day, { maxLength: 1 }),
  submissions: fc.array(day, { maxLength: 3 }),
  approvals: fc.array(day, { maxLength: 2 }),
  acting: fc.array(day, { maxLength: 4 }),
  adoptions: fc.array(fc.record({ agreed: day, live: fc.option(day) }), { maxLength: 2 }),
  official: fc.array(
    fc.record({ year: fc.integer({ min: 2020, max: 2026 }), index: fc.integer({ min: 100, max: 500 }) }),
    {
      maxLength: 3,
    },
  ),
  province: fc.constantFrom('32', '33'),
});
type Gen = typeof bodyArb extends fc.Arbitrary<infer T> ? T : never;

function toFacts(id: string, g: Gen): BodyFacts {
  return {
    ...emptyFacts(id),
    visits: g.visits.map((d) => visit(d)),
    signatures: g.signatures.map((d, i) => ({ id: `${id}-s${i}`, date: d, textVersion: 1 + (i % 2) })),
    programmes: g.programmes.map((d) => ({ programmeId: 'prog', date: d })),
    submissions: g.submissions.map((d) => ({
      date: d,
      year: Number(d.slice(0, 4)),
      frameworkId: 'spbe-2020',
    })),
    approvals: g.approvals,
    acting: [...new Set(g.acting)].sort(),
    adoptions: g.adoptions.map((a, i) => ({
      id: `${id}-a${i}`,
      practiceId: 'p',
      hostOrgId: HOST,
      stage: a.live ? 'live' : 'agreed',
      agreedOn: a.agreed,
      liveOn: a.live && a.live >= a.agreed ? a.live : null,
    })),
    results: g.official.map((o) => official(o.year, o.index / 100)),
  };
}

describe('properties of the measure', () => {
  it('an event dated before the reference date never changes a milestone', () => {
    fc.assert(
      fc.property(bodyArb, fc.integer({ min: 1, max: 400 }), (g, back) => {
        fc.pre(g.visits.length > 0);
        const f = toFacts('b', g);
        const before = measureBody(f, ctx())!;
        const early = addDays(before.referenceDate, -back);
        const g2: BodyFacts = {
          ...f,
          signatures: [...f.signatures, { id: 'x', date: early, textVersion: 1 }],
          submissions: [
            ...f.submissions,
            { date: early, year: Number(early.slice(0, 4)), frameworkId: 'spbe-2020' },
          ],
          approvals: [...f.approvals, early],
          acting: [...f.acting, early].sort(),
          adoptions: [
            ...f.adoptions,
            { id: 'y', practiceId: 'q', hostOrgId: HOST, stage: 'live', agreedOn: early, liveOn: early },
          ],
        };
        const after = measureBody(g2, ctx())!;
        expect(after.referenceDate).toBe(before.referenceDate);
        expect(after.hits).toEqual(before.hits);
        expect(after.followedUp).toEqual(before.followedUp);
      }),
      { numRuns: 300 },
    );
  });

  it('every drill-down lists exactly the bodies its figure counts, all inside the cohort', () => {
    const scopes: Scope[] = [
      { kind: 'national' },
      { kind: 'province', code: '32' },
      { kind: 'host', orgId: HOST },
      { kind: 'programme', id: 'prog' },
      { kind: 'commitment', version: 1 },
    ];
    fc.assert(
      fc.property(
        fc.array(bodyArb, { minLength: 1, maxLength: 25 }),
        fc.constantFrom(...scopes),
        (gens, scope) => {
          const facts = gens.map((g, i) => toFacts(`b${i}`, g));
          const info = new Map<string, BodyInfo>(
            gens.map((g, i) => [
              `b${i}`,
              {
                orgId: `b${i}`,
                code: `${g.province}.${10 + i}`,
                name: `B${i}`,
                provinceCode: g.province,
                type: 'regency',
              },
            ]),
          );
          const provinceBodies = [...info.values()].filter((b) => b.provinceCode === '32');
          const m = measureScope({
            bodies: stored(facts),
            info,
            scope,
            options: ctx(),
            today: '2026-12-01',
            provinceBodies,
          });
          const cohortIds = new Set(m.rows.map((r) => r.orgId));
          expect(m.cohort).toBe(cohortIds.size);
          for (const figure of figures) {
            const list = drillDown(m, figure);
            expect(list.length).toBe(m.count(figure).count);
            if (figure !== 'notJoined') for (const x of list) expect(cohortIds.has(x.body.orgId)).toBe(true);
            else for (const x of list) expect(cohortIds.has(x.body.orgId)).toBe(false);
          }
          for (const mm of m.milestones) expect(mm.count).toBeLessThanOrEqual(m.cohort);
          for (const k of ['followedUp', 'followingPath', 'improved'] as const)
            expect(m.headline[k].count).toBe(drillDown(m, k).length);
          // The trend's last point is today's figures.
          expect(m.trend.at(-1)!.followedUp.count).toBe(m.headline.followedUp.count);
          expect(m.trend.at(-1)!.cohort).toBe(m.cohort);
          expect(milestones.every((x) => m.milestones.some((y) => y.milestone === x))).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('counts signatories and programme members who never visited in the cohort', () => {
    const facts = [
      { ...emptyFacts('a'), visits: [visit('2025-01-01')] },
      { ...emptyFacts('b'), signatures: [{ id: 's', date: '2025-02-01', textVersion: 1 }] },
      {
        ...emptyFacts('c'),
        programmes: [{ programmeId: 'prog', date: '2025-03-01' }],
        submissions: [{ date: '2025-04-01', year: 2025, frameworkId: 'spbe-2020' }],
      },
    ];
    const info = new Map<string, BodyInfo>(
      ['a', 'b', 'c', 'd'].map((id, i) => [
        id,
        { orgId: id, code: `32.0${i + 1}`, name: id, provinceCode: '32', type: 'regency' },
      ]),
    );
    const m = measureScope({
      bodies: stored(facts),
      info,
      scope: { kind: 'province', code: '32' },
      options: ctx(),
      today: '2026-12-01',
      provinceBodies: [...info.values()],
    });
    expect(m.cohort).toBe(3);
    expect(m.headline.followedUp).toEqual({ count: 1, percent: 33.3 });
    expect(m.notJoined.map((b) => b.code)).toEqual(['32.04']);
    expect(drillDown(m, 'cohort').find((x) => x.body.orgId === 'b')!.hit!.reason!.en).toBe(
      'signed commitment v1 01-02-2025',
    );
  });
});
