import { defineTexts } from './table';

// Texts of action plans (contracts/plans.ts, modules/plans): field issues, the spreadsheet
// import's row problems and the notices sent as a plan moves.
export const planTexts = defineTexts({
  PLAN_PERIOD_FORMAT: {
    id: 'Periode mis. 2026, 2026-S1 atau 2026-Q3',
    en: 'Period e.g. 2026, 2026-S1 or 2026-Q3',
  },
  PLAN_DUE_BEFORE_START: { id: 'Sebelum tanggal mulai', en: 'Before the start date' },
  PLAN_BLOCKED_REASON_REQUIRED: {
    id: 'Alasan wajib bila terhambat',
    en: 'A reason is required when blocked',
  },
  PLAN_NOTHING_TO_CHANGE: { id: 'Tidak ada perubahan', en: 'Nothing to change' },
  PLAN_HAS_NO_ITEMS: { id: 'Rencana belum berisi kegiatan', en: 'The plan has no items' },
  PLAN_UNKNOWN_INDICATOR: {
    id: (p) => `Indikator ${p.indicator} tidak ada`,
    en: (p) => `No indicator ${p.indicator}`,
  },
  PLAN_OTHER_FRAMEWORK: {
    id: (p) =>
      `Rencana ini memakai kerangka ${p.plan}; langkah atau praktik pada kerangka ${p.framework} tidak dapat ditambahkan ke dalamnya`,
    en: (p) =>
      `This plan uses framework ${p.plan}; steps or practices on framework ${p.framework} cannot be added to it`,
  },
  PLAN_UNKNOWN_PRACTICE: { id: 'Praktik tidak ada', en: 'No such practice' },
  PLAN_NOT_A_MEMBER: { id: 'Bukan pengguna instansi ini', en: 'Not a user of this body' },

  PLAN_INCOMPLETE_COUNTS: {
    id: (p) =>
      `${p.missingOwner} kegiatan tanpa penanggung jawab, ${p.missingDueDate} kegiatan tanpa tenggat`,
    en: (p) => `${p.missingOwner} item(s) without an owner, ${p.missingDueDate} without a due date`,
  },

  PLAN_NOTICE_SUBMIT: {
    id: (p) => `Rencana aksi ${p.period} menunggu persetujuan Anda`,
    en: (p) => `Action plan ${p.period} awaits your approval`,
  },
  PLAN_NOTICE_APPROVE: {
    id: (p) => `Rencana aksi ${p.period} disetujui`,
    en: (p) => `Action plan ${p.period} was approved`,
  },
  PLAN_NOTICE_RETURN: {
    id: (p) => `Rencana aksi ${p.period} dikembalikan pimpinan`,
    en: (p) => `Action plan ${p.period} was returned by the leader`,
  },

  PLAN_SHEET_COLUMN_MISSING: { id: 'Kolom wajib tidak ada', en: 'Required column missing' },
  PLAN_SHEET_NO_ROWS: { id: 'Berkas tidak berisi data', en: 'No data rows' },
  PLAN_SHEET_AWAITS_APPROVAL: {
    id: 'Rencana sedang menunggu persetujuan',
    en: 'The plan awaits approval',
  },
  PLAN_SHEET_TARGET_FORMAT: {
    id: (p) => `"${p.part}" bukan format indikator:tingkat`,
    en: (p) => `"${p.part}" is not indicator:level`,
  },
  PLAN_SHEET_NOT_A_MEMBER: {
    id: (p) => `${p.email} bukan pengguna instansi ini`,
    en: (p) => `${p.email} is not a user of this body`,
  },
  PLAN_SHEET_STATUS_ONE_OF: {
    id: (p) => `Salah satu dari ${p.statuses}`,
    en: (p) => `One of ${p.statuses}`,
  },
  PLAN_SHEET_DUPLICATE_ROW: {
    id: (p) => `Duplikat baris ${p.first}`,
    en: (p) => `Duplicate of row ${p.first}`,
  },
  PLAN_SHEET_NO_SUCH_ITEM: {
    id: 'Kegiatan tidak ada di rencana ini',
    en: 'No such item in this plan',
  },
  PLAN_SHEET_CHANGED_SINCE_EXPORT: {
    id: (p) => `Diubah oleh pengguna lain sejak diekspor (versi ${p.version}, sekarang ${p.current})`,
    en: (p) => `Changed since the export (version ${p.version}, now ${p.current})`,
  },
  PLAN_SHEET_EXECUTION_ONLY: {
    id: 'Rencana sudah disetujui: hanya status, progres dan penanggung jawab yang dapat diubah',
    en: 'Approved plan: only status, progress and assignee can change',
  },
  PLAN_SHEET_NEW_ONLY_IN_DRAFT: {
    id: 'Kegiatan baru hanya pada rencana draf',
    en: 'New items only in a draft plan',
  },
});
