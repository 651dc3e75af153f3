import { Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { usePublishText } from './api';

/** A new version of the commitment text (national supervisors; the page shows it from abilities). */
export function PublishForm({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const [form, setForm] = useState({ title: '', textId: '', textEn: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const publish = usePublishText();
  const submit = () =>
    publish.mutate(form, {
      onSuccess: onClose,
      onError: (e) => {
        if (e instanceof ApiError) setErrors(e.fieldErrors());
        notifications.show({ color: 'red', message: e.message });
      },
    });
  return (
    <Modal opened onClose={onClose} title={t('publishText')} size="lg">
      <Stack>
        <TextInput
          label={t('textTitle')}
          required
          value={form.title}
          onChange={(e) => setForm({ ...form, title: e.currentTarget.value })}
          error={errors.title}
        />
        <Textarea
          label={t('textIdLabel')}
          required
          autosize
          minRows={4}
          value={form.textId}
          onChange={(e) => setForm({ ...form, textId: e.currentTarget.value })}
          error={errors.textId}
        />
        <Textarea
          label={t('textEnLabel')}
          required
          autosize
          minRows={4}
          value={form.textEn}
          onChange={(e) => setForm({ ...form, textEn: e.currentTarget.value })}
          error={errors.textEn}
        />
        <Group justify="end">
          <Button variant="default" onClick={onClose}>
            {t('cancel')}
          </Button>
          <Button
            loading={publish.isPending}
            onClick={() =>
              modals.openConfirmModal({
                title: t('publishText'),
                children: <Text size="sm">{t('confirmPublish')}</Text>,
                labels: { confirm: t('confirm'), cancel: t('cancel') },
                onConfirm: submit,
              })
            }
          >
            {t('publishText')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
