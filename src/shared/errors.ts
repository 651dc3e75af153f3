// One catalogue of error codes, shared by the server (status + messages) and the web client
// (which shows the message in the user's language). Codes are stable API contract.
import { z } from 'zod';

export type Locale = 'id' | 'en';

export const errorCatalogue = {
  VALIDATION_FAILED: {
    status: 400,
    id: 'Data yang dikirim tidak valid.',
    en: 'The submitted data is invalid.',
  },
  MALFORMED_JSON: {
    status: 400,
    id: 'Isi permintaan bukan JSON yang valid.',
    en: 'The request body is not valid JSON.',
  },
  TOKEN_INVALID: {
    status: 400,
    id: 'Tautan tidak valid atau sudah kedaluwarsa.',
    en: 'The link is invalid or has expired.',
  },
  WRONG_PASSWORD: { status: 400, id: 'Kata sandi saat ini salah.', en: 'The current password is wrong.' },
  ROLE_NOT_FOR_ORG: {
    status: 400,
    id: 'Peran ini tidak dapat diberikan di instansi ini.',
    en: 'This role cannot be given in this body.',
  },
  UNAUTHENTICATED: { status: 401, id: 'Silakan masuk terlebih dahulu.', en: 'Please sign in first.' },
  INVALID_CREDENTIALS: { status: 401, id: 'Email atau kata sandi salah.', en: 'Wrong email or password.' },
  FORBIDDEN: {
    status: 403,
    id: 'Anda tidak berwenang melakukan tindakan ini.',
    en: 'You are not allowed to do this.',
  },
  CSRF_FAILED: {
    status: 403,
    id: 'Permintaan ditolak (token keamanan tidak cocok). Muat ulang halaman.',
    en: 'Request refused (security token mismatch). Reload the page.',
  },
  ACCOUNT_DISABLED: { status: 403, id: 'Akun ini dinonaktifkan.', en: 'This account is disabled.' },
  NOT_FOUND: { status: 404, id: 'Data tidak ditemukan.', en: 'Not found.' },
  ROUTE_NOT_FOUND: { status: 404, id: 'Alamat API tidak dikenal.', en: 'Unknown API route.' },
  CONFLICT: {
    status: 409,
    id: 'Data sudah ada atau bentrok.',
    en: 'The record already exists or conflicts.',
  },
  EMAIL_TAKEN: { status: 409, id: 'Email sudah terdaftar.', en: 'This email is already registered.' },
  ORG_CODE_TAKEN: {
    status: 409,
    id: 'Kode instansi sudah digunakan.',
    en: 'This body code is already in use.',
  },
  ASSESSMENT_EXISTS: {
    status: 409,
    id: 'Penilaian mandiri untuk instansi, tahun dan kerangka ini sudah ada.',
    en: 'A self-assessment for this body, year and framework already exists.',
  },
  VERSION_CONFLICT: {
    status: 409,
    id: 'Data ini baru saja diubah oleh pengguna lain. Bandingkan kedua versi, lalu simpan kembali.',
    en: 'Someone else just changed this record. Compare both versions, then save again.',
  },
  INVALID_STATE: {
    status: 409,
    id: 'Tindakan ini tidak dapat dilakukan pada status penilaian saat ini.',
    en: 'This action is not possible in the assessment’s current status.',
  },
  ASSESSMENT_INCOMPLETE: {
    status: 400,
    id: 'Semua indikator harus diisi, dan indikator 45–47 masing-masing harus menyebut layanan publik sektoral yang berbeda, sebelum penilaian dikirim.',
    en: 'Every indicator must be filled in, and indicators 45–47 must each name a different sectoral public service, before submitting.',
  },
  // Indicators 45–47 are three different services (shared/framework/chosen-services.ts).
  ASSESSMENT_SERVICE_TAKEN: {
    status: 409,
    id: 'Layanan publik sektoral ini sudah dipilih pada indikator lain dalam penilaian ini. Indikator 45–47 harus menyebut tiga layanan yang berbeda.',
    en: 'This sectoral public service is already chosen for another indicator of this assessment. Indicators 45–47 must name three different services.',
  },
  EVIDENCE_NOT_REUSABLE: {
    status: 400,
    id: 'Berkas ini tidak dapat digunakan kembali untuk indikator ini: hanya bukti dukung instansi ini yang tertaut pada indikator SPBE terkait yang dapat digunakan.',
    en: 'This file cannot be reused for this indicator: only this body’s evidence linked to a related SPBE indicator can be reused.',
  },
  FILE_TYPE_NOT_ALLOWED: {
    status: 415,
    id: 'Jenis berkas tidak diizinkan. Unggah PDF, gambar (PNG/JPEG/WebP) atau dokumen Office.',
    en: 'File type not allowed. Upload a PDF, an image (PNG/JPEG/WebP) or an Office document.',
  },
  FILE_EMPTY: { status: 400, id: 'Berkas kosong.', en: 'The file is empty.' },
  IMPORT_INVALID: {
    status: 400,
    id: 'Berkas impor berisi kesalahan; tidak ada data yang disimpan. Lihat daftar baris.',
    en: 'The import file has errors; nothing was saved. See the list of rows.',
  },
  FRAMEWORK_INVALID: {
    status: 400,
    id: 'Kerangka tidak valid; tidak ada yang disimpan. Lihat daftar masalah.',
    en: 'The framework is invalid; nothing was stored. See the list of problems.',
  },
  NOT_A_HOST: {
    status: 400,
    id: 'Instansi tujuan kunjungan bukan tuan rumah Living Lab.',
    en: 'The visited body is not a Living Lab host.',
  },
  QUESTION_SETTLED: {
    status: 409,
    id: 'Pertanyaan ini sudah memiliki jawaban yang diterima: jawaban tidak dapat diubah atau dihapus lagi.',
    en: 'This question already has an accepted answer: answers can no longer be edited or deleted.',
  },
  HOST_ONLY: {
    status: 400,
    id: 'Instansi ini bukan tuan rumah Living Lab (hanya tuan rumah yang menerbitkan praktik baik dan menerima permintaan pendampingan).',
    en: 'This body is not a Living Lab host (only hosts publish practices and receive assistance requests).',
  },
  PRACTICE_NOT_PUBLISHED: {
    status: 409,
    id: 'Praktik baik ini belum atau tidak lagi diterbitkan.',
    en: 'This practice is not (or no longer) published.',
  },
  ADOPTION_EXISTS: {
    status: 409,
    id: 'Instansi ini sudah tercatat mereplikasi praktik ini.',
    en: 'This body already has a replication of this practice.',
  },
  ADOPTION_MOVE_NOT_ALLOWED: {
    status: 409,
    id: 'Langkah ini tidak dapat dilakukan dari tahap replikasi saat ini.',
    en: 'This step is not possible from the replication’s current stage.',
  },
  PLAN_INCOMPLETE_ITEMS: {
    status: 409,
    id: 'Ada kegiatan tanpa penanggung jawab atau tanpa tenggat. Lengkapi kegiatan itu, atau setujui dengan menyatakan bahwa Anda mengetahuinya.',
    en: 'Some items have no owner or no due date. Complete them, or approve while acknowledging it.',
  },
  NO_EDITABLE_PLAN: {
    status: 409,
    id: 'Tidak ada rencana aksi berstatus draf untuk menampung kegiatan; revisi rencana terlebih dahulu.',
    en: 'There is no draft action plan to take the items; revise the plan first.',
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    id: 'Isi permintaan terlalu besar.',
    en: 'The request body is too large.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    id: 'Jenis konten tidak didukung.',
    en: 'Unsupported content type.',
  },
  RATE_LIMITED: {
    status: 429,
    id: 'Terlalu banyak permintaan. Coba lagi sebentar lagi.',
    en: 'Too many requests. Try again shortly.',
  },
  // A deadlock or serialisation failure that persisted through the retries: transient, so 503.
  WRITE_CONFLICT: {
    status: 503,
    id: 'Perubahan ini bertabrakan dengan perubahan lain yang dilakukan bersamaan. Silakan coba lagi.',
    en: 'This change collided with another one made at the same time. Please try again.',
  },
  INTERNAL: {
    status: 500,
    id: 'Terjadi kesalahan pada server. Sebutkan ID permintaan saat melapor.',
    en: 'Something went wrong on the server. Quote the request id when reporting.',
  },
  DATABASE_UNAVAILABLE: {
    status: 503,
    id: 'Basis data sedang tidak dapat dijangkau. Coba lagi dalam beberapa detik.',
    en: 'The database cannot be reached at the moment. Try again in a few seconds.',
  },
  EVENT_CANCELLED: {
    status: 409,
    id: 'Kegiatan ini telah dibatalkan.',
    en: 'This event has been cancelled.',
  },
  EVENT_FULL: {
    status: 409,
    id: 'Kuota peserta kegiatan ini sudah penuh.',
    en: 'This event has no places left.',
  },
  EVENT_NOT_INVITED: {
    status: 403,
    id: 'Instansi ini tidak diundang ke kegiatan tertutup ini.',
    en: 'This body is not invited to this private event.',
  },
  CHECKIN_CODE_INVALID: {
    status: 400,
    id: 'Kode kehadiran tidak valid atau bukan untuk kegiatan ini.',
    en: 'The check-in code is invalid or not for this event.',
  },
} as const satisfies Record<string, { status: number; id: string; en: string }>;

export type ErrorCode = keyof typeof errorCatalogue;

export const errorCodes = Object.keys(errorCatalogue) as [ErrorCode, ...ErrorCode[]];

/**
 * The body of every error answer. Registered under an id so the API description states it once
 * (components.schemas.ApiError) and every error response refers to it.
 */
export const apiErrorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(errorCodes),
      /** In the request's language (Accept-Language, id by default). */
      message: z.string(),
      /** Per code: field issues for VALIDATION_FAILED, row problems for imports, retryAfterSeconds for RATE_LIMITED. */
      details: z.unknown().optional(),
      /** Quote it when reporting a problem; the server log has the same id. */
      requestId: z.string().optional(),
    }),
  })
  .meta({ id: 'ApiError' });

export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;

export function errorMessage(code: ErrorCode, locale: Locale): string {
  return errorCatalogue[code][locale];
}
