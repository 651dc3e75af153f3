import { Card, Table, Text, VisuallyHidden } from '@mantine/core';
import { Fragment, useMemo } from 'react';
import type { SupervisionTrend } from '../../../shared/contracts/supervision';
import { useI18n } from '../../i18n/i18n';
import { Chart } from '../charts/chart';
import { useFrameworkSegments } from '../charts/framework-series';
import { EmptyState } from '../layout/ui';
import { formatIndex } from './areas';

/**
 * The mean index per evaluation year, one line per framework (never one line across a change of
 * framework), with the same figures as a table for screen readers.
 */
export function IndexTrend({ years }: { years: SupervisionTrend['years'] }) {
  const { t, locale } = useI18n();
  const { segments, axis, label, series } = useFrameworkSegments(years);
  const option = useMemo(
    () => ({
      grid: { left: 8, right: 16, top: segments.length > 1 ? 40 : 16, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      color: ['#2b8a3e', '#1971c2', '#e8590c'],
      legend: segments.length > 1 ? { type: 'scroll' } : undefined,
      xAxis: { type: 'category', data: axis.map(String) },
      yAxis: { type: 'value', min: 0, max: 5 },
      series: series((y) => y.average),
    }),
    [segments, axis, series],
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
          {segments.length > 1 && (
            <Text size="xs" c="dimmed" mb="xs">
              {t('trendSplitNote')}
            </Text>
          )}
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
                {segments.map((s) => (
                  <Fragment key={s.frameworkId}>
                    <Table.Tr>
                      <Table.Th colSpan={4} scope="colgroup">
                        {label(s)}
                      </Table.Th>
                    </Table.Tr>
                    {s.points.map((y) => (
                      <Table.Tr key={`${y.frameworkId}-${y.year}`}>
                        <Table.Td>{y.year}</Table.Td>
                        <Table.Td>{formatIndex(y.average, locale)}</Table.Td>
                        <Table.Td>{y.bodies}</Table.Td>
                        <Table.Td>{y.official}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Fragment>
                ))}
              </Table.Tbody>
            </Table>
          </VisuallyHidden>
        </>
      )}
    </Card>
  );
}
