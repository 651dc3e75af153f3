import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFor, createTestApp, login, type Session, type TestApp } from '../../../../tests/support/test-app';
import { SAMPLE_PASSWORD } from './sample-accounts';

// The sample cohort exists so a fresh start shows every follow-up milestone, truthfully computed.
let t: TestApp;
let national: Session;
beforeAll(async () => {
  t = await createTestApp({}, { sample: true });
  national = await login(t.app, 'nasional@livinglab.test', SAMPLE_PASSWORD);
});
afterAll(() => t?.close());
const api = apiFor(() => t);

describe('the sample cohort', () => {
  it('shows every milestone, each drilled down to its bodies with a reason', async () => {
    const f = (await api('GET', '/funnel', national)).json().data;
    expect(f.cohort.count).toBeGreaterThanOrEqual(7);
    for (const m of f.milestones) expect(m.count, m.milestone).toBeGreaterThan(0);
    for (const k of ['followedUp', 'followingPath', 'improved'] as const)
      expect(f.headline[k].count, k).toBeGreaterThan(0);
    expect(f.selfReported.count).toBeGreaterThan(0);
    expect(f.stalledCount).toBeGreaterThan(0);
    const improved = (await api('GET', '/funnel/bodies?milestone=improved', national)).json().data;
    expect(improved[0]).toMatchObject({ code: '32.06' });
    expect(improved[0].reason).toBe(
      'resmi 2023 2.31 → 2025 2.84; kunjungan ke Kabupaten Sumedang 14-05-2024',
    );
    const path = (await api('GET', '/orgs/32.06/path', national)).json().data;
    expect(path.progressPercent).toBeGreaterThanOrEqual(25);
    expect(path.basis.host).toMatchObject({ source: 'self', accepted: true });
    // Garut, the sample user's body, is told what to do next: submit its baseline.
    const garut = (await api('GET', '/orgs/32.05/path', national)).json().data;
    expect(garut.problem).toBe('no_baseline');
    const jabar = (await api('GET', '/funnel?scope=province&ref=32', national)).json().data;
    expect(jabar.cohort.notJoined).toBeGreaterThan(0);
  });
});
