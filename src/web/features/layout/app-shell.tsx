// The full Mantine styles come with the shells, not with the app's first script: the login page
// does not need them (main.tsx loads the few styles the signed-out pages use).
import '@mantine/core/styles.layer.css';
import { Anchor, AppShell, Box, Burger, Button, Group, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { lazy, Suspense } from 'react';
import { Link, useLocation } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { useLogout, useMe } from '../auth/use-auth';
import { useSeesFollowup } from '../followup/api';
import { LanguageSwitch, PageContent } from './page-frame';

// The shells around the routed pages, loaded on demand (app-layout.tsx, open-layout.tsx) once the
// visitor is known to be signed in, or reading a public page. What the page does not need to show
// (the overlays, the notification list) loads beside the page rather than before it.

const Overlays = lazy(() => import('./overlays'));
const NotificationBell = lazy(() =>
  import('../notifications/notification-bell').then((m) => ({ default: m.NotificationBell })),
);

/** The signed-in shell: header, the menu of what the user may open, the routed page. */
export function SignedInShell() {
  const { t } = useI18n();
  const me = useMe();
  const location = useLocation();
  const logout = useLogout();
  const [opened, { toggle, close }] = useDisclosure();
  // The server's scope list says whether there is any follow-up measure to show (a host's admin
  // or leader sees their host's even without a mentor role, which the session alone cannot tell).
  const seesFollowup = useSeesFollowup(!!me.data).data ?? false;
  if (!me.data) return null;
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
    { to: '/questions', label: t('navQuestions'), show: true },
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
      <Suspense fallback={null}>
        <Overlays />
      </Suspense>
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
            {/* The bell's place is kept while it loads, so the header does not shift. */}
            <Suspense fallback={<Box w={34} h={34} />}>
              <NotificationBell />
            </Suspense>
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

/** A visitor reading a public page (the practice catalogue): the app's name and a sign-in button. */
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

export function VisitorShell() {
  const { t } = useI18n();
  const location = useLocation();
  const next = encodeURIComponent(location.pathname + location.search);
  return (
    <AppShell header={{ height: 56 }} padding="md">
      <Suspense fallback={null}>
        <Overlays />
      </Suspense>
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
