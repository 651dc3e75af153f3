import { inBoth, type TextKey, type TextParams } from '../../shared/texts';

// Emails are bilingual: Bahasa Indonesia first, English below, because the recipient's language
// is not always known (invitations go to people without an account yet).
function bilingualMail(subject: TextKey, body: TextKey, params: TextParams, tail: string) {
  const s = inBoth(subject, params);
  const b = inBoth(body, params);
  return { subject: `${s.id} / ${s.en} — ${tail}`, text: [b.id, '', '---', b.en].join('\n') };
}

export function passwordResetMail(link: string, minutes: number) {
  return bilingualMail('MAIL_RESET_SUBJECT', 'MAIL_RESET_BODY', { link, minutes }, 'Living Lab SPBE');
}

export function invitationMail(
  link: string,
  orgName: string,
  role: { id: string; en: string },
  inviter: string,
  days: number,
) {
  return bilingualMail(
    'MAIL_INVITATION_SUBJECT',
    'MAIL_INVITATION_BODY',
    { link, org: orgName, roleId: role.id, roleEn: role.en, inviter, days },
    `${orgName} — Living Lab SPBE`,
  );
}
