import { Center, Loader, Text } from '@mantine/core';
import { useI18n } from '../../i18n/i18n';

export function Loading() {
  const { t } = useI18n();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Loader size="sm" mr="sm" />
      <Text size="sm">{t('loading')}</Text>
    </Center>
  );
}
