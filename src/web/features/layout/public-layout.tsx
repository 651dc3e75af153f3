import { Container, Group, Paper, Text, Title } from '@mantine/core';
import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { LanguageSwitch, SampleModeBanner } from './app-layout';
import { Loading } from './ui';

export function PublicLayout() {
  const { t } = useI18n();
  return (
    <>
      <SampleModeBanner />
      <Container size={460} py="xl">
        <Group justify="space-between" mb="lg">
          <div>
            <Title order={1} size="h3">
              {t('appName')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('appTagline')}
            </Text>
          </div>
          <LanguageSwitch />
        </Group>
        <Paper withBorder p="lg" radius="md" component="main">
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </Paper>
      </Container>
    </>
  );
}
