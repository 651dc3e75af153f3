import { Select } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type EmailMode, emailModes } from '../../../shared/contracts/notifications';
import { useI18n } from '../../i18n/i18n';
import { useEmailPreference, useSetEmailPreference } from './api';

export function EmailPreference() {
  const { t } = useI18n();
  const q = useEmailPreference();
  const save = useSetEmailPreference();
  const choose = (email: EmailMode) =>
    save.mutate(email, { onSuccess: () => notifications.show({ color: 'teal', message: t('saved') }) });
  return (
    <Select
      label={t('emailPreference')}
      w={280}
      data={emailModes.map((m) => ({ value: m, label: t(`email_${m}`) }))}
      value={q.data?.email ?? null}
      onChange={(v) => v && choose(v as EmailMode)}
      allowDeselect={false}
    />
  );
}
