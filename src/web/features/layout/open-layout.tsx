import { AppShell, Button, Group, Title } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { useMe } from '../auth/use-auth';
import { AppLayout, LanguageSwitch, PageContent } from './app-layout';
import { ErrorNotice, Loading } from './ui';

/**
 * Pages anyone may read (the practice catalogue): inside the app's shell for signed-in users,
 * in a plain public shell with a sign-in button for visitors — never a redirect to the login.
 */
export function OpenLayout() {
  const { t } = useI18n();
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorNotice error={me.error} onRetry={() => me.refetch()} />;
  if (me.data) return <AppLayout />;
  const next = encodeURIComponent(location.pathname + location.search);
  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppShell.Header>
        <a href="#main" className="skip-link">
          {t('skipToContent')}
        </a>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Title order={1} size="h4">
            <Link to="/practices" style={{ color: 'inherit', textDecoration: 'none' }}>
              {t('appName')}
            </Link>
          </Title>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitch />
            <Button size="xs" component={Link} to={`/login?next=${next}`} data-testid="sign-in">
              {t('signIn')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main id="main" maw={1200} mx="auto">
        <PageContent />
      </AppShell.Main>
    </AppShell>
  );
}
