import { defineTexts } from './table';

// Texts of learning events, invitations, registrations and attendance (contracts/events.ts,
// modules/events).
export const eventTexts = defineTexts({
  EVENT_TIME_FORMAT: { id: 'Waktu YYYY-MM-DDTHH:mm', en: 'Time YYYY-MM-DDTHH:mm' },
  EVENT_URL_FORMAT: { id: 'Tautan http(s) yang valid', en: 'A valid http(s) link' },
  EVENT_END_BEFORE_START: { id: 'Tidak setelah waktu mulai', en: 'Not after the start' },
  EVENT_PLACE_OR_LINK: { id: 'Isi tempat atau tautan daring', en: 'Give a place or an online link' },
  EVENT_NO_PROGRAMME: { id: 'Program tidak ada', en: 'No such programme' },
  EVENT_INVITE_NOBODY: {
    id: 'Pilih program, provinsi, atau daftar instansi',
    en: 'Choose a programme, a province or a list of bodies',
  },
  EVENT_INVITE_OUTSIDE_PROVINCE: {
    id: (p) => `${p.code} berada di luar provinsi Anda`,
    en: (p) => `${p.code} is outside your province`,
  },
  EVENT_CAPACITY_BELOW_REGISTERED: {
    id: (p) => `Sudah ada ${p.n} peserta terdaftar`,
    en: (p) => `${p.n} participants are already registered`,
  },
  EVENT_EMAIL_REGISTERED: {
    id: 'Email ini sudah terdaftar pada kegiatan ini',
    en: 'This email is already registered for this event',
  },
  EVENT_CHECKIN_ONE_OF: {
    id: 'Isi kode kehadiran atau pilih peserta (salah satu)',
    en: 'Give a check-in code or choose a participant (one of them)',
  },
  EVENT_CHECKIN_TIME: {
    id: 'Waktu kehadiran di luar rentang kegiatan',
    en: 'Check-in time outside the event’s span',
  },
  NOTICE_EVENT_INVITED: {
    id: (p) => `Undangan kegiatan: ${p.title} (${p.when}). Daftarkan peserta instansi Anda.`,
    en: (p) => `Event invitation: ${p.title} (${p.when}). Register your body’s participants.`,
  },
  NOTICE_EVENT_CANCELLED: {
    id: (p) => `Kegiatan dibatalkan: ${p.title}`,
    en: (p) => `Event cancelled: ${p.title}`,
  },
  MAIL_EVENT_REGISTERED_SUBJECT: {
    id: (p) => `Pendaftaran kegiatan: ${p.title}`,
    en: (p) => `Event registration: ${p.title}`,
  },
  MAIL_EVENT_REGISTERED_BODY: {
    id: (p) =>
      `Yth. ${p.name},\n\nAnda terdaftar sebagai peserta ${p.title} yang diselenggarakan oleh ${p.organiser}.\nWaktu: ${p.when} (${p.zone})\nTempat: ${p.place}\n\nKode kehadiran Anda: ${p.code}\nTunjukkan kode ini (atau kode QR-nya pada halaman kegiatan) kepada panitia saat hadir. Berkas kalender (.ics) terlampir.\n\nRincian: ${p.link}`,
    en: (p) =>
      `Dear ${p.name},\n\nYou are registered for ${p.title}, organised by ${p.organiser}.\nTime: ${p.when} (${p.zone})\nPlace: ${p.place}\n\nYour check-in code: ${p.code}\nShow this code (or its QR code on the event page) to the organisers when you arrive. A calendar file (.ics) is attached.\n\nDetails: ${p.link}`,
  },
  EVENT_CSV_HEADER: {
    id: 'Instansi;Kode instansi;Nama;Jabatan;Tingkat;Email;Hadir;Waktu hadir;Cara',
    en: 'Body;Body code;Name;Position;Tier;Email;Attended;Check-in time;Method',
  },
  EVENT_YES: { id: 'ya', en: 'yes' },
  EVENT_NO: { id: 'tidak', en: 'no' },
});
