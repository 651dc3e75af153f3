import { defineTexts } from './table';

// Texts of mentoring questions (contracts/questions, modules/questions): field problems and the
// notices sent to mentors, supervisors and askers.
export const questionTexts = defineTexts({
  QUESTION_ONE_SUBJECT: {
    id: 'Pilih tepat satu pokok: indikator (dengan kerangkanya), praktik, atau butir rencana aksi',
    en: 'Choose exactly one subject: an indicator (with its framework), a practice or a plan item',
  },
  QUESTION_PRACTICE_UNKNOWN: { id: 'Praktik tidak ditemukan', en: 'No such practice' },
  QUESTION_PLAN_ITEM_UNKNOWN: {
    id: 'Butir rencana aksi instansi ini tidak ditemukan',
    en: 'No such plan item of this body',
  },
  QUESTION_FILE_UNKNOWN: {
    id: 'Berkas tidak ada di lemari bukti instansi penjawab',
    en: 'The file is not in the answering body’s evidence locker',
  },
  QUESTION_ANSWER_OWN: {
    id: 'Jawaban dari instansi penanya sendiri tidak dapat diterima',
    en: 'A reply from the asking body itself cannot be accepted',
  },
  NOTICE_QUESTION_ASKED: {
    id: (p) => `${p.org} bertanya: ${p.title}`,
    en: (p) => `${p.org} asks: ${p.title}`,
  },
  NOTICE_QUESTION_ANSWERED: {
    id: (p) => `${p.org} menjawab pertanyaan Anda: ${p.title}`,
    en: (p) => `${p.org} answered your question: ${p.title}`,
  },
  NOTICE_QUESTION_ACCEPTED: {
    id: (p) => `Jawaban Anda diterima: ${p.title}`,
    en: (p) => `Your answer was accepted: ${p.title}`,
  },
});
