import { PasswordInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useI18n } from '../../i18n/i18n';

type Values = { newPassword: string; repeat: string };

export function newPasswordValidation(t: (k: 'passwordHint' | 'passwordsDiffer') => string) {
  return {
    newPassword: (v: string) => (v.length < 10 ? t('passwordHint') : null),
    repeat: (v: string, values: Values) => (v !== values.newPassword ? t('passwordsDiffer') : null),
  };
}

export function NewPasswordFields<T extends Values>({ form }: { form: UseFormReturnType<T> }) {
  const { t } = useI18n();
  return (
    <>
      <PasswordInput
        label={t('newPassword')}
        description={t('passwordHint')}
        autoComplete="new-password"
        required
        {...form.getInputProps('newPassword')}
      />
      <PasswordInput
        label={t('repeatPassword')}
        autoComplete="new-password"
        required
        {...form.getInputProps('repeat')}
      />
    </>
  );
}
