import { defineTexts } from './table';

// Texts of study visits and programmes (contracts/visits.ts, modules/visits).
export const visitTexts = defineTexts({
  VISIT_DATE_FORMAT: { id: 'Tanggal YYYY-MM-DD', en: 'Date YYYY-MM-DD' },
  VISIT_END_BEFORE_START: { id: 'Sebelum tanggal mulai', en: 'Before the start date' },
  VISIT_SAME_AS_HOST: { id: 'Sama dengan tuan rumah', en: 'Same as the host' },
  VISIT_NO_INDICATOR: { id: (p) => `Indikator ${p.n} tidak ada`, en: (p) => `No indicator ${p.n}` },
  VISIT_NO_PROGRAMME: { id: 'Program tidak ada', en: 'No such programme' },
  VISIT_PARTIES_FIXED: {
    id: 'Tuan rumah dan pengunjung tidak dapat diubah',
    en: 'Host and visitor cannot change',
  },
  NOTICE_VISIT_RECORDED: {
    id: (p) => `Kunjungan ke ${p.host} dicatat: tindak lanjut paling lambat ${p.due}`,
    en: (p) => `Visit to ${p.host} recorded: follow up by ${p.due}`,
  },
  NOTICE_MENTOR_ACCESS_PENDING: {
    id: (p) =>
      `Akses pendamping menunggu persetujuan: pendamping ${p.host} meminta akses ke data ${p.visitor} setelah kunjungan`,
    en: (p) =>
      `Mentor access awaiting approval: ${p.host}’s mentors ask to access ${p.visitor}’s data after the visit`,
  },
  NOTICE_MENTOR_ACCESS_CONFIRMED: {
    id: (p) => `Akses pendamping ${p.host} ke data ${p.visitor} disetujui oleh ${p.by}`,
    en: (p) => `${p.host}’s mentor access to ${p.visitor}’s data was confirmed by ${p.by}`,
  },
  NOTICE_MENTOR_ACCESS_DECLINED: {
    id: (p) => `Akses pendamping ${p.host} ke data ${p.visitor} ditolak oleh ${p.by}`,
    en: (p) => `${p.host}’s mentor access to ${p.visitor}’s data was declined by ${p.by}`,
  },
  NOTICE_MENTOR_ACCESS_WITHDRAWN: {
    id: (p) => `Akses pendamping ${p.host} ke data ${p.visitor} dicabut oleh ${p.by}`,
    en: (p) => `${p.host}’s mentor access to ${p.visitor}’s data was withdrawn by ${p.by}`,
  },
});
