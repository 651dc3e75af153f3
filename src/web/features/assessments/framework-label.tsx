import { Badge, Group, Text } from '@mantine/core';
import { useI18n } from '../../i18n/i18n';
import { useFrameworks } from './api';

/**
 * The small label every index carries: which framework produced it (a 3.0 on the 2026 index is
 * not a 3.0 on SPBE 2020), with "provisional" when the framework is.
 */
export function FrameworkLabel({ id, size = 'xs' }: { id: string | null | undefined; size?: 'xs' | 'sm' }) {
  const { t, locale } = useI18n();
  const frameworks = useFrameworks(5 * 60_000);
  if (!id) return null;
  const f = frameworks.data?.data.find((x) => x.id === id);
  return (
    <Group gap={4} wrap="nowrap" data-testid="framework-label" data-framework={id}>
      <Text size={size} c="dimmed">
        {t('frameworkOfIndex', { framework: f ? f.name[locale] : id })}
      </Text>
      {f?.status === 'provisional' && (
        <Badge size="xs" variant="light" color="yellow">
          {t('frameworkProvisional')}
        </Badge>
      )}
    </Group>
  );
}
