import { describe, expect, it } from 'vitest';
import { spbe2018Framework as f } from './frameworks';
import { score } from './score';

const aspects = f.groups.flatMap((d) => d.groups ?? []);
const indicator = (n: number) => f.indicators.find((i) => i.number === n)!;

describe('spbe-2018 (PermenPANRB 5/2018) as data', () => {
  it('is the official 2018 framework for the 2018–2020 evaluation years', () => {
    expect([f.id, f.version, f.status, f.appliesFrom, f.appliesUntil]).toEqual([
      'spbe-2018',
      '2018',
      'official',
      2018,
      2020,
    ]);
    expect(f.source).toMatch(/Nomor 5 Tahun 2018/);
    expect(f.references?.length).toBeGreaterThan(0);
  });

  it('has 3 domains weighted 17/28/55, 7 aspects and 35 indicators', () => {
    expect(f.groups.map((d) => [d.code, d.name.id, d.weight])).toEqual([
      ['D1', 'Kebijakan Internal SPBE', 17],
      ['D2', 'Tata Kelola SPBE', 28],
      ['D3', 'Layanan SPBE', 55],
    ]);
    expect(aspects.map((a) => [a.code, a.weight, a.indicators?.length])).toEqual([
      ['A1', 7, 7],
      ['A2', 10, 10],
      ['A3', 8, 2],
      ['A4', 8, 2],
      ['A5', 12, 3],
      ['A6', 35, 7],
      ['A7', 20, 4],
    ]);
    expect(f.indicators.map((i) => i.number)).toEqual(Array.from({ length: 35 }, (_, k) => k + 1));
  });

  it('shares each aspect weight equally: 1 for indicators 1–17, 4 for 18–24, 5 for 25–35', () => {
    const expected = (n: number) => (n <= 17 ? 1 : n <= 24 ? 4 : 5);
    expect(f.indicators.every((i) => i.weight === expected(i.number))).toBe(true);
    expect(f.indicators.reduce((s, i) => s + i.weight, 0)).toBe(100);
  });

  it('uses the 2018 indicator names', () => {
    expect(indicator(1).name.id).toBe('Kebijakan Internal Tim Pengarah SPBE Instansi Pemerintah');
    expect(indicator(16).name.id).toBe('Kebijakan Internal Layanan Whistle Blowing System (WBS)');
    expect(indicator(20).name.id).toBe('Rencana Induk SPBE Instansi Pemerintah');
    expect(indicator(24).name.id).toBe('Penggunaan Aplikasi Umum Berbagi Pakai');
    expect(indicator(35).name.id).toBe('Layanan Publik Instansi Pemerintah');
  });

  it('puts indicators 1–17 on the policy ladder, 18–24 on the process ladder and 25–35 on the service ladder', () => {
    const ladder = (n: number) => (n <= 17 ? 'policy' : n <= 24 ? 'process' : 'service');
    expect(f.indicators.every((i) => i.ladder === ladder(i.number))).toBe(true);
    expect(indicator(1).levels.map((l) => l.name.id)).toEqual([
      'Rintisan',
      'Terkelola',
      'Terdefinisi',
      'Terpadu dan Terukur',
      'Optimum',
    ]);
    expect(indicator(25).levels.map((l) => l.name.id)).toEqual([
      'Informasi',
      'Interaksi',
      'Transaksi',
      'Kolaborasi',
      'Optimalisasi',
    ]);
  });

  it('gives each indicator its own criteria in both languages, with evidence and a named source', () => {
    for (const i of f.indicators) {
      expect(i.source, `indicator ${i.number}`).toMatch(
        /PermenPANRB 5\/2018 evaluation questionnaire, indicator \d+/,
      );
      expect(i.source).toContain(`indicator ${i.number}:`);
      for (const l of i.levels) {
        expect(l.criteria.id, `indicator ${i.number} level ${l.level}`).not.toBe(l.criteria.en);
        expect(l.evidence.length).toBeGreaterThan(0);
      }
    }
    // No two indicators share a criterion: each is written from its own 2018 question.
    const level3 = f.indicators.map((i) => i.levels[2]!.criteria.id);
    expect(new Set(level3).size).toBe(35);
    expect(indicator(20).levels[3]!.criteria.id).toMatch(/tiga tahun terakhir/);
    expect(indicator(35).levels[0]!.criteria.id).toMatch(/paling sedikit tiga sistem pelayanan publik/);
  });

  it('reproduces a 2018 result from its aspect values: Kota Denpasar, 2.06 / 2.29 / 3.00 → 2.64 Baik', () => {
    // Denpasar's working file records its 2018 aspect values 2.00, 2.10, 2.00, 2.50, 2.33, 3.29, 2.50,
    // i.e. level sums 14/7, 21/10, 4/2, 5/2, 7/3, 23/7, 10/4. Any levels with those sums give the domain
    // values and the index it recorded; these are one such set.
    const perAspect = [
      [2, 2, 2, 2, 2, 2, 2],
      [3, 2, 2, 2, 2, 2, 2, 2, 2, 2],
      [2, 2],
      [3, 2],
      [3, 2, 2],
      [4, 4, 3, 3, 3, 3, 3],
      [3, 3, 2, 2],
    ];
    const levels = Object.fromEntries(perAspect.flat().map((level, k) => [k + 1, level]));
    const s = score(f, levels);
    const value = (code: string) => s.groups.find((g) => g.code === code)!.value!.display;
    expect(['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7'].map(value)).toEqual([2, 2.1, 2, 2.5, 2.33, 3.29, 2.5]);
    expect(['D1', 'D2', 'D3'].map(value)).toEqual([2.06, 2.29, 3]);
    expect([s.index?.display, s.index?.predicate.id]).toEqual([2.64, 'Baik']);
  });

  it('scores every level-5 answer as 5.00 Memuaskan and every level-1 answer as 1.00 Kurang', () => {
    const all = (level: number) => Object.fromEntries(f.indicators.map((i) => [i.number, level]));
    expect([score(f, all(5)).index?.display, score(f, all(5)).index?.predicate.id]).toEqual([5, 'Memuaskan']);
    expect([score(f, all(1)).index?.display, score(f, all(1)).index?.predicate.id]).toEqual([1, 'Kurang']);
  });
});
