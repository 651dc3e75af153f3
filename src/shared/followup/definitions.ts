import type { Text } from './milestones';

// What each follow-up figure means, in words, served with the figures (API and page) so that
// nobody has to guess how a percentage was counted.

export const definitions = {
  cohort: {
    id: 'Kohort: setiap instansi dalam cakupan yang bergabung dengan Living Lab — berkunjung (studi tiru) ke tuan rumah, menandatangani komitmen, atau menjadi anggota program. Tanggal acuan: kunjungan pertama, jika tidak ada penandatanganan pertama, jika tidak ada tanggal bergabung dengan program. Persentase dihitung dari kohort.',
    en: 'Cohort: every body in the scope that joined the Living Lab — visited a host (study visit), signed the commitment, or is a programme member. Reference date: the first visit, else the first signing, else joining a programme. Percentages are of the cohort.',
  },
  visited: {
    id: 'Berkunjung: instansi kohort yang tercatat melakukan studi tiru.',
    en: 'Visited: cohort bodies with a recorded study visit.',
  },
  committed: {
    id: 'Berkomitmen: tanda tangan komitmen yang sah (tidak dicabut) pada atau setelah tanggal acuan.',
    en: 'Committed: a valid (not revoked) commitment signature on or after the reference date.',
  },
  assessed: {
    id: 'Melakukan penilaian mandiri: penilaian mandiri dikirim pada atau setelah tanggal acuan.',
    en: 'Assessed: a self-assessment submitted on or after the reference date.',
  },
  planned: {
    id: 'Berencana: rencana aksi disetujui pimpinan pada atau setelah tanggal acuan.',
    en: 'Planned: an action plan approved by the leader on or after the reference date.',
  },
  acting: {
    id: 'Bertindak: kegiatan rencana aksi selesai dengan bukti dukung, atau diverifikasi pendamping, pada atau setelah tanggal acuan.',
    en: 'Acting: an action item finished with evidence, or verified by a mentor, on or after the reference date.',
  },
  replicating: {
    id: 'Mereplikasi: praktik baik yang diadopsi telah sampai tahap sepakat (MoU/PKS) atau lebih, disepakati pada atau setelah tanggal acuan.',
    en: 'Replicating: an adopted practice at the agreed stage (MoU/PKS) or later, agreed on or after the reference date.',
  },
  improved: {
    id: 'Membaik: indeks resmi untuk tahun evaluasi setelah tahun acuan lebih tinggi dari indeks resmi dasar (hasil resmi terakhir sampai tahun acuan), dalam kerangka yang sama. Kenaikan menurut penilaian mandiri ditampilkan terpisah sebagai "dilaporkan mandiri" dan tidak pernah dicampur.',
    en: 'Improved: an official index for an evaluation year after the reference year above the official baseline (the latest official result up to the reference year), in the same framework. Self-assessed gains are shown apart as "self-reported" and never mixed in.',
  },
  followingPath: {
    id: 'Mengikuti jejak tuan rumah: dari kesenjangan indikator dengan tuan rumah pada tanggal acuan (bobot × selisih level), sedikitnya ambang (bawaan 25%) telah ditutup menurut level dengan bukti terbaik (resmi, lalu penilaian mandiri yang diterima) — atau sedikitnya satu praktik replikasi telah berjalan.',
    en: "Following the host's path: of the indicator gap to the host at the reference date (weight × levels missing), at least the threshold (25% by default) has been closed on the best-evidenced levels (official, then accepted self-assessment) — or at least one replicated practice is live.",
  },
  followedUp: {
    id: 'Menindaklanjuti: salah satu dari melakukan penilaian mandiri, berencana, bertindak atau mereplikasi terjadi setelah tanggal acuan.',
    en: 'Followed up: any of assessed, planned, acting or replicating after the reference date.',
  },
  selfReported: {
    id: 'Dilaporkan mandiri: indeks penilaian mandiri tahun setelah tahun acuan lebih tinggi dari penilaian mandiri dasar. Bukan hasil resmi.',
    en: 'Self-reported: a self-assessed index for a year after the reference year above the self-assessed baseline. Not an official result.',
  },
  notJoined: {
    id: 'Belum bergabung: kabupaten/kota di provinsi ini yang belum berkunjung, menandatangani komitmen, atau menjadi anggota program (tuan rumah tidak dihitung).',
    en: 'Not joined: kabupaten/kota of this province that have not visited, signed the commitment or joined a programme (hosts are not counted).',
  },
} as const satisfies Record<string, Text>;
