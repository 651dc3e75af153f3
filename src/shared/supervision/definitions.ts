import { definitions as followup } from '../followup/definitions';
import type { Text } from '../followup/milestones';

// What the supervisors' figures mean, served with them (API and page). The follow-up figures keep
// the follow-up measure's own definitions; these add the index, the map and the simulation.

export const supervisionDefinitions = {
  cohort: followup.cohort,
  followedUp: followup.followedUp,
  followingPath: followup.followingPath,
  improved: followup.improved,
  latestIndex: {
    id: 'Indeks terakhir: indeks tahun evaluasi terbaru instansi — hasil resmi, atau jika tahun itu belum ada hasil resmi, penilaian mandiri yang sudah dikirim (ditandai "mandiri").',
    en: 'Latest index: the index of the body’s newest evaluation year — the official result, or where that year has none yet, its submitted self-assessment (marked "self").',
  },
  averageIndex: {
    id: 'Rata-rata indeks: rata-rata indeks terakhir instansi (pemerintah provinsi dan kabupaten/kota) yang memilikinya; instansi tanpa indeks tidak dihitung.',
    en: 'Average index: the mean latest index of the bodies (province government and kab/kota) that have one; bodies without an index are left out.',
  },
  indexTrend: {
    id: 'Tren indeks per tahun: rata-rata indeks instansi yang memiliki hasil pada tahun evaluasi itu (hasil resmi, jika tidak ada penilaian mandiri), terpisah untuk setiap kerangka penilaian karena hasil kerangka yang berbeda tidak dapat dibandingkan.',
    en: 'Index trend per year: the mean index of the bodies with a result for that evaluation year (official, else self-assessed), apart for each assessment framework, since results of different frameworks cannot be compared.',
  },
  mapMilestone: {
    id: 'Warna tindak lanjut: tonggak terjauh yang dicapai instansi menurut urutan perjalanan belajar; "bergabung" jika belum ada tonggak; tuan rumah diberi warna sendiri.',
    en: 'Follow-up colour: the furthest milestone the body reached in the journey’s order; "joined" when none yet; hosts have their own colour.',
  },
  stalled: {
    id: 'Tertahan: tidak ada kemajuan selama {days} hari atau lebih sebelum tonggak berikutnya, atau ada kegiatan rencana aksi yang melewati tenggat, atau kewajiban tindak lanjut kunjungan terlewat.',
    en: 'Stalled: no progress for {days} days or more before the next milestone, or action items past their due date, or a visit’s follow-up obligation missed.',
  },
  simulation: {
    id: 'Simulasi kelompok: untuk setiap instansi terpilih, indeks terakhirnya ditambah kenaikan yang dihasilkan jika semua target level pada rencana aksinya yang disetujui tercapai — kenaikan dihitung dengan mesin indeks yang sama dari level terbarunya (hasil resmi rinci atau penilaian mandiri). Instansi lain tetap pada indeks terakhirnya; rata-rata dihitung dari instansi yang memiliki indeks.',
    en: 'Group simulation: for each chosen body, its latest index plus the rise if every level target of its approved action plans were reached — the rise scored by the same index engine from its newest levels (detailed official result or self-assessment). Other bodies keep their latest index; the average is over the bodies that have an index.',
  },
} as const satisfies Record<string, Text>;
