import { Alert, Anchor, Button, List, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/client';
import { useLogin, useMe, useMeta } from '../features/auth/api';
import { useI18n } from '../i18n/i18n';

/** Seconds a throttled sign-in must wait (sent with 429 RATE_LIMITED), if any. */
function waitSeconds(error: Error | null): number | null {
  if (!(error instanceof ApiError) || error.code !== 'RATE_LIMITED') return null;
  const wait = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  return typeof wait === 'number' ? wait : null;
}

function safeNext(next: string | null): string {
  // Only same-site paths: never let a crafted link send the user to another site after login.
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export default function LoginPage() {
  const { t } = useI18n();
  const meta = useMeta();
  const me = useMe();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  // Two fields and no client-side rules: plain state, so the page everyone lands on first does not
  // download the form library (the other forms use @mantine/form).
  const [values, setValues] = useState({ email: '', password: '' });
  const login = useLogin();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate(values, { onSuccess: () => navigate(safeNext(params.get('next')), { replace: true }) });
  };
  if (me.data) return <Navigate to={safeNext(params.get('next'))} replace />;
  const wait = waitSeconds(login.error);

  return (
    <Stack>
      <Title order={2} size="h4">
        {t('loginTitle')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack>
          {login.error && (
            <Alert color="red" role="alert">
              {/* A refused sign-in is about failed attempts, not a server fault: say so, and how long. */}
              {wait !== null
                ? t('loginWait', { seconds: wait })
                : login.error instanceof ApiError && login.error.code === 'RATE_LIMITED'
                  ? t('loginTooMany')
                  : login.error.message}
            </Alert>
          )}
          <TextInput
            label={t('email')}
            type="email"
            autoComplete="username"
            required
            value={values.email}
            onChange={(e) => setValues({ ...values, email: e.currentTarget.value })}
          />
          <PasswordInput
            label={t('password')}
            autoComplete="current-password"
            required
            value={values.password}
            onChange={(e) => setValues({ ...values, password: e.currentTarget.value })}
          />
          <Button type="submit" loading={login.isPending}>
            {t('login')}
          </Button>
          <Anchor component={Link} to="/forgot-password" size="sm">
            {t('forgotPassword')}
          </Anchor>
          <Text size="sm">
            {t('publicCatalogueHint')}{' '}
            <Anchor component={Link} to="/practices" data-testid="public-catalogue-link">
              {t('navPractices')}
            </Anchor>
          </Text>
        </Stack>
      </form>
      {meta.data?.sampleMode && (
        <Alert
          color="orange"
          variant="light"
          title={t('sampleAccounts', { password: meta.data.samplePassword ?? '' })}
        >
          <List size="sm" spacing={4} data-testid="sample-accounts">
            {meta.data.sampleAccounts.map((a) => (
              <List.Item key={a.email}>
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  onClick={() => setValues({ email: a.email, password: meta.data?.samplePassword ?? '' })}
                >
                  {a.email}
                </Anchor>{' '}
                <Text span size="xs" c="dimmed">
                  {t(`role_${a.role}`)} · {a.org}
                </Text>
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}
