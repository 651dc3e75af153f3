import { Table, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { formatDateTime, type MessageKey, useI18n } from '../../i18n/i18n';
import type { Locale } from '../../i18n/locale-store';
import { TableScroll } from '../layout/table-scroll';
import { ErrorNotice, Loading } from '../layout/ui';
import { useItemHistory } from './api';

function HistoryTable({ assessmentId, indicator }: { assessmentId: string; indicator: number }) {
  const { locale, t } = useI18n();
  const q = useItemHistory(assessmentId, indicator);
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorNotice error={q.error} />;
  if (!q.data.data.length) return <Text size="sm">{t('nothingFound')}</Text>;
  return (
    <TableScroll>
      <Table fz="sm">
        <Table.Tbody>
          {q.data.data.map((r) => (
            <Table.Tr key={r.at + String(r.level)}>
              <Table.Td>{formatDateTime(r.at, locale)}</Table.Td>
              <Table.Td>{r.user ?? '—'}</Table.Td>
              <Table.Td>
                {r.previousLevel ?? '–'} → <b>{r.level ?? '–'}</b>
              </Table.Td>
              <Table.Td>{r.justification}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

export function showItemHistory(
  assessmentId: string,
  indicator: number,
  t: (k: MessageKey, v?: Record<string, string | number>) => string,
  _locale: Locale,
) {
  modals.open({
    title: t('levelHistory', { n: indicator }),
    size: 'lg',
    children: <HistoryTable assessmentId={assessmentId} indicator={indicator} />,
  });
}
