// UI text of the public portal (no sign-in): the landing page, the bodies' public pages and the
// open data. Bahasa Indonesia first (formal register); English must have the same keys.

export const idPortal = {
  navPublicHome: 'Beranda',
  navPublicBodies: 'Instansi',
  publicNavLabel: 'Navigasi publik',
  portalHeading: 'Studi tiru: belajar, meniru, bertindak',
  portalIntro1:
    'Indonesia Digital Services Living Lab mengubah studi banding menjadi studi tiru. Instansi pemerintah belajar dari tuan rumah seperti Kabupaten Sumedang, lalu meniru praktiknya, bertindak, dan membuktikan hasilnya.',
  portalIntro2:
    'Setiap kunjungan menimbulkan kewajiban tindak lanjut. Halaman ini menunjukkan secara terbuka berapa instansi yang belajar, berapa persen yang menindaklanjuti, berapa yang mengikuti jejak tuan rumah, dan berapa yang Indeks SPBE resminya membaik.',
  portalIntro3:
    'Anggota masuk untuk melakukan penilaian mandiri, menyusun rencana aksi, dan mereplikasi praktik baik; pengunjung dapat menelusuri instansi dan katalog praktik tanpa masuk.',
  portalSignInCta: 'Masuk sebagai anggota',
  portalFiguresTitle: 'Angka nasional',
  portalMapTitle: 'Peta tindak lanjut per provinsi',
  portalAsOf: 'Dihitung per {date}.',
  portalLearned: 'Instansi yang belajar',
  portalLearnedSub: 'berkunjung, menandatangani komitmen, atau anggota program',
  portalOfCohort: '{count} dari {cohort} instansi',
  portalHostsPractices: '{hosts} tuan rumah · {practices} praktik baik diterbitkan',
  portalProvincesTitle: 'Per provinsi',
  portalProvincesHint:
    'Persentase dihitung dari instansi provinsi itu yang belajar. Pilih provinsi untuk melihat instansinya.',
  portalKabKota: 'Kab/kota',
  portalCohortCol: 'Belajar',
  portalOpenDataTitle: 'Data terbuka',
  portalOpenDataText:
    'Angka di halaman ini tersedia sebagai CSV dan JSON dengan lisensi CC BY 4.0: bebas digunakan dengan mencantumkan "Living Lab SPBE" sebagai sumber.',
  portalCsvSummary: 'Ringkasan nasional (CSV)',
  portalCsvProvinces: 'Per provinsi (CSV)',
  portalCsvBodies: 'Semua instansi (CSV)',
  portalApiDocs: 'Dokumentasi API',
  portalLicence: 'Lisensi CC BY 4.0',
  publicBodiesTitle: 'Instansi dalam Living Lab',
  publicBodiesIntro:
    'Setiap instansi dalam direktori, dengan tonggak tindak lanjutnya, tanda tangan komitmen pimpinannya, dan hasil evaluasi SPBE resmi terakhir.',
  publicJoinedFilter: 'Keikutsertaan',
  publicJoinedYes: 'Sudah belajar',
  publicJoinedNo: 'Belum bergabung',
  publicSignedCol: 'Komitmen',
  publicLatestOfficialCol: 'Indeks resmi terakhir',
  publicHostBadge: 'Tuan rumah',
  publicBodyHelp:
    'Halaman publik: hanya yang telah diumumkan. Pengguna, draf, dan bukti dukung instansi tidak pernah ditampilkan di sini.',
  publicBodyNotFound: 'Instansi dengan kode ini tidak ada dalam direktori.',
  publicOfficialTitle: 'Hasil evaluasi SPBE resmi',
  publicNoOfficial: 'Belum ada hasil resmi yang diumumkan untuk instansi ini.',
  publicYear: 'Tahun',
  publicIndex: 'Indeks',
  publicPredicate: 'Predikat',
  publicSource: 'Sumber',
  publicCommitmentTitle: 'Komitmen bersama',
  publicSigned: 'Ditandatangani oleh {position}, komitmen versi {version}, pada {date}.',
  publicNotSigned: 'Pimpinan instansi ini belum menandatangani komitmen bersama.',
  publicMilestonesTitle: 'Tonggak tindak lanjut',
  publicNotJoined:
    'Instansi ini belum bergabung dengan Living Lab: belum berkunjung ke tuan rumah, menandatangani komitmen, atau menjadi anggota program.',
  publicReferenceDate: 'Bergabung (tanggal acuan): {date}',
  publicNotReached: 'belum',
  publicPathProgress: 'Kesenjangan indikator dengan tuan rumah yang telah tertutup: {percent}',
  publicHostedTitle: 'Praktik baik yang dibagikan',
  publicReplicatedTitle: 'Praktik yang direplikasi',
  publicReplicatedFrom: 'dari {host}',
  publicNone: 'Belum ada.',
  publicOpenInApp: 'Buka halaman kerja instansi',
  publicBodyCsv: 'Data instansi ini (CSV)',
  publicAllBodies: 'Semua instansi',
};
export type PortalMessages = typeof idPortal;
