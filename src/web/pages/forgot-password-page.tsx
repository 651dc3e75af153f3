import { Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useForgotPassword } from '../features/auth/api';
import { DoneNotice, RequestForm, TokenPage } from '../features/auth/token-page';
import { useI18n } from '../i18n/i18n';

export default function ForgotPasswordPage() {
  const { t } = useI18n();
  const form = useForm({ initialValues: { email: '' } });
  const send = useForgotPassword();
  return (
    <TokenPage title={t('forgotTitle')}>
      {send.isSuccess ? (
        <DoneNotice>{t('forgotSent')}</DoneNotice>
      ) : (
        <RequestForm
          onSubmit={form.onSubmit((v) => send.mutate(v))}
          request={send}
          submitLabel={t('sendLink')}
          intro={<Text size="sm">{t('forgotHelp')}</Text>}
        >
          <TextInput
            label={t('email')}
            type="email"
            required
            autoComplete="email"
            {...form.getInputProps('email')}
          />
        </RequestForm>
      )}
    </TokenPage>
  );
}
