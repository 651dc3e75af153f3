import { describe, expect, it } from 'vitest';
import { spbe2018Framework, spbe2020Framework } from '../../../shared/framework/frameworks';
import { validateOfficialResult } from '../../../shared/framework/official-result';
import { score } from '../../../shared/framework/score';
import { decreeCitation, referenceResults, sourceText } from './reference-results-data';

const frameworks = { 'spbe-2018': spbe2018Framework, 'spbe-2020': spbe2020Framework };
const find = (org: string | null, year: number) =>
  referenceResults.find((r) => r.org === org && r.year === year)!;

describe('reference results', () => {
  it('holds one result per body and year, each valid under its own framework', () => {
    const keys = referenceResults.map((r) => `${r.org}:${r.year}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const r of referenceResults) {
      const checked = validateOfficialResult(frameworks[r.frameworkId], {
        index: r.index,
        domains: r.domains,
      });
      expect(checked.problems, `${r.org} ${r.year}`).toEqual([]);
    }
  });

  it('stores the 2019–2020 results (PermenPANRB 5/2018) under spbe-2018 and later ones under spbe-2020', () => {
    expect(find('32.11', 2020)).toMatchObject({ frameworkId: 'spbe-2018', index: 3.81 });
    expect(find('35.10', 2019)).toMatchObject({ frameworkId: 'spbe-2018', index: 3.41 });
    for (const r of referenceResults.filter((x) => x.year >= 2021)) expect(r.frameworkId).toBe('spbe-2020');
    // Each framework's own years: the result lies within the years the framework applies to.
    for (const r of referenceResults) {
      const f = frameworks[r.frameworkId];
      expect(r.year).toBeGreaterThanOrEqual(f.appliesFrom ?? 0);
      expect(r.year).toBeLessThanOrEqual(f.appliesUntil ?? 9999);
    }
  });

  it('names the decree that set each result, or says that none was found', () => {
    const decrees = new Map<number, string>();
    for (const r of referenceResults) {
      const p = r.publication;
      if (p.kind === 'decree') {
        expect(p.number).toBeGreaterThan(0);
        expect(p.year).toBeGreaterThanOrEqual(r.year);
        expect(p.title).toMatch(/Tahun \d{4}$/);
        // The decree's title names the evaluation year it publishes.
        expect(p.title.endsWith(String(r.year))).toBe(true);
        decrees.set(r.year, `${p.number}/${p.year}`);
      } else {
        expect(p.note).toMatch(/tidak ditemukan/);
      }
      expect(r.seenIn.length).toBeGreaterThan(5);
      expect(sourceText(r)).not.toMatch(/^KemenPAN-RB, pengumuman hasil evaluasi SPBE/);
    }
    expect(Object.fromEntries(decrees)).toEqual({ 2021: '1503/2021', 2022: '108/2023', 2023: '13/2024' });
  });

  it('cites a decree in official style, with its date when one is known', () => {
    const p = find('32.11', 2022).publication;
    expect(p.kind).toBe('decree');
    if (p.kind !== 'decree') return;
    expect(decreeCitation(p)).toBe(
      'Keputusan Menteri PANRB Nomor 108 Tahun 2023 tanggal 31 Januari 2023 tentang Hasil Pemantauan dan Evaluasi SPBE pada Instansi Pusat dan Pemerintah Daerah Tahun 2022',
    );
    expect(sourceText(find('32.11', 2022))).toContain('tertinggi di antara kabupaten/kota');
  });

  it('reproduces Aceh Tengah 2025 (domains 2.30 / 1.70 / 1.00 / 3.75 → 2.59 Cukup)', () => {
    const r = find('11.04', 2025);
    const checked = validateOfficialResult(spbe2020Framework, { index: r.index, domains: r.domains });
    expect(checked.value).toEqual({
      index: 2.59,
      predicate: 'Cukup',
      domains: { D1: 2.3, D2: 1.7, D3: 1, D4: 3.75 },
      levels: null,
    });
    // Levels consistent with the published domains and with the body's working file (the
    // indicators it lists at 1, 3 and 4). The index comes from the levels, not from the rounded
    // domain values: Σ domain weight × rounded domain value is 2.59525, which would round to 2.60.
    const levels: Record<string, number> = {};
    const set = (from: number, values: number[]) => {
      values.forEach((v, i) => {
        levels[String(from + i)] = v;
      });
    };
    set(1, [2, 2, 4, 1, 2, 3, 2, 3, 1, 3]);
    set(11, [1, 1, 1, 1, 1, 1, 3, 2, 3, 3]);
    set(21, Array(11).fill(1));
    set(32, [4, 4, 4, 4, 4, 4, 2, 4, 4, 4]);
    set(42, [4, 3, 3, 4, 4, 4]);
    const s = score(spbe2020Framework, levels);
    expect(s.index?.display).toBe(2.59);
    expect(s.index?.predicate.id).toBe('Cukup');
    expect(
      Object.fromEntries(s.groups.filter((g) => g.depth === 0).map((g) => [g.code, g.value?.display])),
    ).toEqual(r.domains);
    const fromDomains = (2.3 * 13 + 1.7 * 25 + 1.0 * 16.5 + 3.75 * 45.5) / 100;
    expect(fromDomains).toBeCloseTo(2.59525, 6);
  });
});
