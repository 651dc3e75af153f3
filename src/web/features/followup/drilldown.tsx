import { Anchor, Badge, Card, Group, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Figure } from '../../../shared/followup/measure';
import { milestones } from '../../../shared/followup/milestones';
import { formatDate, type MessageKey, useI18n } from '../../i18n/i18n';
import { PagedQuery } from '../layout/ui';
import { type ScopeRef, useMeasureBodies } from './api';
import { formatPercent } from './headline';

type Milestone = (typeof milestones)[number];
const isMilestone = (figure: Figure): figure is Milestone =>
  (milestones as readonly string[]).includes(figure);

/** Milestones are named like the stages; the other figures have their own labels (typed: none missing). */
export function figureLabel(t: (k: MessageKey) => string, figure: Figure): string {
  return isMilestone(figure) ? t(`stage_${figure}`) : t(`fig_${figure}`);
}

/** Exactly the bodies a figure counts, each with the reason it counts (or the stalled ones). */
export function DrillDown({ scope, figure, stalled }: { scope: ScopeRef; figure: Figure; stalled: boolean }) {
  const { t, locale } = useI18n();
  const [page, setPage] = useState(1);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const query = useMeasureBodies({ ...scope, figure, stalled, q, page });
  return (
    <Card withBorder data-testid="drilldown">
      <Group justify="space-between" align="end" mb="xs">
        <Text fw={600}>
          {stalled ? t('stalledTitle') : t('drillTitle', { figure: figureLabel(t, figure) })}
        </Text>
        <TextInput
          size="xs"
          label={t('searchBody')}
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            setPage(1);
          }}
        />
      </Group>
      <PagedQuery query={query} onPage={setPage}>
        {(data) => (
          <Table fz="sm" data-testid="drill-rows">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('body')}</Table.Th>
                <Table.Th>{t('reason')}</Table.Th>
                <Table.Th>{t('referenceDate')}</Table.Th>
                <Table.Th>{stalled ? t('stage') : t('pathProgress')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.data.map((b) => (
                <Table.Tr key={b.code} data-testid="drill-row">
                  <Table.Td>
                    <Anchor component={Link} to={`/orgs/${b.code}`}>
                      {b.name}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {b.code}
                    </Text>
                  </Table.Td>
                  <Table.Td data-testid="drill-reason">
                    {stalled ? t('idleDays', { days: b.stalledDays ?? 0 }) : (b.reason ?? '—')}
                  </Table.Td>
                  <Table.Td>{b.referenceDate ? formatDate(b.referenceDate, locale) : '—'}</Table.Td>
                  <Table.Td>
                    {stalled ? (
                      <Badge variant="light">{b.stage ? figureLabel(t, b.stage as Figure) : '—'}</Badge>
                    ) : (
                      formatPercent(b.pathProgressPercent, locale)
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </PagedQuery>
    </Card>
  );
}
