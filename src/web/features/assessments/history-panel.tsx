import { Card, Stack, Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useI18n } from '../../i18n/i18n';
import { Chart } from '../charts/chart';
import { TableScroll } from '../layout/table-scroll';
import { ErrorNotice, Loading } from '../layout/ui';
import { useHistory } from '../results/api';
import { usePredicateLabel } from './framework-labels';

/** The body's index per year: its own self-assessment beside the official result. */
export function HistoryPanel({ code }: { code: string }) {
  const { t } = useI18n();
  const predicateLabel = usePredicateLabel();
  const q = useHistory(code);
  const rows = q.data?.data ?? [];
  const option = useMemo(
    () => ({
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      legend: { data: [t('selfAssessment'), t('official')] },
      xAxis: { type: 'category', data: rows.map((r) => String(r.year)) },
      yAxis: { type: 'value', min: 1, max: 5 },
      series: [
        {
          name: t('selfAssessment'),
          type: 'line',
          connectNulls: true,
          data: rows.map((r) => r.self?.index ?? null),
        },
        {
          name: t('official'),
          type: 'line',
          connectNulls: true,
          data: rows.map((r) => r.official?.index ?? null),
        },
      ],
    }),
    [rows, t],
  );
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorNotice error={q.error} onRetry={() => q.refetch()} />;
  if (!rows.length) return null;
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Text fw={600}>{t('historyTitle')}</Text>
        <Chart option={option} height={220} label={t('historyTitle')} />
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
              {rows.map((r) => (
                <Table.Tr key={r.year}>
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
            </Table.Tbody>
          </Table>
        </TableScroll>
      </Stack>
    </Card>
  );
}
