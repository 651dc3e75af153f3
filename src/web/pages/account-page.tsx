import { Alert, Button, Card, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { ApiError } from '../api/client';
import { useChangePassword, useMe, useUpdateProfile } from '../features/auth/api';
import { NewPasswordFields, newPasswordValidation } from '../features/auth/new-password-fields';
import { LanguageSwitch } from '../features/layout/page-frame';
import { EmailPreference } from '../features/notifications/email-preference';
import { useI18n } from '../i18n/i18n';

export default function AccountPage() {
  const { t } = useI18n();
  const me = useMe().data!;
  const profile = useForm({ initialValues: { name: me.user.name } });
  const saveProfile = useUpdateProfile();
  const submitProfile = (v: { name: string }) =>
    saveProfile.mutate(v, {
      onSuccess: () => notifications.show({ color: 'green', message: t('saved') }),
      onError: (err) => err instanceof ApiError && profile.setErrors(err.fieldErrors()),
    });
  const pw = useForm({
    initialValues: { currentPassword: '', newPassword: '', repeat: '' },
    validate: newPasswordValidation(t),
  });
  const change = useChangePassword();
  const submitPassword = (v: typeof pw.values) =>
    change.mutate(
      { currentPassword: v.currentPassword, newPassword: v.newPassword },
      {
        onSuccess: () => pw.reset(),
        onError: (err) => err instanceof ApiError && pw.setErrors(err.fieldErrors()),
      },
    );
  return (
    <Stack maw={520}>
      <Title order={2}>{t('accountTitle')}</Title>
      <Card withBorder>
        <Title order={3} size="h5" mb="sm">
          {t('profile')}
        </Title>
        <form onSubmit={profile.onSubmit(submitProfile)} noValidate>
          <Stack>
            <Text size="sm">{me.user.email}</Text>
            <TextInput label={t('yourName')} required {...profile.getInputProps('name')} />
            <Button type="submit" loading={saveProfile.isPending} w="fit-content">
              {t('save')}
            </Button>
          </Stack>
        </form>
        <Text size="sm" mt="md" mb={4}>
          {t('language')}
        </Text>
        <LanguageSwitch />
        <div style={{ marginTop: 16 }}>
          <EmailPreference />
        </div>
      </Card>
      <Card withBorder>
        <Title order={3} size="h5" mb="sm">
          {t('changePassword')}
        </Title>
        <form onSubmit={pw.onSubmit(submitPassword)} noValidate>
          <Stack>
            {change.isSuccess && (
              <Alert color="green" role="status">
                {t('passwordChanged')}
              </Alert>
            )}
            {change.error && (
              <Alert color="red" role="alert">
                {change.error.message}
              </Alert>
            )}
            <PasswordInput
              label={t('currentPassword')}
              autoComplete="current-password"
              required
              {...pw.getInputProps('currentPassword')}
            />
            <NewPasswordFields form={pw} />
            <Button type="submit" loading={change.isPending} w="fit-content">
              {t('changePassword')}
            </Button>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}
