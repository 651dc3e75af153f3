import { Alert, Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Link } from 'react-router';
import { useForgotPassword } from '../features/auth/api';
import { useI18n } from '../i18n/i18n';

export default function ForgotPasswordPage() {
  const { t } = useI18n();
  const form = useForm({ initialValues: { email: '' } });
  const send = useForgotPassword();
  return (
    <Stack>
      <Title order={2} size="h4">
        {t('forgotTitle')}
      </Title>
      {send.isSuccess ? (
        <Alert color="green" role="status">
          {t('forgotSent')}
        </Alert>
      ) : (
        <form onSubmit={form.onSubmit((v) => send.mutate(v))} noValidate>
          <Stack>
            <Text size="sm">{t('forgotHelp')}</Text>
            {send.error && (
              <Alert color="red" role="alert">
                {send.error.message}
              </Alert>
            )}
            <TextInput
              label={t('email')}
              type="email"
              required
              autoComplete="email"
              {...form.getInputProps('email')}
            />
            <Button type="submit" loading={send.isPending}>
              {t('sendLink')}
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to="/login" size="sm">
        {t('backToLogin')}
      </Anchor>
    </Stack>
  );
}
