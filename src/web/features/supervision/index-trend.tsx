import { Card, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMemo } from 'react';
import type { SupervisionTrend } from '../../../shared/contracts/supervision';
import { useI18n } from '../../i18n/i18n';
import { Chart } from '../charts/chart';
import { EmptyState } from '../layout/ui';
import { formatIndex } from './areas';

/** The mean index per evaluation year, with the same figures as a table for screen readers. */
export function IndexTrend({ years }: { years: SupervisionTrend['years'] }) {
  const { t, locale } = useI18n();
  const option = useMemo(
    () => ({
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      color: ['#2b8a3e'],
      xAxis: { type: 'category', data: years.map((y) => String(y.year)) },
      yAxis: { type: 'value', min: 0, max: 5 },
      series: [
        {
          type: 'line',
          name: t('supAverageIndex'),
          data: years.map((y) => y.average),
          symbolSize: 6,
        },
      ],
    }),
    [years, t],
  );
  return (
    <Card withBorder data-testid="index-trend">
      <Text fw={600} size="sm" mb="xs">
        {t('indexTrendTitle')}
      </Text>
      {years.length === 0 ? (
        <EmptyState>{t('indexTrendNone')}</EmptyState>
      ) : (
        <>
          <Chart option={option} height={240} label={t('indexTrendTitle')} />
          <VisuallyHidden>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('indexTrendYear')}</Table.Th>
                  <Table.Th>{t('supAverageIndex')}</Table.Th>
                  <Table.Th>{t('indexTrendBodies')}</Table.Th>
                  <Table.Th>{t('indexTrendOfficial')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {years.map((y) => (
                  <Table.Tr key={y.year}>
                    <Table.Td>{y.year}</Table.Td>
                    <Table.Td>{formatIndex(y.average, locale)}</Table.Td>
                    <Table.Td>{y.bodies}</Table.Td>
                    <Table.Td>{y.official}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </VisuallyHidden>
        </>
      )}
    </Card>
  );
}
