import { Select } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useI18n } from '../../i18n/i18n';

type Mode = 'immediate' | 'daily' | 'off';

export function EmailPreference() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['notification-preferences'],
    queryFn: () => api<{ data: { email: Mode } }>('/notifications/preferences'),
  });
  const save = useMutation({
    mutationFn: (email: Mode) => api('/notifications/preferences', { method: 'PUT', body: { email } }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['notification-preferences'] });
      notifications.show({ color: 'teal', message: t('saved') });
    },
  });
  return (
    <Select
      label={t('emailPreference')}
      w={280}
      data={(['immediate', 'daily', 'off'] as const).map((m) => ({ value: m, label: t(`email_${m}`) }))}
      value={q.data?.data.email ?? null}
      onChange={(v) => v && save.mutate(v as Mode)}
      allowDeselect={false}
    />
  );
}
