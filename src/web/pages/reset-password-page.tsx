import { useForm } from '@mantine/form';
import { useSearchParams } from 'react-router';
import { ApiError } from '../api/client';
import { useResetPassword } from '../features/auth/api';
import { NewPasswordFields, newPasswordValidation } from '../features/auth/new-password-fields';
import { DoneNotice, RequestForm, TokenPage } from '../features/auth/token-page';
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
    <TokenPage title={t('resetTitle')}>
      {reset.isSuccess ? (
        <DoneNotice>{t('resetDone')}</DoneNotice>
      ) : (
        <RequestForm onSubmit={form.onSubmit(submit)} request={reset} submitLabel={t('save')}>
          <NewPasswordFields form={form} />
        </RequestForm>
      )}
    </TokenPage>
  );
}
