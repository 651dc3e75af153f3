import {
  Alert,
  AppShell,
  Burger,
  Button,
  Group,
  NavLink,
  SegmentedControl,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { useLogout, useMe, useMeta } from '../auth/use-auth';
import { useSeesFollowup } from '../followup/api';
import { NotificationBell } from '../notifications/notification-bell';
import { useSaveLocale } from './api';
import { ErrorNotice, Loading } from './ui';

export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  const saveLocale = useSaveLocale();
  const choose = (value: 'id' | 'en') => {
    setLocale(value);
    saveLocale(value);
  };
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language')}
      value={locale}
      onChange={(v) => choose(v as 'id' | 'en')}
      data={[
        { value: 'id', label: 'ID' },
        { value: 'en', label: 'EN' },
      ]}
    />
  );
}

export function SampleModeBanner() {
  const { t } = useI18n();
  const meta = useMeta();
  if (!meta.data?.sampleMode) return null;
  return (
    <Alert color="orange" variant="light" py={6} mb="md" radius={0} role="note" data-testid="sample-banner">
      <Text size="sm">{t('sampleBanner')}</Text>
    </Alert>
  );
}

/** The routed page under the sample-mode banner (both layouts). */
export function PageContent() {
  return (
    <>
      <SampleModeBanner />
      <Suspense fallback={<Loading />}>
        <Outlet />
      </Suspense>
    </>
  );
}

/** Signed-in area: redirects visitors to the login page, keeping where they wanted to go. */
export function AppLayout() {
  const { t } = useI18n();
  const me = useMe();
  const location = useLocation();
  const logout = useLogout();
  const [opened, { toggle, close }] = useDisclosure();
  // The server's scope list says whether there is any follow-up measure to show (a host's admin
  // or leader sees their host's even without a mentor role, which the session alone cannot tell).
  const seesFollowup = useSeesFollowup(!!me.data).data ?? false;

  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorNotice error={me.error} onRetry={() => me.refetch()} />;
  if (!me.data) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  const { abilities, user } = me.data;
  // The self-assessment of the body the user works in (the first body-level membership).
  const ownBody = me.data.memberships.find((m) =>
    ['body_admin', 'leader', 'operator', 'viewer'].includes(m.role),
  );
  const links = [
    { to: '/', label: t('navHome'), show: true },
    { to: '/orgs', label: t('navDirectory'), show: true },
    { to: `/orgs/${ownBody?.org.code}/assessments`, label: t('navAssessment'), show: !!ownBody },
    { to: `/orgs/${ownBody?.org.code}/plans`, label: t('navPlans'), show: !!ownBody },
    { to: '/funnel', label: t('navFunnel'), show: seesFollowup },
    { to: '/practices', label: t('navPractices'), show: true },
    { to: '/visits', label: t('navVisits'), show: true },
    { to: '/programmes', label: t('navProgrammes'), show: true },
    { to: '/commitments', label: t('navCommitments'), show: true },
    { to: '/official-results', label: t('navOfficialResults'), show: true },
    { to: '/admin/frameworks', label: t('navFrameworks'), show: abilities.loadFrameworks },
    { to: '/admin/users', label: t('navUsers'), show: abilities.manageUsers },
    { to: '/audit', label: t('navAudit'), show: abilities.readAudit },
    { to: '/admin/outbox', label: t('navOutbox'), show: abilities.readOutbox },
    { to: '/account', label: t('navAccount'), show: true },
  ];
  // The most specific link that matches the address is the active one.
  const matching = links
    .filter((l) => l.show && (l.to === '/' ? location.pathname === '/' : location.pathname.startsWith(l.to)))
    .sort((a, b) => b.to.length - a.to.length)[0];
  const isActive = (to: string) => matching?.to === to;

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <a href="#main" className="skip-link">
          {t('skipToContent')}
        </a>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Menu" />
            <Title order={1} size="h4">
              <Link to="/" style={{ color: 'inherit', textDecoration: 'none' }}>
                {t('appName')}
              </Link>
            </Title>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <NotificationBell />
            <LanguageSwitch />
            <Text size="sm" visibleFrom="sm" data-testid="current-user">
              {user.name}
            </Text>
            <Button size="xs" variant="default" onClick={() => logout.mutate()} loading={logout.isPending}>
              {t('logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Menu">
        {links
          .filter((l) => l.show)
          .map((l) => (
            <NavLink
              key={l.to}
              component={Link}
              to={l.to}
              label={l.label}
              active={isActive(l.to)}
              onClick={close}
            />
          ))}
        <NavLink href="/api/docs" label={t('navApi')} target="_blank" rel="noopener" />
      </AppShell.Navbar>
      <AppShell.Main id="main">
        <PageContent />
      </AppShell.Main>
    </AppShell>
  );
}
