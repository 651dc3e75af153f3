import { Badge, Group, Text } from '@mantine/core';
import { ApiError } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { useYearFramework } from './api';

/**
 * Beside the create form: the framework a new self-assessment of the chosen year will open on, as
 * the server's one rule decides it (or why no framework can be used for that year).
 */
export function YearFramework({ year }: { year: number | string }) {
  const { t, locale } = useI18n();
  // Only years the create form accepts; another year is refused there, with its own message.
  const last = new Date().getFullYear() + 1;
  const y = typeof year === 'number' && Number.isInteger(year) && year >= 2018 && year <= last ? year : null;
  const q = useYearFramework(y);
  if (y === null) return null;
  if (q.isPending) {
    return (
      <Text size="sm" c="dimmed">
        {t('yearFrameworkLoading')}
      </Text>
    );
  }
  if (q.isError) {
    const field = q.error instanceof ApiError ? q.error.fieldErrors().year : undefined;
    return (
      <Text size="sm" c="red" role="status">
        {field ?? q.error.message}
      </Text>
    );
  }
  const { framework, by } = q.data;
  return (
    <Group gap={6} data-testid="year-framework" data-framework={framework.id} role="status">
      <Text size="sm">{t('yearFramework', { year: y, framework: framework.name[locale] })}</Text>
      {framework.status === 'provisional' && (
        <Badge size="xs" variant="light" color="yellow">
          {t('frameworkProvisional')}
        </Badge>
      )}
      {by === 'configured' && (
        <Text size="xs" c="dimmed">
          {t('yearFrameworkConfigured')}
        </Text>
      )}
    </Group>
  );
}
