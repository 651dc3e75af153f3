import { describe, expect, it } from 'vitest';
import { pdfPageCount, pdfText } from '../../../../tests/support/pdf';
import { REPORT_LIMITS, type ReportFacts, reportModel } from './reports.model';
import { reportPdf } from './reports.pdf';

const name = (id: string) => ({ id, en: `${id} (en)` });

const base: ReportFacts = {
  org: { code: '32.05', name: 'Kabupaten Garut', provinceName: 'Jawa Barat', isHost: false },
  today: '2026-11-21',
  index: {
    value: 2.45,
    year: 2026,
    source: 'self',
    framework: { id: 'Evaluasi SPBE (PermenPANRB 59/2020)', en: 'SPBE evaluation (PermenPANRB 59/2020)' },
    predicate: { id: 'Cukup', en: 'Fair' },
  },
  self: {
    year: 2026,
    index: 2.45,
    predicate: { id: 'Cukup', en: 'Fair' },
    status: 'submitted',
    complete: true,
    answered: 47,
    total: 47,
  },
  official: { year: 2024, index: 2.1, predicate: { id: 'Cukup', en: 'Fair' } },
  host: {
    name: 'Kabupaten Sumedang',
    latest: { year: 2024, index: 4.51, source: 'official' },
    levelsShared: true,
  },
  province: { average: 2.9, count: 27 },
  national: { year: 2024, average: 3.12 },
  trend: [
    { year: 2023, self: null, official: 1.9, host: 3.84 },
    { year: 2024, self: 2.2, official: 2.1, host: 4.51 },
    { year: 2026, self: 2.45, official: null, host: null },
  ],
  domains: [
    { code: 'D1', name: name('Kebijakan Internal SPBE'), body: 2.5, host: 4.2 },
    { code: 'D2', name: name('Tata Kelola SPBE'), body: null, host: null },
  ],
  gaps: [
    { indicator: 1, name: name('Kebijakan Tim SPBE'), weight: 1.5, mine: 2, host: 4 },
    { indicator: 42, name: name('Layanan publik'), weight: 3, mine: 2, host: 4 },
    { indicator: 7, name: name('Arsitektur'), weight: 1.5, mine: null, host: 3 },
  ],
  plan: {
    period: '2026',
    status: 'approved',
    approvedVersion: 2,
    total: 10,
    done: 3,
    inProgress: 4,
    blocked: 1,
    planned: 2,
    overdue: 2,
  },
  overdue: {
    total: 2,
    items: [
      { title: 'Susun Perbup Arsitektur SPBE', owner: 'Asep, Diskominfo', dueDate: '2026-10-01' },
      { title: 'Audit TIK', owner: null, dueDate: '2026-11-01' },
    ],
  },
  sample: false,
};

describe('the leader report as text', () => {
  it('says it in the language asked for, with the body, the index and the comparisons', () => {
    const id = reportModel(base, 'id');
    expect(id.generated).toBe('Dibuat 21 November 2026');
    expect(id.index).toMatchObject({ value: '2,45', predicate: 'Cukup' });
    expect(id.index.lines).toEqual([
      'Penilaian mandiri 2026 · dikirim',
      'Kerangka: Evaluasi SPBE (PermenPANRB 59/2020)',
      'Hasil resmi 2024: 2,10 (Cukup)',
    ]);
    expect(id.compare).toEqual([
      'Tuan rumah Kabupaten Sumedang (2024): 4,51',
      'Rata-rata provinsi: 2,90 (27 instansi)',
      'Rata-rata nasional 2024: 3,12',
    ]);
    expect(id.domains.rows).toEqual([['D1 Kebijakan Internal SPBE', '2,50', '4,20', '−1,70']]);
    expect(id.plan).toMatchObject({
      line: 'Rencana aksi 2026 · disetujui (versi 2)',
      percent: '30% selesai',
    });
    expect(id.overdue.rows).toEqual([
      ['Susun Perbup Arsitektur SPBE', 'Asep, Diskominfo', '01-10-2026', '51 hari'],
      ['Audit TIK', 'belum ada', '01-11-2026', '20 hari'],
    ]);
    const en = reportModel(base, 'en');
    expect(en.index).toMatchObject({ value: '2.45', predicate: 'Fair' });
    expect(en.generated).toBe('Generated 21 November 2026');
    expect(en.domains.rows[0]![0]).toBe('D1 Kebijakan Internal SPBE (en)');
    expect(en.plan.percent).toBe('30% done');
  });

  it('heads with the body’s index and shows a draft beside it as provisional, never in its place', () => {
    const official = {
      value: 2.1,
      year: 2024,
      source: 'official' as const,
      framework: base.index!.framework,
    };
    const draft = { ...base.self!, index: 2.84, status: 'draft' as const, complete: false, answered: 40 };
    const m = reportModel({ ...base, index: { ...official, predicate: null }, self: draft }, 'id');
    expect(m.index).toMatchObject({ value: '2,10' });
    expect(m.index.lines).toEqual([
      'Hasil resmi 2024',
      'Kerangka: Evaluasi SPBE (PermenPANRB 59/2020)',
      'Penilaian mandiri 2026 (draf) saat ini: 2,84',
      'sementara: 40 dari 47 indikator terisi',
    ]);
    const none = reportModel({ ...base, index: null, official: null, self: draft }, 'en');
    expect(none.index.value).toBeNull();
    expect(none.index.lines).toEqual([
      'No official result or submitted self-assessment yet.',
      'Self-assessment 2026 (draft) so far: 2.84',
      'provisional: 40 of 47 indicators answered',
    ]);
  });

  it('ranks gaps by what closing them adds to the index', () => {
    const rows = reportModel(base, 'id').gaps.rows.map((r) => r[0]);
    // 42: 2 levels × 3; 7: unanswered (counted from 1) 2 levels × 1.5; 1: 2 levels × 1.5.
    expect(rows).toEqual(['42. Layanan publik', '1. Kebijakan Tim SPBE', '7. Arsitektur']);
  });

  it('lists the answered indicators’ gaps before unanswered ones, however wide those look', () => {
    const gaps = [...base.gaps, { indicator: 9, name: name('Audit TIK'), weight: 3, mine: null, host: 5 }];
    const rows = reportModel({ ...base, gaps }, 'id').gaps.rows.map((r) => r[0]);
    expect(rows).toEqual(['42. Layanan publik', '1. Kebijakan Tim SPBE', '9. Audit TIK', '7. Arsitektur']);
  });

  it('cuts long lists to the page with "dan N lainnya"', () => {
    const many = Array.from({ length: 47 }, (_, i) => ({
      indicator: i + 1,
      name: name(`Indikator ${i + 1}`),
      weight: 1,
      mine: 1,
      host: 3,
    }));
    const items = Array.from({ length: REPORT_LIMITS.overdue }, (_, i) => ({
      title: `Kegiatan ${i + 1}`,
      owner: null,
      dueDate: '2026-01-01',
    }));
    const m = reportModel({ ...base, gaps: many, overdue: { total: 230, items } }, 'id');
    expect(m.gaps.rows).toHaveLength(REPORT_LIMITS.gaps - 1);
    expect(m.gaps.more).toBe(`dan ${47 - (REPORT_LIMITS.gaps - 1)} lainnya`);
    expect(m.overdue.rows).toHaveLength(REPORT_LIMITS.overdue - 1);
    expect(m.overdue.more).toBe(`dan ${230 - (REPORT_LIMITS.overdue - 1)} lainnya`);
    expect(reportModel({ ...base, overdue: { total: 230, items } }, 'en').overdue.more).toBe(
      `and ${230 - (REPORT_LIMITS.overdue - 1)} more`,
    );
  });

  it('says what is missing instead of empty tables', () => {
    const m = reportModel(
      {
        ...base,
        index: null,
        self: null,
        official: null,
        host: { name: 'Kabupaten Sumedang', latest: null, levelsShared: false },
        province: null,
        national: null,
        trend: [],
        domains: [],
        gaps: [],
        plan: null,
        overdue: { total: 0, items: [] },
      },
      'id',
    );
    expect(m.index).toMatchObject({
      value: null,
      lines: ['Belum ada hasil resmi atau penilaian mandiri yang dikirim.'],
    });
    expect(m.trend.empty).toBe('Belum ada data tahunan.');
    expect(m.gaps.empty).toBe('Tuan rumah belum membagikan tingkat indikatornya.');
    expect(m.plan.empty).toBe('Belum ada rencana aksi.');
    expect(m.overdue.empty).toBe('Tidak ada kegiatan yang terlambat.');
  });
});

describe('the leader report as a PDF', () => {
  it('is one page whatever the length of its names and lists', async () => {
    const long = 'Pemerintah Kabupaten Dengan Nama Yang Sangat Panjang Sekali '.repeat(6);
    const facts: ReportFacts = {
      ...base,
      org: { ...base.org, name: long },
      trend: Array.from({ length: 20 }, (_, i) => ({
        year: 2005 + i,
        self: 1 + (i % 5),
        official: 2,
        host: 4,
      })),
      domains: Array.from({ length: 12 }, (_, i) => ({ code: `D${i}`, name: name(long), body: 2, host: 4 })),
      gaps: Array.from({ length: 47 }, (_, i) => ({
        indicator: i + 1,
        name: name(long),
        weight: 1,
        mine: 1,
        host: 5,
      })),
      overdue: {
        total: 500,
        items: Array.from({ length: REPORT_LIMITS.overdue }, (_, i) => ({
          title: `${long} ${i} — 漢字 ✓`,
          owner: long,
          dueDate: '2020-01-01',
        })),
      },
      sample: true,
    };
    for (const lang of ['id', 'en'] as const) {
      const pdf = await reportPdf(reportModel(facts, lang), lang);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdfPageCount(pdf)).toBe(1);
      const text = pdfText(pdf);
      expect(text).toContain('Pemerintah Kabupaten Dengan Nama');
      expect(text).toContain(lang === 'id' ? 'dan 489 lainnya' : 'and 489 more');
      // Characters the standard fonts cannot show are replaced, never garbled.
      expect(text).not.toContain('漢');
    }
  });

  it('carries the body’s name and the report’s sections as text', async () => {
    const text = pdfText(await reportPdf(reportModel(base, 'id'), 'id'));
    for (const s of [
      'Kabupaten Garut',
      'Dibuat 21 November 2026',
      'Indeks',
      'Kerangka: Evaluasi SPBE (PermenPANRB 59/2020)',
      '2,45',
      'Audit TIK',
      '51 hari',
    ])
      expect(text).toContain(s);
  });
});
