import { defineTexts } from './table';

// Texts of self-assessments (contracts/assessments.ts, modules/assessments) and of the framework
// engine (src/shared/framework: level checks and the framework-file validator, whose problems
// platform admins read when they load a framework).
export const assessmentTexts = defineTexts({
  YEAR_TOO_EARLY: {
    id: (p) => `Tahun ${p.min} atau sesudahnya`,
    en: (p) => `Year ${p.min} or later`,
  },
  YEAR_TOO_LATE: { id: (p) => `Paling lambat ${p.max}`, en: (p) => `At most ${p.max}` },
  ASSESSMENT_SERVICE_NAME_ONLY: {
    id: 'Hanya untuk indikator layanan',
    en: 'Service indicators only',
  },
  ASSESSMENT_SERVICE_NAME_TAKEN: {
    id: (p) => `Layanan ini sudah dipilih pada indikator ${p.indicator}`,
    en: (p) => `This service is already chosen for indicator ${p.indicator}`,
  },
  ASSESSMENT_RETURN_NEEDS_COMMENTS: {
    id: 'Sebutkan indikator yang harus diperbaiki',
    en: 'Name the indicators to rework',
  },
  ASSESSMENT_RETURNED_TITLE: {
    id: (p) => `Penilaian mandiri ${p.year} dikembalikan untuk diperbaiki`,
    en: (p) => `Self-assessment ${p.year} was returned for rework`,
  },
  ASSESSMENT_SUBMITTED_TITLE: {
    id: (p) => `${p.org} mengirim penilaian mandiri ${p.year} untuk ditinjau`,
    en: (p) => `${p.org} submitted its ${p.year} self-assessment for review`,
  },
  ASSESSMENT_RESUBMITTED_TITLE: {
    id: (p) => `${p.org} mengirim ulang penilaian mandiri ${p.year} setelah perbaikan`,
    en: (p) => `${p.org} resubmitted its ${p.year} self-assessment after rework`,
  },
  ASSESSMENT_ACCEPTED_TITLE: {
    id: (p) => `Penilaian mandiri ${p.year} diterima`,
    en: (p) => `Self-assessment ${p.year} was accepted`,
  },
  ASSESSMENT_EXPORT_PROVISIONAL: { id: 'sementara', en: 'provisional' },
  ASSESSMENT_EXPORT_COMPLETE: { id: 'lengkap', en: 'complete' },

  // The framework engine's level check (checkLevels): the one home of "this indicator exists".
  LEVEL_INDICATOR_NUMBER: { id: 'Hanya nomor indikator', en: 'Indicator numbers only' },
  LEVEL_UNKNOWN_INDICATOR: {
    id: (p) => `Indikator ${p.indicator} tidak ada dalam ${p.framework}`,
    en: (p) => `No indicator ${p.indicator} in ${p.framework}`,
  },
  LEVEL_NOT_INTEGER: { id: 'Harus bilangan bulat 1–5', en: 'Must be an integer 1–5' },
  LEVEL_OUT_OF_RANGE: { id: 'Harus antara 1 dan 5', en: 'Must be between 1 and 5' },
  TARGET_UNKNOWN_PREDICATE: {
    id: (p) => `Predikat ${p.predicate} tidak dikenal`,
    en: (p) => `Unknown predicate ${p.predicate}`,
  },
  EFFORT_NOT_POSITIVE: { id: 'Harus angka positif', en: 'Must be a positive number' },
  MAX_STEP_RANGE: {
    id: 'Kenaikan per tahun harus bilangan bulat 1–4 tingkat',
    en: 'The yearly rise must be a whole number of 1–4 levels',
  },
  YEARS_RANGE: {
    id: (p) => `Jumlah tahun harus bilangan bulat 1–${p.max}`,
    en: (p) => `The number of years must be a whole number 1–${p.max}`,
  },

  // The framework of an evaluation year (framework-for-year.ts), refused for a new self-assessment.
  FRAMEWORK_NO_YEAR: {
    id: (p) => `Belum ada kerangka penilaian untuk tahun evaluasi ${p.year}`,
    en: (p) => `No assessment framework applies to evaluation year ${p.year}`,
  },
  FRAMEWORK_YEAR_NOT_LOADED: {
    id: (p) =>
      `Tahun evaluasi ${p.year} ditetapkan memakai kerangka ${p.framework}, yang belum dimuat; hubungi admin platform`,
    en: (p) =>
      `Evaluation year ${p.year} is set to use framework ${p.framework}, which is not loaded; contact a platform admin`,
  },
  FRAMEWORK_NOT_FOR_YEAR: {
    id: (p) => `Tahun evaluasi ${p.year} dinilai dengan kerangka ${p.expected}, bukan ${p.framework}`,
    en: (p) => `Evaluation year ${p.year} is assessed on framework ${p.expected}, not ${p.framework}`,
  },

  // The framework-file validator (framework-schema.ts).
  FRAMEWORK_WEIGHT_DECIMALS: { id: 'Paling banyak dua desimal', en: 'At most two decimals' },
  FRAMEWORK_DUPLICATE_NUMBERS: {
    id: (p) => `Nomor ganda ${p.numbers}`,
    en: (p) => `Duplicate numbers ${p.numbers}`,
  },
  FRAMEWORK_GROUP_MIXED: {
    id: (p) => `Kelompok ${p.group} berisi kelompok sekaligus indikator`,
    en: (p) => `Group ${p.group} has both groups and indicators`,
  },
  FRAMEWORK_GROUP_UNKNOWN_INDICATOR: {
    id: (p) => `Kelompok ${p.group} menyebut indikator ${p.indicator} yang tidak ada`,
    en: (p) => `Group ${p.group} names unknown indicator ${p.indicator}`,
  },
  FRAMEWORK_GROUP_WEIGHT: {
    id: (p) => `Bobot kelompok ${p.group} ${p.weight} tetapi isinya berbobot ${p.contents}`,
    en: (p) => `Group ${p.group} weighs ${p.weight} but its contents weigh ${p.contents}`,
  },
  FRAMEWORK_TOTAL_WEIGHT: {
    id: (p) => `Jumlah bobot ${p.total}, bukan 100`,
    en: (p) => `Weights add up to ${p.total}, not 100`,
  },
  FRAMEWORK_UNPLACED: {
    id: (p) => `Indikator tanpa kelompok: ${p.numbers}`,
    en: (p) => `Indicators in no group: ${p.numbers}`,
  },
  FRAMEWORK_PLACED_TWICE: {
    id: (p) => `Indikator di dua kelompok: ${p.numbers}`,
    en: (p) => `Indicators in two groups: ${p.numbers}`,
  },
  FRAMEWORK_LEVEL_ORDER: {
    id: 'Tingkat harus 1..5 berurutan',
    en: 'Levels must be 1..5 in order',
  },
  FRAMEWORK_BAND_ORDER: {
    id: 'Pita predikat harus berurutan dari batas tertinggi ke bawah',
    en: 'Bands must be ordered from the highest min down',
  },

  // The crosswalk validator (framework/crosswalk.ts).
  CROSSWALK_DUPLICATE: {
    id: (p) => `Indikator disebut lebih dari sekali: ${p.numbers}`,
    en: (p) => `Indicators listed more than once: ${p.numbers}`,
  },
  CROSSWALK_FRAMEWORK_MISMATCH: {
    id: (p) => `Padanan ditulis untuk ${p.expected}, bukan ${p.actual}`,
    en: (p) => `The crosswalk is written for ${p.expected}, not ${p.actual}`,
  },
  CROSSWALK_UNKNOWN_INDICATOR: {
    id: (p) => `Indikator ${p.indicator} tidak ada dalam ${p.framework}`,
    en: (p) => `Indicator ${p.indicator} is not in ${p.framework}`,
  },
});
