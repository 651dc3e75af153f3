import { Alert, Button, Card, Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { CommitmentText } from '../../../shared/contracts/commitments';
import { ApiError } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { useMe } from '../auth/use-auth';
import { useSign } from './api';

/** The leader's signature of the current text (shown when the server says they may sign). */
export function SignForm({ code, orgName, text }: { code: string; orgName: string; text: CommitmentText }) {
  const { t } = useI18n();
  const me = useMe().data!;
  const [form, setForm] = useState({ signerName: me.user.name, signerPosition: '' });
  const [agreed, setAgreed] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const sign = useSign(code);
  const submit = () =>
    sign.mutate(
      { ...form, textVersion: text.version },
      {
        onSuccess: () => notifications.show({ color: 'teal', message: t('signed') }),
        onError: (e) => {
          if (e instanceof ApiError) setErrors(e.fieldErrors());
          const reason =
            e instanceof ApiError ? (e.details as { reason?: string } | undefined)?.reason : undefined;
          notifications.show({
            color: 'red',
            message: reason === 'already_signed' ? t('alreadySigned') : e.message,
          });
        },
      },
    );
  return (
    <Card withBorder data-testid="sign-form">
      <Stack gap="xs">
        <Text fw={600}>{t('signAs', { org: orgName })}</Text>
        <Group grow>
          <TextInput
            label={t('signerName')}
            required
            value={form.signerName}
            onChange={(e) => setForm({ ...form, signerName: e.currentTarget.value })}
            error={errors.signerName}
          />
          <TextInput
            label={t('signerPosition')}
            required
            placeholder="Bupati"
            value={form.signerPosition}
            onChange={(e) => setForm({ ...form, signerPosition: e.currentTarget.value })}
            error={errors.signerPosition}
          />
        </Group>
        <Checkbox
          label={t('signConfirm', { version: text.version })}
          checked={agreed}
          onChange={(e) => setAgreed(e.currentTarget.checked)}
        />
        <Alert color="gray" p="xs">
          <Text size="xs">{t('attestationNotice')}</Text>
        </Alert>
        <Button
          w="fit-content"
          disabled={!agreed}
          loading={sign.isPending}
          onClick={submit}
          data-testid="sign-button"
        >
          {t('signTitle')}
        </Button>
      </Stack>
    </Card>
  );
}
