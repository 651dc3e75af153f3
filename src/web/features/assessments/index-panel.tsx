import { Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import type { Framework } from '../../../shared/framework/framework-schema';
import { presentScore } from '../../../shared/framework/present-score';
import { score } from '../../../shared/framework/score';
import { useI18n } from '../../i18n/i18n';
import { Chart } from '../charts/chart';

/**
 * The index as the official evaluation computes it, from the same engine the server uses, so it
 * moves the instant a level changes. Values are rounded half-up to two decimals for display.
 */
export function IndexPanel({ framework, levels }: { framework: Framework; levels: Record<string, number> }) {
  const { t, locale } = useI18n();
  const s = useMemo(() => presentScore(score(framework, levels)), [framework, levels]);
  const name = (g: { name: string; nameEn: string }) => (locale === 'en' ? g.nameEn : g.name);
  const option = useMemo(
    () => ({
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      tooltip: {},
      xAxis: { type: 'value', min: 0, max: 5 },
      yAxis: { type: 'category', inverse: true, data: s.domains.map((d) => d.code) },
      series: [
        {
          type: 'bar',
          data: s.domains.map((d) => d.index),
          barMaxWidth: 20,
          label: { show: true, position: 'right' },
          itemStyle: { color: '#1c7ed6' },
        },
      ],
    }),
    [s],
  );
  return (
    <Card withBorder data-testid="index-panel">
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {t('indexPanel')}
        </Text>
        <Group gap="sm" align="baseline">
          <Title order={2} data-testid="index-value">
            {s.index === null ? '—' : s.index.toFixed(2)}
          </Title>
          {s.predicate && <Badge size="lg">{locale === 'en' ? s.predicateEn : s.predicate}</Badge>}
        </Group>
        <Text size="xs" c={s.provisional ? 'orange' : 'teal'} data-testid="index-completeness">
          {s.provisional ? t('provisional', { answered: s.answered, total: s.total }) : t('complete')}
        </Text>
        <Chart option={option} height={40 + 28 * s.domains.length} label={t('domainsChart')} />
        <Table fz="xs" verticalSpacing={2}>
          <Table.Tbody>
            {s.aspects.map((a) => (
              <Table.Tr key={a.code}>
                <Table.Td>
                  {a.code} {name(a)}
                </Table.Td>
                <Table.Td ta="right">{a.index === null ? '—' : a.index.toFixed(2)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Card>
  );
}
