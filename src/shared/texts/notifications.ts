import { defineTexts } from './table';

// Texts of notifications, reminders and their emails (modules/notifications, modules/reminders).
// A notification is stored in both languages (the reader's language may change), so services
// take both halves of a key with noticeTitle().
export const notificationTexts = defineTexts({
  REMINDER_DUE_7: {
    id: (p) => `Tenggat 7 hari lagi (${p.due}): ${p.title}`,
    en: (p) => `Due in 7 days (${p.due}): ${p.title}`,
  },
  REMINDER_DUE_1: {
    id: (p) => `Tenggat besok (${p.due}): ${p.title}`,
    en: (p) => `Due tomorrow (${p.due}): ${p.title}`,
  },
  REMINDER_OVERDUE: {
    id: (p) => `Terlambat sejak ${p.due}: ${p.title}`,
    en: (p) => `Overdue since ${p.due}: ${p.title}`,
  },
  REMINDER_OVERDUE_14: {
    id: (p) => `Terlambat lebih dari 14 hari: ${p.title}`,
    en: (p) => `Overdue for more than 14 days: ${p.title}`,
  },
  REMINDER_OVERDUE_30: {
    id: (p) => `Terlambat lebih dari 30 hari: ${p.title}`,
    en: (p) => `Overdue for more than 30 days: ${p.title}`,
  },
  REMINDER_OBLIGATION_MISSED: {
    id: (p) => `Tindak lanjut kunjungan ${p.org} melewati tenggat ${p.due}`,
    en: (p) => `${p.org} missed its visit follow-up due ${p.due}`,
  },
  REMINDER_AGREEMENT_EXPIRY: {
    id: (p) => `MoU/PKS replikasi “${p.title}” (${p.org}) berakhir ${p.expires}`,
    en: (p) => `The MoU/PKS for replicating “${p.title}” (${p.org}) expires on ${p.expires}`,
  },
  REMINDER_ASSISTANCE_WAIT: {
    id: (p) => `Permintaan pendampingan ${p.org} menunggu lebih dari ${p.days} hari: ${p.topic}`,
    en: (p) => `${p.org}’s assistance request has waited more than ${p.days} days: ${p.topic}`,
  },
  MAIL_NOTIFICATIONS: { id: 'pemberitahuan', en: 'notifications' },
  MAIL_MORE: {
    id: (p) => `… dan ${p.count} pemberitahuan lainnya di ${p.url}`,
    en: (p) => `… and ${p.count} more notifications at ${p.url}`,
  },
  MAIL_GREETING: { id: (p) => `Yth. ${p.name},`, en: (p) => `Dear ${p.name},` },
  MAIL_SETTINGS: {
    id: (p) => `Ubah pengaturan email di ${p.url}`,
    en: (p) => `Change your email settings at ${p.url}`,
  },
  MAIL_RESET_SUBJECT: { id: 'Atur ulang kata sandi', en: 'Reset your password' },
  MAIL_RESET_BODY: {
    id: (p) =>
      `Kami menerima permintaan untuk mengatur ulang kata sandi akun Living Lab SPBE Anda.\nBuka tautan berikut (berlaku ${p.minutes} menit dan hanya dapat digunakan satu kali):\n${p.link}\nAbaikan email ini jika Anda tidak memintanya.`,
    en: (p) =>
      `We received a request to reset the password of your Living Lab SPBE account.\nOpen this link (valid for ${p.minutes} minutes, single use):\n${p.link}\nIgnore this email if you did not ask for it.`,
  },
  MAIL_INVITATION_SUBJECT: { id: 'Undangan bergabung', en: 'Invitation' },
  MAIL_INVITATION_BODY: {
    id: (p) =>
      `${p.inviter} mengundang Anda ke Living Lab SPBE sebagai ${p.roleId} untuk ${p.org}.\nBuka tautan berikut untuk menerima undangan dan mengatur kata sandi (berlaku ${p.days} hari):\n${p.link}`,
    en: (p) =>
      `${p.inviter} invited you to the Living Lab SPBE as ${p.roleEn} of ${p.org}.\nOpen this link to accept and set your password (valid for ${p.days} days):\n${p.link}`,
  },
});
