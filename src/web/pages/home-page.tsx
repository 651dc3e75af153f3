import { Anchor, Badge, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { useMe } from '../features/auth/use-auth';
import { Loading } from '../features/layout/ui';
import { roleLabel } from '../features/orgs/org-labels';
import { useI18n } from '../i18n/i18n';

// The supervisors' sections (maps, tables, the simulation) load only for those who see them.
const ProvinceCockpit = lazy(() => import('../features/supervision/province-cockpit'));
const NationalCockpit = lazy(() => import('../features/supervision/national-cockpit'));

export default function HomePage() {
  const { t } = useI18n();
  const me = useMe().data!;
  return (
    <Stack data-testid="home-page">
      <Title order={2}>{t('welcome', { name: me.user.name })}</Title>
      <Title order={3} size="h5">
        {t('yourRoles')}
      </Title>
      {me.memberships.length === 0 && <Text c="dimmed">{t('noRoles')}</Text>}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {me.memberships.map((m) => (
          <Card key={m.id} withBorder data-testid="membership-card">
            <Text fw={600}>{m.org.name}</Text>
            <Text size="sm" c="dimmed">
              {m.org.code}
            </Text>
            <Badge mt="xs" variant="light">
              {t(roleLabel(m.role))}
            </Badge>
            <Anchor component={Link} to={`/orgs/${m.org.code}`} size="sm" mt="sm">
              {t('openBody')}
            </Anchor>
          </Card>
        ))}
      </SimpleGrid>
      <Suspense fallback={<Loading />}>
        {me.memberships.some((m) => m.role === 'national_supervisor') && <NationalCockpit />}
        {me.memberships
          .filter((m) => m.role === 'province_supervisor')
          .map((m) => (
            <ProvinceCockpit key={m.id} code={m.org.code} />
          ))}
      </Suspense>
    </Stack>
  );
}
