import { PasswordInput, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useSearchParams } from 'react-router';
import { ApiError } from '../api/client';
import { useAcceptInvitation, useInvitationLookup } from '../features/auth/api';
import { NewPasswordFields, newPasswordValidation } from '../features/auth/new-password-fields';
import { DoneNotice, RequestForm, TokenPage } from '../features/auth/token-page';
import { ErrorNotice, Loading } from '../features/layout/ui';
import { useI18n } from '../i18n/i18n';

export default function InvitationPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const lookup = useInvitationLookup(token);
  const existing = lookup.data?.existingAccount ?? false;
  const form = useForm({
    initialValues: { name: '', password: '', newPassword: '', repeat: '' },
    validate: (values) => {
      const errors: Record<string, string | null> = {
        name: values.name.trim().length < 2 ? t('yourName') : null,
      };
      if (!existing) {
        const v = newPasswordValidation(t);
        errors.newPassword = v.newPassword(values.newPassword);
        errors.repeat = v.repeat(values.repeat, values);
      }
      return errors;
    },
  });
  const accept = useAcceptInvitation();
  const submit = (v: typeof form.values) =>
    accept.mutate(
      { token, name: v.name, password: existing ? v.password : v.newPassword },
      { onError: (err) => err instanceof ApiError && form.setErrors(err.fieldErrors()) },
    );

  return (
    <TokenPage title={t('invitationTitle')}>
      {lookup.isPending && token && <Loading />}
      {(lookup.isError || !token) && <ErrorNotice error={lookup.error ?? new Error(t('notFoundText'))} />}
      {accept.isSuccess && <DoneNotice>{t('invitationAccepted')}</DoneNotice>}
      {lookup.data && !accept.isSuccess && (
        <RequestForm
          onSubmit={form.onSubmit(submit)}
          request={accept}
          submitLabel={t('acceptInvitation')}
          intro={
            <Text>
              {t('invitationFor', {
                role: t(`role_${lookup.data.role}`),
                org: lookup.data.org.name,
                email: lookup.data.email,
              })}
            </Text>
          }
        >
          <TextInput label={t('yourName')} required autoComplete="name" {...form.getInputProps('name')} />
          {existing ? (
            <>
              <Text size="sm">{t('invitationExisting')}</Text>
              <PasswordInput
                label={t('password')}
                required
                autoComplete="current-password"
                {...form.getInputProps('password')}
              />
            </>
          ) : (
            <NewPasswordFields form={form} />
          )}
        </RequestForm>
      )}
    </TokenPage>
  );
}
