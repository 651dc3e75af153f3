import { Anchor, Badge, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { lazy, type ReactElement, Suspense } from 'react';
import { Link } from 'react-router';
import type { HomeSectionRole, SectionOf } from '../../shared/contracts/home';
import { useMe } from '../features/auth/use-auth';
import { AdminHome } from '../features/home/admin-home';
import { useHome } from '../features/home/api';
import { BodyAdminHome } from '../features/home/body-admin-home';
import { LeaderHome } from '../features/home/leader-home';
import { MentorHome } from '../features/home/mentor-home';
import { OperatorHome } from '../features/home/operator-home';
import { ViewerHome } from '../features/home/viewer-home';
import { PageHeader } from '../features/layout/page-header';
import { ErrorNotice, Loading } from '../features/layout/ui';
import { roleLabel } from '../features/orgs/org-labels';
import { useI18n } from '../i18n/i18n';

// The home page (Beranda) only dispatches: GET /home answers one section per membership, most
// urgent first, and each role's section is its own component in features/home/.
const sectionViews: { [R in HomeSectionRole]: (props: { section: SectionOf<R> }) => ReactElement | null } = {
  operator: OperatorHome,
  body_admin: BodyAdminHome,
  leader: LeaderHome,
  mentor: MentorHome,
  viewer: ViewerHome,
  platform_admin: AdminHome,
};

function Section({ section }: { section: SectionOf<HomeSectionRole> }) {
  const View = sectionViews[section.role] as (props: { section: typeof section }) => ReactElement | null;
  return <View section={section} />;
}

// Province and national supervisors get their own cockpit (maps, tables, the simulation), loaded
// only for those who see it.
const ProvinceCockpit = lazy(() => import('../features/supervision/province-cockpit'));
const NationalCockpit = lazy(() => import('../features/supervision/national-cockpit'));
const rolesWithSection = new Set<string>([
  ...Object.keys(sectionViews),
  'province_supervisor',
  'national_supervisor',
]);

export default function HomePage() {
  const { t } = useI18n();
  const me = useMe().data!;
  const home = useHome();
  const others = me.memberships.filter((m) => !rolesWithSection.has(m.role));
  return (
    <Stack data-testid="home-page">
      <PageHeader title={t('welcome', { name: me.user.name })} help={t('homeIntro')} />
      <Suspense fallback={<Loading />}>
        {me.memberships.some((m) => m.role === 'national_supervisor') && <NationalCockpit />}
        {me.memberships
          .filter((m) => m.role === 'province_supervisor')
          .map((m) => (
            <ProvinceCockpit key={m.id} code={m.org.code} />
          ))}
      </Suspense>
      {home.isPending && <Loading />}
      {home.isError && <ErrorNotice error={home.error} onRetry={() => home.refetch()} />}
      {home.data?.sections.map((s) => (
        <Section key={`${s.role}-${s.org.code}`} section={s} />
      ))}
      {me.memberships.length === 0 && <Text c="gray.7">{t('noRoles')}</Text>}
      {others.length > 0 && (
        <Title order={3} size="h5">
          {t('yourRoles')}
        </Title>
      )}
      {others.length > 0 && (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {others.map((m) => (
            <Card key={m.id} withBorder data-testid="membership-card">
              <Text fw={600}>{m.org.name}</Text>
              <Badge mt="xs" variant="light">
                {t(roleLabel(m.role))}
              </Badge>
              <Anchor component={Link} to={`/orgs/${m.org.code}`} size="sm" mt="sm">
                {t('openBody')}
              </Anchor>
            </Card>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
