import { Anchor, AppShell, Button, Group, Title } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { useMe } from '../auth/use-auth';
import { AppLayout, LanguageSwitch, PageContent } from './app-layout';
import { ErrorNotice, Loading } from './ui';

/** The visitor's way around the public pages (signed-in users have the app's menu). */
function PublicNav() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const links = [
    { to: '/', label: t('navPublicHome') },
    { to: '/public/bodies', label: t('navPublicBodies') },
    { to: '/practices', label: t('navPractices') },
  ];
  const current = (to: string) => (to === '/' ? pathname === '/' : pathname.startsWith(to));
  return (
    <Group component="nav" aria-label={t('publicNavLabel')} gap="md" mb="md" data-testid="public-nav">
      {links.map((l) => (
        <Anchor
          key={l.to}
          component={Link}
          to={l.to}
          size="sm"
          fw={current(l.to) ? 700 : 500}
          aria-current={current(l.to) ? 'page' : undefined}
        >
          {l.label}
        </Anchor>
      ))}
    </Group>
  );
}

/**
 * Pages anyone may read (the portal at `/`, the bodies' public pages, the practice catalogue):
 * inside the app's shell for signed-in users, in a plain public shell with a sign-in button for
 * visitors — never a redirect to the login.
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
            <Link to="/" style={{ color: 'inherit', textDecoration: 'none' }}>
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
        <PublicNav />
        <PageContent />
      </AppShell.Main>
    </AppShell>
  );
}
