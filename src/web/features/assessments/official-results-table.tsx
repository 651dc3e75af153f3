import { Badge, Table, Text } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';
import type { OfficialResult } from '../../../shared/contracts/results';
import { useI18n } from '../../i18n/i18n';
import { useFrameworkSegments } from '../charts/framework-series';
import { TableScroll } from '../layout/table-scroll';
import { SampleBadge } from '../layout/ui';
import { usePredicateLabel } from './framework-labels';

/**
 * Official results by year (a body's, or the national averages), in one section per framework
 * (a 2019 result on the 2018 framework is not comparable with a 2024 one); `action` adds a last
 * column.
 */
export function OfficialResultsTable(props: {
  rows: OfficialResult[];
  testId: string;
  action?: (r: OfficialResult) => ReactNode;
}) {
  const { t } = useI18n();
  const predicateLabel = usePredicateLabel();
  const { segments, label } = useFrameworkSegments(props.rows);
  const columns = props.action ? 5 : 4;
  return (
    <TableScroll>
      <Table fz="sm" data-testid={props.testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('year')}</Table.Th>
            <Table.Th>{t('index')}</Table.Th>
            <Table.Th>{t('predicate')}</Table.Th>
            <Table.Th>{t('source')}</Table.Th>
            {props.action && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {segments.map((s) => (
            <Fragment key={s.frameworkId}>
              <Table.Tr data-testid="framework-section" data-framework={s.frameworkId}>
                <Table.Th colSpan={columns} scope="colgroup">
                  {label(s)}
                </Table.Th>
              </Table.Tr>
              {s.points.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{r.year}</Table.Td>
                  <Table.Td>{r.index.toFixed(2)}</Table.Td>
                  <Table.Td>{predicateLabel(r.predicate)}</Table.Td>
                  <Table.Td>
                    <Text size="xs">{r.source || '—'}</Text>
                    {r.isReference && (
                      <Badge size="xs" variant="light">
                        {t('reference')}
                      </Badge>
                    )}
                    <SampleBadge show={r.isSample} />
                  </Table.Td>
                  {props.action && <Table.Td>{props.action(r)}</Table.Td>}
                </Table.Tr>
              ))}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
