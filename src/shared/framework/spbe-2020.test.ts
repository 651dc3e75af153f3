import { describe, expect, it } from 'vitest';
import spbe2020 from './data/spbe-2020.json';
import { frameworkSchema } from './framework-schema';
import { spbe2020Framework as f } from './frameworks';

// The spbe-2020 data as operators read it: each indicator's own level criteria from PermenPANRB
// 59/2020 (not a shared template), the official names, and the predicates in order.
const indicator = (n: number) => f.indicators.find((i) => i.number === n)!;
const groupNamed = (code: string) =>
  [...f.groups, ...f.groups.flatMap((g) => g.groups ?? [])].find((g) => g.code === code)!.name;

describe('spbe-2020 level criteria', () => {
  it('is valid against the framework schema', () => {
    expect(frameworkSchema.safeParse(spbe2020).success).toBe(true);
  });

  it('names the source of every indicator’s criteria, citing its own indicator of the regulation', () => {
    for (const i of f.indicators) {
      expect(i.source, `indicator ${i.number}`).toContain('PermenPANRB 59/2020');
      expect(i.source, `indicator ${i.number}`).toContain(`Indikator ${i.number}:`);
    }
  });

  it('gives every indicator five different criteria in both languages, each with its evidence', () => {
    for (const i of f.indicators) {
      expect(new Set(i.levels.map((l) => l.criteria.id)).size, `indicator ${i.number}`).toBe(5);
      expect(new Set(i.levels.map((l) => l.criteria.en)).size, `indicator ${i.number}`).toBe(5);
      for (const l of i.levels) {
        expect(l.criteria.id, `indicator ${i.number} level ${l.level}`).not.toBe(l.criteria.en);
        expect(l.evidence.length, `indicator ${i.number} level ${l.level}`).toBeGreaterThan(0);
      }
    }
  });

  it('shares no criteria text between indicators, not even among the three sectoral services', () => {
    const owner = new Map<string, number>();
    for (const i of f.indicators) {
      for (const l of i.levels) {
        for (const text of [l.criteria.id, l.criteria.en]) {
          expect(owner.get(text), `indicator ${i.number} level ${l.level} repeats another`).toBeUndefined();
          owner.set(text, i.number);
        }
      }
    }
  });

  it('writes SPBE in capitals in every Indonesian text', () => {
    const texts = [
      ...f.groups.flatMap((g) => [g.name.id, ...(g.groups ?? []).map((a) => a.name.id)]),
      ...f.indicators.flatMap((i) => [
        i.name.id,
        ...i.levels.flatMap((l) => [l.name.id, l.criteria.id, ...l.evidence]),
      ]),
    ];
    expect(texts.filter((t) => /spbe/.test(t))).toEqual([]);
  });

  it('keeps the regulation’s substance where the generic templates lost it', () => {
    // Level 1 of a policy is "not yet, or only a concept", never an already drafted policy.
    expect(indicator(1).levels[0]!.criteria.id).toMatch(/belum ada, atau baru berupa konsep/);
    // The architecture goes from a concept through partial and complete references/domains to the
    // national architecture with periodic review, then an update.
    const arch = indicator(11).levels.map((l) => l.criteria.id);
    expect(arch[0]).toMatch(/konsep/);
    expect(arch[1]).toMatch(/belum mencakup secara lengkap/);
    expect(arch[2]).toMatch(/seluruh referensi dan domain/);
    expect(arch[3]).toMatch(/Arsitektur SPBE Nasional.*direviu dan dievaluasi secara berkala/);
    expect(arch[4]).toMatch(/dimutakhirkan/);
    // An audit counts when it is held at least once every two years.
    for (const n of [29, 30, 31]) {
      expect(indicator(n).levels[1]!.criteria.id).toMatch(/paling sedikit satu kali dalam 2 \(dua\) tahun/);
    }
  });
});

describe('spbe-2020 official names', () => {
  it('names domain 1, aspect 1 and indicators 1, 9 and 11 as the regulation does', () => {
    expect(groupNamed('D1').id).toBe('Kebijakan Internal SPBE');
    expect(groupNamed('A1').id).toBe('Kebijakan Internal Tata Kelola SPBE');
    expect(indicator(1).name.id).toBe(
      'Tingkat Kematangan Kebijakan Internal Arsitektur SPBE Instansi Pusat/Pemerintah Daerah',
    );
    expect(indicator(9).name.id).toBe(
      'Tingkat Kematangan Kebijakan Internal Audit Teknologi Informasi dan Komunikasi',
    );
    expect(indicator(11).name.id).toBe('Tingkat Kematangan Arsitektur SPBE Instansi Pusat/Pemerintah Daerah');
  });

  it('names the levels of process capability (1–31) and of service capability (32–47)', () => {
    const process = ['Rintisan', 'Terkelola', 'Terdefinisi', 'Terpadu dan Terukur', 'Optimum'];
    const service = ['Informasi', 'Interaksi', 'Transaksi', 'Kolaborasi', 'Optimalisasi'];
    for (const i of f.indicators) {
      expect(
        i.levels.map((l) => l.name.id),
        `indicator ${i.number}`,
      ).toEqual(i.number <= 31 ? process : service);
    }
  });

  it('orders the predicates from Excellent down to Poor in both languages', () => {
    expect(f.predicates.map((p) => [p.min, p.label.id, p.label.en])).toEqual([
      [4.2, 'Memuaskan', 'Excellent'],
      [3.5, 'Sangat Baik', 'Very Good'],
      [2.6, 'Baik', 'Good'],
      [1.8, 'Cukup', 'Fair'],
      [0, 'Kurang', 'Poor'],
    ]);
  });
});
