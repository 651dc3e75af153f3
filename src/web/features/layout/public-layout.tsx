import { Container, Group, Paper, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n';
import { LanguageSwitch, RoutedPage, SampleModeBanner } from './page-frame';

/**
 * The frame of the signed-out pages (login, password, invitation, verification), around the routed
 * page or, for the error and not-found pages shown outside the shells, around `children`.
 */
export function PublicLayout({ children }: { children?: ReactNode }) {
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
          {children ?? <RoutedPage />}
        </Paper>
      </Container>
    </>
  );
}
