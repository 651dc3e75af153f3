import { Card, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMemo } from 'react';
import type { Funnel } from '../../../shared/contracts/followup';
import { useI18n } from '../../i18n/i18n';
import { Chart } from '../charts/chart';
import { formatPercent } from './headline';

const keys = ['followedUp', 'followingPath', 'improved'] as const;

/** The headline's percentages month by month, with the same figures as a table for screen readers. */
export function TrendChart({ trend }: { trend: Funnel['trend'] }) {
  const { t, locale } = useI18n();
  const option = useMemo(
    () => ({
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      // Dark, distinct colours: each line readable on white (the default palette's lime is not).
      color: ['#364fc7', '#087f5b', '#c2255c'],
      legend: { top: 0 },
      xAxis: { type: 'category', data: trend.map((p) => p.month) },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: keys.map((k) => ({
        type: 'line',
        name: t(`head_${k}`),
        data: trend.map((p) => p[k].percent ?? 0),
        symbolSize: 6,
      })),
    }),
    [trend, t],
  );
  return (
    <Card withBorder>
      <Text fw={600} size="sm" mb="xs">
        {t('trendTitle')}
      </Text>
      <Chart option={option} height={240} label={t('trendTitle')} />
      <VisuallyHidden>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('trendMonth')}</Table.Th>
              <Table.Th>{t('cohortTile')}</Table.Th>
              {keys.map((k) => (
                <Table.Th key={k}>{t(`head_${k}`)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {trend.map((p) => (
              <Table.Tr key={p.month}>
                <Table.Td>{p.month}</Table.Td>
                <Table.Td>{p.cohort}</Table.Td>
                {keys.map((k) => (
                  <Table.Td key={k}>
                    {p[k].count} ({formatPercent(p[k].percent, locale)})
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </VisuallyHidden>
    </Card>
  );
}
