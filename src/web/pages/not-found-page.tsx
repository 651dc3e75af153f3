import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n';

export default function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Stack py="xl" data-testid="not-found">
      <Title order={2}>{t('notFoundTitle')}</Title>
      <Text>{t('notFoundText')}</Text>
      <Anchor component={Link} to="/">
        {t('navHome')}
      </Anchor>
    </Stack>
  );
}
