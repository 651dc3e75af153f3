import { defineTexts } from './table';

// Texts of the leader's one-page report (modules/reports): every line of the PDF, in the language
// asked for. Kept short: the page holds everything or truncates lists ("dan N lainnya").
export const reportTexts = defineTexts({
  REPORT_KICKER: {
    id: 'Living Lab SPBE · Rapor pimpinan',
    en: 'Living Lab SPBE · Leader report',
  },
  REPORT_DOC_TITLE: {
    id: (p) => `Rapor SPBE ${p.org}`,
    en: (p) => `SPBE report ${p.org}`,
  },
  REPORT_GENERATED: { id: (p) => `Dibuat ${p.date}`, en: (p) => `Generated ${p.date}` },
  // The framework is named under it (SPBE 2020, Pemdi 2026, …): the title names none.
  REPORT_INDEX: { id: 'Indeks', en: 'Index' },
  REPORT_SELF: {
    id: (p) => `Penilaian mandiri ${p.year} · ${p.status}`,
    en: (p) => `Self-assessment ${p.year} · ${p.status}`,
  },
  REPORT_ASSESSMENT_draft: { id: 'draf', en: 'draft' },
  REPORT_ASSESSMENT_submitted: { id: 'dikirim', en: 'submitted' },
  REPORT_ASSESSMENT_in_review: { id: 'sedang ditinjau', en: 'in review' },
  REPORT_ASSESSMENT_returned: { id: 'dikembalikan', en: 'returned' },
  REPORT_ASSESSMENT_resubmitted: { id: 'dikirim ulang', en: 'resubmitted' },
  REPORT_ASSESSMENT_accepted: { id: 'diterima', en: 'accepted' },
  REPORT_PROVISIONAL: {
    id: (p) => `sementara: ${p.answered} dari ${p.total} indikator terisi`,
    en: (p) => `provisional: ${p.answered} of ${p.total} indicators answered`,
  },
  REPORT_OFFICIAL: {
    id: (p) => `Hasil resmi ${p.year}: ${p.index} (${p.predicate})`,
    en: (p) => `Official result ${p.year}: ${p.index} (${p.predicate})`,
  },
  REPORT_OFFICIAL_ONLY: { id: (p) => `Hasil resmi ${p.year}`, en: (p) => `Official result ${p.year}` },
  REPORT_FRAMEWORK: { id: (p) => `Kerangka: ${p.name}`, en: (p) => `Framework: ${p.name}` },
  REPORT_DRAFT: {
    id: (p) => `Penilaian mandiri ${p.year} (${p.status}) saat ini: ${p.index}`,
    en: (p) => `Self-assessment ${p.year} (${p.status}) so far: ${p.index}`,
  },
  REPORT_NO_INDEX: {
    id: 'Belum ada hasil resmi atau penilaian mandiri yang dikirim.',
    en: 'No official result or submitted self-assessment yet.',
  },
  REPORT_COMPARE_HOST: {
    id: (p) => `Tuan rumah ${p.name} (${p.year}): ${p.index}`,
    en: (p) => `Host ${p.name} (${p.year}): ${p.index}`,
  },
  REPORT_COMPARE_PROVINCE: {
    id: (p) => `Rata-rata provinsi: ${p.index} (${p.count} instansi)`,
    en: (p) => `Province average: ${p.index} (bodies: ${p.count})`,
  },
  REPORT_COMPARE_NATIONAL: {
    id: (p) => `Rata-rata nasional ${p.year}: ${p.index}`,
    en: (p) => `National average ${p.year}: ${p.index}`,
  },
  REPORT_IS_HOST: { id: 'Instansi ini tuan rumah Living Lab.', en: 'This body is a Living Lab host.' },
  REPORT_TREND: { id: 'Tren indeks per tahun', en: 'Index per year' },
  REPORT_SERIES_SELF: { id: 'Penilaian mandiri', en: 'Self-assessment' },
  REPORT_SERIES_OFFICIAL: { id: 'Hasil resmi', en: 'Official result' },
  REPORT_SERIES_HOST: { id: 'Tuan rumah (resmi)', en: 'Host (official)' },
  REPORT_NO_TREND: { id: 'Belum ada data tahunan.', en: 'No yearly data yet.' },
  REPORT_DOMAINS: { id: 'Indeks per domain', en: 'Index per domain' },
  REPORT_COL_DOMAIN: { id: 'Domain', en: 'Domain' },
  REPORT_COL_BODY: { id: 'Instansi', en: 'Body' },
  REPORT_COL_HOST: { id: 'Tuan rumah', en: 'Host' },
  REPORT_COL_GAP: { id: 'Selisih', en: 'Gap' },
  REPORT_GAPS: {
    id: (p) => `Kesenjangan terhadap ${p.host}`,
    en: (p) => `Gaps against ${p.host}`,
  },
  REPORT_GAPS_NO_HOST: { id: 'Kesenjangan terhadap tuan rumah', en: 'Gaps against the host' },
  REPORT_COL_INDICATOR: { id: 'Indikator', en: 'Indicator' },
  // The body's own column beside the host's, as in the domains table (the page's columns are narrow).
  REPORT_COL_OURS: { id: 'Instansi', en: 'Body' },
  REPORT_GAPS_HIDDEN: {
    id: 'Tuan rumah belum membagikan tingkat indikatornya.',
    en: 'The host does not share its indicator levels yet.',
  },
  REPORT_NO_HOST: {
    id: 'Belum ada tuan rumah untuk dibandingkan.',
    en: 'No host to compare with yet.',
  },
  REPORT_NO_GAPS: {
    id: 'Tidak ada indikator di bawah tingkat tuan rumah.',
    en: 'No indicator is below the host’s level.',
  },
  REPORT_PLAN: {
    id: (p) => `Rencana aksi ${p.period} · ${p.status}`,
    en: (p) => `Action plan ${p.period} · ${p.status}`,
  },
  REPORT_PLAN_PROGRESS: { id: 'Kemajuan rencana aksi', en: 'Action plan progress' },
  REPORT_NO_PLAN: { id: 'Belum ada rencana aksi.', en: 'No action plan yet.' },
  REPORT_PLAN_draft: { id: 'draf', en: 'draft' },
  REPORT_PLAN_submitted: { id: 'menunggu persetujuan', en: 'awaiting approval' },
  REPORT_PLAN_approved: {
    id: (p) => `disetujui (versi ${p.version})`,
    en: (p) => `approved (version ${p.version})`,
  },
  REPORT_PLAN_COUNTS: {
    id: (p) =>
      `${p.total} kegiatan: ${p.done} selesai · ${p.inProgress} berjalan · ${p.blocked} terhambat · ${p.planned} direncanakan · ${p.overdue} terlambat`,
    en: (p) =>
      `${p.total} items: ${p.done} done · ${p.inProgress} in progress · ${p.blocked} blocked · ${p.planned} planned · ${p.overdue} overdue`,
  },
  REPORT_PLAN_PERCENT: { id: (p) => `${p.percent}% selesai`, en: (p) => `${p.percent}% done` },
  REPORT_OVERDUE: { id: 'Kegiatan terlambat', en: 'Overdue items' },
  REPORT_COL_ITEM: { id: 'Kegiatan', en: 'Item' },
  REPORT_COL_OWNER: { id: 'Penanggung jawab', en: 'Owner' },
  REPORT_COL_DUE: { id: 'Tenggat', en: 'Due' },
  REPORT_COL_LATE: { id: 'Terlambat', en: 'Late' },
  REPORT_DAYS: { id: (p) => `${p.days} hari`, en: (p) => `${p.days} days` },
  REPORT_NO_OWNER: { id: 'belum ada', en: 'none yet' },
  REPORT_NO_OVERDUE: { id: 'Tidak ada kegiatan yang terlambat.', en: 'No item is overdue.' },
  REPORT_MORE: { id: (p) => `dan ${p.count} lainnya`, en: (p) => `and ${p.count} more` },
  REPORT_SAMPLE: {
    id: 'Memuat data contoh (bukan data resmi).',
    en: 'Contains sample data (not official data).',
  },
  REPORT_FOOTER: {
    id: 'Indeks dihitung seperti evaluasi SPBE resmi (bobot dan predikat kerangka SPBE 2020). Hasil resmi diterbitkan KemenPAN-RB.',
    en: 'The index is computed as the official SPBE evaluation does (SPBE 2020 weights and predicates). Official results are published by KemenPAN-RB.',
  },
});
