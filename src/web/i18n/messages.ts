import { idAccounts } from './messages-accounts';
import { idAssessment } from './messages-assessment.id';
import { idErrors } from './messages-errors';
import { idFollowup } from './messages-followup';
import { idFrameworks } from './messages-frameworks';
import { idHome } from './messages-home';
import { idMeasure } from './messages-measure';
import { idPortal } from './messages-portal';
import { idPractices } from './messages-practices';
import { idQuestions } from './messages-questions';
import { idSupervision } from './messages-supervision';

// UI text: Bahasa Indonesia first; English (messages.en.ts) must have the same keys (checked by
// the type). Only the language in use is downloaded: this one with the app, English on demand.
export const id = {
  ...idAccounts,
  ...idAssessment,
  ...idErrors,
  ...idFollowup,
  ...idFrameworks,
  ...idHome,
  ...idMeasure,
  ...idPractices,
  ...idPortal,
  ...idQuestions,
  ...idSupervision,
  appName: 'Living Lab SPBE',
  appTagline: 'Indonesia Digital Services Living Lab',
  sampleData: 'data contoh',
  sampleBanner: 'Mode contoh: data pengguna dan keanggotaan di sini adalah DATA CONTOH, bukan data resmi.',
  language: 'Bahasa',
  loading: 'Memuat…',
  retry: 'Coba lagi',
  save: 'Simpan',
  cancel: 'Batal',
  confirm: 'Ya, lanjutkan',
  delete: 'Hapus',
  edit: 'Ubah',
  close: 'Tutup',
  search: 'Cari',
  yes: 'Ya',
  no: 'Tidak',
  all: 'Semua',
  previous: 'Sebelumnya',
  next: 'Berikutnya',
  pageOf: 'Halaman {page} dari {count} · {total} data',
  nothingFound: 'Tidak ada data yang cocok.',
  requestId: 'ID permintaan',
  // navigation
  navHome: 'Beranda',
  navDirectory: 'Direktori instansi',
  navUsers: 'Pengguna',
  navAudit: 'Log audit',
  navOutbox: 'Kotak keluar email',
  navAccount: 'Akun saya',
  navApi: 'Dokumentasi API',
  logout: 'Keluar',
  skipToContent: 'Lompat ke konten',
  // home
  welcome: 'Selamat datang, {name}',
  yourRoles: 'Peran Anda',
  noRoles: 'Anda belum memiliki peran di instansi mana pun. Hubungi admin instansi Anda.',
  openBody: 'Buka halaman instansi',
  // errors
  notFoundTitle: 'Halaman tidak ditemukan',
  notFoundText: 'Alamat ini tidak ada, atau Anda tidak berhak melihatnya.',
  errorTitle: 'Terjadi kesalahan',
};

export type Messages = typeof id;
