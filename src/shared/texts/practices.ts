import { defineTexts } from './table';

// Texts of the practice catalogue, the replication ledger and assistance requests (contracts
// practices, adoptions, assistance, fields and modules/practices), and of two request guards of
// the platform (an upload without its file, a NUL character) that every area's routes share.
// A replication's stages as they read in a notice to the host.
const stageId = {
  interested: 'berminat',
  agreed: 'sepakat (MoU/PKS)',
  adapting: 'menyesuaikan',
  live: 'berjalan',
  measured: 'terukur',
  dropped: 'dihentikan',
};
const stageEn = {
  interested: 'interested',
  agreed: 'agreed (MoU/PKS)',
  adapting: 'adapting',
  live: 'live',
  measured: 'measured',
  dropped: 'dropped',
};

export const practicesTexts = defineTexts({
  NOTICE_ASSISTANCE_REQUESTED: {
    id: (p) => `${p.org} meminta pendampingan: ${p.topic}`,
    en: (p) => `${p.org} asks for assistance: ${p.topic}`,
  },
  NOTICE_ASSISTANCE_ANSWERED: {
    id: (p) => `${p.host} menanggapi permintaan pendampingan: ${p.topic}`,
    en: (p) => `${p.host} answered the assistance request: ${p.topic}`,
  },
  NOTICE_ASSISTANCE_ASSIGNED: {
    id: (p) => `Anda ditugaskan mendampingi ${p.org}: ${p.topic}`,
    en: (p) => `You were assigned to assist ${p.org}: ${p.topic}`,
  },
  NOTICE_ADOPTION_STAGE: {
    id: (p) => `${p.org} — replikasi “${p.title}”: ${stageId[p.stage as keyof typeof stageId]}`,
    en: (p) => `${p.org} — replication of “${p.title}”: ${stageEn[p.stage as keyof typeof stageEn]}`,
  },
  FIELD_DATE_INVALID: { id: 'Tanggal YYYY-MM-DD', en: 'Date YYYY-MM-DD' },
  FIELD_HTTP_URL_INVALID: { id: 'URL http(s) tidak valid', en: 'Invalid http(s) URL' },
  SPDX_UNKNOWN: {
    id: 'Bukan lisensi SPDX yang dikenal (mis. MIT, Apache-2.0)',
    en: 'Not a known SPDX licence (e.g. MIT)',
  },
  INDICATOR_DUPLICATE: { id: 'Indikator ganda', en: 'Duplicate indicator' },
  AGREEMENT_NUMBER_REQUIRED: { id: 'Isi nomor MoU dan/atau PKS', en: 'Give the MoU and/or PKS number' },
  AGREEMENT_EXPIRY_BEFORE_SIGNING: {
    id: 'Harus setelah tanggal tanda tangan',
    en: 'Must be after the signing date',
  },
  LIVE_PROOF_REQUIRED: { id: 'Isi alamat layanan atau bukti', en: 'Give the URL or evidence' },
  ASSISTANCE_NOTHING_TO_CHANGE: { id: 'Tidak ada perubahan', en: 'Nothing to change' },
  FRAMEWORK_UNKNOWN: {
    id: (p) => `Kerangka ${p.framework} tidak ada`,
    en: (p) => `No framework ${p.framework}`,
  },
  INDICATOR_UNKNOWN: {
    id: (p) => `Indikator ${p.indicator} tidak ada di ${p.framework}`,
    en: (p) => `No indicator ${p.indicator} in ${p.framework}`,
  },
  NOT_HOST_MENTOR: { id: 'Bukan pendamping dari tuan rumah ini', en: 'Not a mentor of this host' },
  FILE_NOT_IN_LOCKER: {
    id: 'Berkas tidak ada di brankas bukti instansi',
    en: 'File not in the body’s evidence locker',
  },
  PRACTICE_VERSION_REQUIRED: { id: 'Versi wajib diisi', en: 'The version is required' },
  ADOPTION_PLAN_UNKNOWN: { id: 'Rencana instansi ini tidak ada', en: 'No such plan of this body' },
  ADOPTION_OWN_PRACTICE: { id: 'Praktik milik instansi sendiri', en: 'The body’s own practice' },
  ASSISTANCE_ADOPTION_UNKNOWN: {
    id: 'Replikasi tidak ada',
    en: 'No such replication with this host',
  },
  ASSISTANCE_PRACTICE_MISMATCH: {
    id: 'Bukan praktik replikasi ini',
    en: 'Not this replication’s practice',
  },
  ASSISTANCE_PRACTICE_UNKNOWN: {
    id: 'Praktik tuan rumah ini tidak ada',
    en: 'No such practice of this host',
  },
  ASSISTANCE_TO_ITSELF: { id: 'Tidak dapat meminta ke diri sendiri', en: 'Not to itself' },
  LEVELS_OFFICIAL: { id: 'Hasil evaluasi resmi', en: 'Official result' },
  LEVELS_SELF_ASSESSED: { id: 'Penilaian mandiri', en: 'Self-assessment' },
  LEVELS_NONE: {
    id: 'Belum ada tingkat: semua indikator dianggap tingkat 1',
    en: 'No levels yet: every indicator taken as level 1',
  },
  UPLOAD_FILE_REQUIRED: { id: 'Berkas wajib', en: 'File required' },
  REQUEST_NUL_NOT_ALLOWED: { id: 'Karakter NUL tidak diizinkan', en: 'NUL characters are not allowed' },
  REQUEST_LONE_SURROGATE: {
    id: 'Teks berisi karakter Unicode yang tidak utuh (surrogate tunggal)',
    en: 'The text contains a broken Unicode character (a lone surrogate)',
  },
  REQUEST_BAD_URL: {
    id: 'Alamat berisi karakter yang tidak valid (bukan UTF-8 yang benar)',
    en: 'The address has invalid characters (not proper UTF-8)',
  },
  REQUEST_PARAM_TOO_LONG: { id: 'Bagian alamat terlalu panjang', en: 'A part of the address is too long' },
  UPLOAD_MALFORMED: {
    id: 'Isi multipart/form-data rusak atau terpotong',
    en: 'The multipart/form-data body is malformed or cut short',
  },
});
