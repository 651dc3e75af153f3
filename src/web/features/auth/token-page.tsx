import { Alert, Anchor, Button, Stack, Title } from '@mantine/core';
import type { FormEventHandler, ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n';

/**
 * The frame of the signed-out pages reached from an emailed link or the login page (forgot
 * password, reset password, invitation): a small title, the content and the way back to login.
 */
export function TokenPage({ title, children }: { title: ReactNode; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <Stack>
      <Title order={2} size="h4">
        {title}
      </Title>
      {children}
      <Anchor component={Link} to="/login" size="sm">
        {t('backToLogin')}
      </Anchor>
    </Stack>
  );
}

/** The sentence shown in place of the form once its request went through (a status for screen readers). */
export function DoneNotice({ children }: { children: ReactNode }) {
  return (
    <Alert color="green" role="status">
      {children}
    </Alert>
  );
}

/**
 * A form that sends one request: an optional intro line, the request's error (an alert, so it is
 * read out), the fields and the submit button that spins while the request runs. noValidate: the
 * form's own validation shows the errors next to the fields instead of the browser's bubbles.
 */
export function RequestForm({
  onSubmit,
  request,
  submitLabel,
  intro,
  children,
}: {
  onSubmit: FormEventHandler<HTMLFormElement>;
  request: { error: Error | null; isPending: boolean };
  submitLabel: ReactNode;
  intro?: ReactNode;
  children: ReactNode;
}) {
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        {intro}
        {request.error && (
          <Alert color="red" role="alert">
            {request.error.message}
          </Alert>
        )}
        {children}
        <Button type="submit" loading={request.isPending}>
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
