import { Alert, Anchor, Button, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../api/client';
import { useResetPassword } from '../features/auth/api';
import { NewPasswordFields, newPasswordValidation } from '../features/auth/new-password-fields';
import { useI18n } from '../i18n/i18n';

export default function ResetPasswordPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const form = useForm({
    initialValues: { newPassword: '', repeat: '' },
    validate: newPasswordValidation(t),
  });
  const reset = useResetPassword();
  const submit = (v: { newPassword: string }) =>
    reset.mutate(
      { token, newPassword: v.newPassword },
      { onError: (err) => err instanceof ApiError && form.setErrors(err.fieldErrors()) },
    );
  return (
    <Stack>
      <Title order={2} size="h4">
        {t('resetTitle')}
      </Title>
      {reset.isSuccess ? (
        <Alert color="green" role="status">
          {t('resetDone')}
        </Alert>
      ) : (
        <form onSubmit={form.onSubmit(submit)} noValidate>
          <Stack>
            {reset.error && (
              <Alert color="red" role="alert">
                {reset.error.message}
              </Alert>
            )}
            <NewPasswordFields form={form} />
            <Button type="submit" loading={reset.isPending}>
              {t('save')}
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
