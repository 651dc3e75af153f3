// UI text about which framework a figure belongs to: the framework an evaluation year uses, the
// label every index carries, and trends split where the framework changed. Bahasa Indonesia
// first; English (messages-frameworks.en.ts) must have the same keys (checked by the type).
export const idFrameworks = {
  yearFramework: 'Tahun evaluasi {year} dinilai dengan kerangka {framework}.',
  yearFrameworkConfigured: 'Ditetapkan oleh konfigurasi platform.',
  yearFrameworkLoading: 'Memeriksa kerangka tahun evaluasi ini…',
  frameworkOfIndex: 'Kerangka: {framework}',
  frameworkProvisional: 'sementara',
  frameworkYears: 'Tahun evaluasi {from}–{until}',
  frameworkYearsFrom: 'Tahun evaluasi {from} dan seterusnya',
  frameworkCorrects: 'Koreksi admin atas versi {version}',
  frameworkCorrectHelp:
    'Untuk mengoreksi kerangka tanpa rilis baru, muat definisinya dengan ID yang sama dan versi baru. Penilaian baru memakai koreksi itu; penilaian yang sudah ada tetap memakai versi yang tercatat.',
  trendSplitNote:
    'Hasil dari kerangka penilaian yang berbeda tidak dapat dibandingkan, sehingga ditampilkan terpisah per kerangka.',
  trendSection: '{framework} ({from}–{until})',
  simulatorOtherFramework:
    'Simulasi ini memakai kerangka penilaian mandiri sebelumnya: langkahnya tidak dapat dijadikan kegiatan rencana aksi tahun ini, yang memakai kerangka tahun evaluasi berjalan.',
};

export type FrameworkMessages = typeof idFrameworks;
