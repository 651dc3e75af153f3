import { Card, Stack, Table, Text } from '@mantine/core';
import { Fragment, useMemo } from 'react';
import { useI18n } from '../../i18n/i18n';
import { Chart } from '../charts/chart';
import { useFrameworkSegments } from '../charts/framework-series';
import { TableScroll } from '../layout/table-scroll';
import { ErrorNotice, Loading } from '../layout/ui';
import { useHistory } from '../results/api';
import { usePredicateLabel } from './framework-labels';

/**
 * The body's index per year: its own self-assessment beside the official result, one line and one
 * table section per framework (results before and after a change of framework are not comparable).
 */
export function HistoryPanel({ code }: { code: string }) {
  const { t } = useI18n();
  const predicateLabel = usePredicateLabel();
  const q = useHistory(code);
  const rows = q.data?.data ?? [];
  const { segments, axis, label, series } = useFrameworkSegments(rows);
  const option = useMemo(
    () => ({
      grid: { left: 8, right: 16, top: 48, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll' },
      xAxis: { type: 'category', data: axis.map(String) },
      yAxis: { type: 'value', min: 1, max: 5 },
      series: [
        ...series((r) => r.self?.index ?? null, t('selfAssessment')),
        ...series((r) => r.official?.index ?? null, t('official')),
      ],
    }),
    [axis, series, t],
  );
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorNotice error={q.error} onRetry={() => q.refetch()} />;
  if (!rows.length) return null;
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Text fw={600}>{t('historyTitle')}</Text>
        {segments.length > 1 && (
          <Text size="xs" c="dimmed">
            {t('trendSplitNote')}
          </Text>
        )}
        <Chart option={option} height={240} label={t('historyTitle')} />
        <TableScroll>
          <Table fz="sm" data-testid="history-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('year')}</Table.Th>
                <Table.Th>{t('selfAssessment')}</Table.Th>
                <Table.Th>{t('official')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {segments.map((s) => (
                <Fragment key={s.frameworkId}>
                  <Table.Tr data-testid="framework-section" data-framework={s.frameworkId}>
                    <Table.Th colSpan={3} scope="colgroup">
                      {label(s)}
                    </Table.Th>
                  </Table.Tr>
                  {s.points.map((r) => (
                    <Table.Tr key={`${r.year}-${r.frameworkId}`}>
                      <Table.Td>{r.year}</Table.Td>
                      <Table.Td>
                        {r.self?.index?.toFixed(2) ?? '—'}
                        {r.self && !r.self.complete ? '*' : ''}
                      </Table.Td>
                      <Table.Td>
                        {r.official
                          ? `${r.official.index.toFixed(2)} ${predicateLabel(r.official.predicate)}`
                          : '—'}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Fragment>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      </Stack>
    </Card>
  );
}
