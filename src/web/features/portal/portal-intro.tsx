import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n';

/** What the Living Lab is, in a few lines, and where a visitor goes next. */
export function PortalIntro() {
  const { t } = useI18n();
  return (
    <Stack gap="xs" maw={820}>
      <Title order={2}>{t('portalHeading')}</Title>
      <Text>{t('portalIntro1')}</Text>
      <Text>{t('portalIntro2')}</Text>
      <Text size="sm" c="gray.7">
        {t('portalIntro3')}
      </Text>
      <Group gap="sm" mt="xs">
        <Button component={Link} to="/login" data-testid="portal-sign-in">
          {t('portalSignInCta')}
        </Button>
        <Button component={Link} to="/public/bodies" variant="default">
          {t('navPublicBodies')}
        </Button>
        <Button component={Link} to="/practices" variant="default" data-testid="portal-catalogue">
          {t('navPractices')}
        </Button>
      </Group>
    </Stack>
  );
}
