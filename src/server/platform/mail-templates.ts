// Emails are bilingual: Bahasa Indonesia first, English below, because the recipient's language
// is not always known (invitations go to people without an account yet).
export function passwordResetMail(link: string, minutes: number) {
  return {
    subject: 'Atur ulang kata sandi / Reset your password — Living Lab SPBE',
    text: [
      'Kami menerima permintaan untuk mengatur ulang kata sandi akun Living Lab SPBE Anda.',
      `Buka tautan berikut (berlaku ${minutes} menit, sekali pakai):`,
      link,
      'Abaikan email ini jika Anda tidak memintanya.',
      '',
      '---',
      'We received a request to reset the password of your Living Lab SPBE account.',
      `Open this link (valid for ${minutes} minutes, single use):`,
      link,
      'Ignore this email if you did not ask for it.',
    ].join('\n'),
  };
}

export function invitationMail(link: string, orgName: string, role: string, inviter: string, days: number) {
  return {
    subject: `Undangan bergabung / Invitation — ${orgName} — Living Lab SPBE`,
    text: [
      `${inviter} mengundang Anda ke Living Lab SPBE sebagai ${role} untuk ${orgName}.`,
      `Buka tautan berikut untuk menerima undangan dan mengatur kata sandi (berlaku ${days} hari):`,
      link,
      '',
      '---',
      `${inviter} invited you to the Living Lab SPBE as ${role} of ${orgName}.`,
      `Open this link to accept and set your password (valid for ${days} days):`,
      link,
    ].join('\n'),
  };
}
