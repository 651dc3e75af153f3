// UI text of the practice catalogue (list, practice page, adopt dialog, form); the replication
// ledger's and technical assistance's are in messages-replication.ts and join them here.
// Bahasa Indonesia first (formal register); English must have the same keys (checked by the type).
import { idReplication } from './messages-replication';

const idCatalogue = {
  navPractices: 'Katalog praktik',
  practicesTitle: 'Katalog praktik baik',
  practicesIntro:
    'Praktik yang telah berhasil di instansi tuan rumah: aplikasi, regulasi, SOP, dan lainnya. Pilih praktik yang menjawab kesenjangan indikator Anda, lalu adopsi untuk memulai replikasi.',
  practicesNextSignedOut: 'Masuk untuk mengadopsi praktik atau meminta pendampingan teknis.',
  practicesNextBody:
    'Langkah berikutnya: buka praktik yang sesuai dengan kesenjangan Anda, lalu pilih "Adopsi praktik ini".',
  publishPractice: 'Publikasikan praktik baru',
  signIn: 'Masuk',
  practiceType: 'Jenis praktik',
  indicatorFilter: 'Indikator',
  hostFilter: 'Tuan rumah',
  sortLabel: 'Urutkan',
  sort_updated: 'Terakhir diperbarui',
  sort_title: 'Judul (A–Z)',
  sort_adoptions: 'Paling banyak diadopsi',
  ptype_application: 'Aplikasi',
  ptype_regulation: 'Regulasi/kebijakan',
  ptype_sop: 'SOP/proses bisnis',
  ptype_organisation: 'Organisasi',
  ptype_infrastructure: 'Infrastruktur',
  ptype_public_service: 'Layanan publik',
  pstatus_draft: 'Draf',
  pstatus_published: 'Diterbitkan',
  pstatus_archived: 'Diarsipkan',
  adoptionsCount: '{count} adopsi',
  liveCount: '{count} berjalan',
  levelN: 'tingkat {level}',
  noPractices: 'Belum ada praktik yang sesuai dengan pencarian ini.',
  // practice page
  problemHeading: 'Masalah yang dijawab',
  summaryHeading: 'Ringkasan',
  indicatorsHeading: 'Indikator dan tingkat yang dicapai tuan rumah',
  sourceCodeHeading: 'Kode sumber',
  repository: 'Repositori',
  licence: 'Lisensi',
  stack: 'Teknologi',
  prerequisites: 'Prasyarat',
  effort: 'Perkiraan upaya',
  durationWeeks: 'Durasi (minggu)',
  durationN: '{weeks} minggu',
  contacts: 'Narahubung',
  filesHeading: 'Dokumen dan templat',
  historyHeading: 'Riwayat perubahan',
  noHistory: 'Belum ada perubahan.',
  adoptPractice: 'Adopsi praktik ini',
  requestAssistance: 'Minta pendampingan teknis',
  editPractice: 'Ubah praktik',
  practiceNextAdopt:
    'Langkah berikutnya: adopsi praktik ini untuk mencatat replikasi dan, bila perlu, menambahkannya ke rencana aksi.',
  practiceNextHost: 'Anda dapat mengubah praktik ini. Pastikan narahubung dan dokumen tetap mutakhir.',
  practiceNextSignIn: 'Masuk sebagai admin instansi untuk mengadopsi praktik ini.',
  publishedOn: 'Diterbitkan {date}',
  // adopt modal
  adoptTitle: 'Adopsi praktik',
  adoptingBody: 'Instansi yang mengadopsi',
  adoptNote: 'Catatan (opsional)',
  createItems: 'Tambahkan indikator praktik ini sebagai kegiatan rencana aksi',
  createItemsHint: 'Rencana aksi dibuat bila instansi belum memilikinya.',
  planLabel: 'Rencana aksi',
  planAuto: 'Rencana yang berjalan (otomatis)',
  adopted: 'Praktik diadopsi. Replikasi dimulai pada tahap "Berminat".',
  openAdoption: 'Buka replikasi tersebut',
  // form
  newPracticeTitle: 'Praktik baru',
  editPracticeTitle: 'Ubah praktik',
  practiceFormIntro:
    'Tuliskan praktik sehingga instansi lain dapat menirunya: masalah, cara kerja, prasyarat, dan dokumen pendukung.',
  practiceHostBody: 'Instansi tuan rumah',
  titleLabel: 'Judul',
  summaryLabel: 'Ringkasan',
  problemLabel: 'Masalah yang dijawab',
  addIndicator: 'Tambah indikator',
  indicatorN: 'Indikator {n}',
  levelReached: 'Tingkat yang dicapai',
  removeIndicator: 'Hapus indikator {n}',
  hasSourceCode: 'Praktik ini memiliki kode sumber terbuka',
  repoUrl: 'Alamat repositori',
  licenceHint: 'Ekspresi lisensi SPDX, mis. MIT atau Apache-2.0',
  contactMentors: 'Narahubung (pendamping dari tuan rumah)',
  lockerFiles: 'Dokumen dari lemari bukti tuan rumah',
  uploadToLocker: 'Unggah dokumen baru',
  uploadNotAllowed:
    'Hanya operator, admin, atau pendamping instansi tuan rumah yang dapat mengunggah dokumen baru.',
  publishStatus: 'Status',
  practiceSaved: 'Praktik disimpan',
  practicePublished: 'Praktik diterbitkan di katalog',
  practiceConflictTitle: 'Praktik telah diubah oleh pengguna lain',
  practiceConflictText:
    'Praktik ini diubah oleh pengguna lain setelah Anda membukanya. Muat versi terbaru, lalu terapkan kembali perubahan Anda.',
  loadLatest: 'Muat versi terbaru',
  fixErrors: 'Periksa kembali isian yang ditandai.',
  noHostRole: 'Anda belum menjadi pendamping atau admin di instansi tuan rumah.',
};

export type CatalogueMessages = typeof idCatalogue;
export const idPractices = { ...idCatalogue, ...idReplication };
export type PracticesMessages = typeof idPractices;
