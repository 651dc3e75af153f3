// UI text of the app's error pages and notices (features/layout/error-*.tsx): what went wrong,
// in words a user can act on, and what to do next. Bahasa Indonesia first; English must have the
// same keys (checked by the type).
export const idErrors = {
  errorRateLimitedTitle: 'Terlalu banyak permintaan',
  errorRateLimitedWait: 'Terlalu banyak permintaan, coba lagi dalam {seconds} detik.',
  errorRateLimitedNow: 'Terlalu banyak permintaan. Anda dapat mencoba lagi sekarang.',
  errorNetworkTitle: 'Tidak terhubung',
  errorNetworkText: 'Tidak dapat menghubungi server. Periksa koneksi internet Anda, lalu coba lagi.',
  errorServerTitle: 'Terjadi kesalahan pada server',
  errorServerText:
    'Permintaan Anda tidak dapat diselesaikan. Coba lagi; jika masih gagal, sebutkan ID permintaan di bawah saat melapor.',
  errorAppText: 'Halaman ini mengalami kesalahan. Coba lagi; jika masih gagal, muat ulang halaman.',
  errorChunkTitle: 'Halaman perlu dimuat ulang',
  errorChunkText:
    'Sebagian aplikasi tidak dapat dimuat: koneksi terputus, atau aplikasi baru saja diperbarui. Muat ulang halaman untuk melanjutkan.',
  reloadPage: 'Muat ulang halaman',
  verifyNotFound:
    'Tanda tangan dengan ID ini tidak ditemukan. Periksa kembali tautan atau kode QR yang Anda pindai.',
};

export type ErrorMessages = typeof idErrors;
