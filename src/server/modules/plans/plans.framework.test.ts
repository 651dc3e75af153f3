import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFor, openTestApp, type Sessions, type TestApp } from '../../../../tests/support/test-app';

// A plan's indicator targets are numbered in the framework of its period's year, which it records:
// targets, optimiser steps and practices of another framework are refused.

const people = { operator: ['operator', '32.05'] } as const;
let t: TestApp;
let s: Sessions<typeof people>;
beforeAll(async () => {
  ({ t, s } = await openTestApp({ people }));
});
afterAll(() => t?.close());
const api = apiFor(() => t);

describe('a plan’s framework', () => {
  it('is the one its period’s year uses, and the plan refuses numbers of another', async () => {
    const plan = async (period: string) => {
      const res = await api('POST', '/orgs/32.05/plans', s.operator, { period });
      expect(res.statusCode, res.body).toBe(201);
      return (await api('GET', `/plans/${res.json().data.id}`, s.operator)).json().data;
    };
    const p2025 = await plan('2025');
    expect(p2025.frameworkId).toBe('spbe-2020');
    const p2027 = await plan('2027-S1');
    expect(p2027.frameworkId).toBe('pemdi-2026');

    // Steps computed on SPBE 2020 do not go into a plan on the 2026 index, nor the reverse.
    const steps = (planId: string, frameworkId: string) =>
      api('POST', `/plans/${planId}/items/from-steps`, s.operator, {
        frameworkId,
        steps: [{ indicator: 12, from: 1, to: 2 }],
      });
    const refused = await steps(p2027.id, 'spbe-2020');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.issues[0]).toEqual({
      field: 'body.frameworkId',
      message:
        'Rencana ini memakai kerangka pemdi-2026; langkah atau praktik pada kerangka spbe-2020 tidak dapat ditambahkan ke dalamnya',
    });
    expect((await steps(p2025.id, 'pemdi-2026')).statusCode).toBe(400);
    expect((await steps(p2027.id, 'pemdi-2026')).statusCode).toBe(201);

    // Indicator 35 is one of SPBE 2020's 47, not of the 2026 index's 20.
    const target = (planId: string) =>
      api('POST', `/plans/${planId}/items`, s.operator, {
        title: 'Layanan pengadaan barang dan jasa',
        targets: [{ indicator: 35, level: 3 }],
      });
    expect((await target(p2025.id)).statusCode).toBe(201);
    const outside = await target(p2027.id);
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details.issues[0].message).toBe('Indikator 35 tidak ada');
  });
});
