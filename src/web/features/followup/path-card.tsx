import { Accordion, Badge, Card, Group, Progress, Select, Table, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { PathView } from '../../../shared/contracts/followup';
import { formatDate, useI18n } from '../../i18n/i18n';
import { Chart } from '../charts/chart';
import { TableScroll } from '../layout/table-scroll';
import { Loading } from '../layout/ui';
import { usePath } from './api';
import { formatPercent } from './headline';

type Basis = PathView['basis']['host'];

/** The body beside the host it learned from: gap per indicator, share closed, indices over the years. */
export function PathCard({ code, isHost }: { code: string; isHost: boolean }) {
  const { t, locale } = useI18n();
  const [host, setHost] = useState<string | null>(null);
  const q = usePath(code, host);
  const p = q.data?.data;
  const basis = (b: Basis) =>
    !b
      ? t('basisNone')
      : t(b.source === 'official' ? 'basis_official' : b.accepted ? 'basis_self' : 'basis_self_unaccepted', {
          year: b.year,
        });
  const option = useMemo(() => {
    if (!p) return null;
    const years = [...new Set(p.series.flatMap((s) => s.points.map((x) => x.year)))].sort();
    const series = p.series
      .filter((s) => !p.frameworkId || s.frameworkId === p.frameworkId)
      .map((s) => ({
        type: 'line',
        name: t(`series_${s.who}_${s.source}`, {
          name: s.who === 'host' ? (p.host?.name ?? '') : p.body.name,
        }),
        lineStyle: { type: s.source === 'self' ? 'dashed' : 'solid' },
        data: years.map((y) => s.points.find((x) => x.year === y)?.index ?? null),
        connectNulls: true,
      }));
    return {
      grid: { left: 8, right: 16, top: 48, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      color: ['#364fc7', '#5c7cfa', '#087f5b', '#38d9a9'],
      legend: { top: 0 },
      xAxis: { type: 'category', data: years.map(String) },
      yAxis: { type: 'value', min: 1, max: 5 },
      series,
    };
  }, [p, t]);
  if (q.isPending) return <Loading />;
  if (!p) return null;
  // A host that has not itself learned from another host has no path of its own to show.
  if (isHost && (p.problem === 'not_joined' || p.problem === 'no_host')) return null;
  return (
    <Card withBorder data-testid="path-card">
      <Group justify="space-between" align="start">
        <div>
          <Text fw={600} size="sm">
            {t('pathTitle')}
          </Text>
          {p.host && p.referenceDate && (
            <Text size="xs" c="dimmed">
              {t('pathIntro', { host: p.host.name, date: formatDate(p.referenceDate, locale) })}
            </Text>
          )}
        </div>
        {p.hosts.length > 1 && (
          <Select
            size="xs"
            label={t('pathHost')}
            data={p.hosts.map((h) => ({ value: h.code, label: h.name }))}
            value={p.host?.code ?? null}
            onChange={setHost}
            allowDeselect={false}
          />
        )}
      </Group>
      {p.problem && p.problem !== 'no_gap' ? (
        <Text size="sm" mt="sm" data-testid="path-problem">
          {t(`path_${p.problem}`)}
        </Text>
      ) : (
        <>
          <Group mt="sm" gap="xs">
            <Text size="sm">{t('pathProgress')}:</Text>
            <Text fw={700} data-testid="path-progress">
              {formatPercent(p.progressPercent, locale)}
            </Text>
            {p.following ? (
              <Badge color="teal" title={p.followingReason ?? undefined}>
                {t('pathFollowing')}
              </Badge>
            ) : (
              <Badge color="gray" variant="light">
                {t('pathNotYet', { threshold: p.thresholdPercent })}
              </Badge>
            )}
          </Group>
          <Progress
            value={p.progressPercent ?? 0}
            mt="xs"
            aria-label={t('pathProgress')}
            color={p.following ? 'teal' : 'blue'}
          />
          <Text size="xs" c="dimmed" mt={4}>
            {t('pathBasis', {
              host: basis(p.basis.host),
              baseline: basis(p.basis.baseline),
              current: basis(p.basis.current),
            })}
          </Text>
          {p.problem === 'no_gap' && <Text size="sm">{t('path_no_gap')}</Text>}
        </>
      )}
      {option && option.series.length > 0 && (
        <>
          <Text size="sm" fw={600} mt="md">
            {t('pathSeriesTitle')}
          </Text>
          <Chart option={option} height={220} label={t('pathSeriesTitle')} />
        </>
      )}
      {p.indicators.length > 0 && (
        <Accordion variant="contained" mt="sm">
          <Accordion.Item value="gap">
            <Accordion.Control>{t('pathGapDetail', { count: p.indicators.length })}</Accordion.Control>
            <Accordion.Panel>
              <TableScroll>
                <Table fz="xs" data-testid="path-gap">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('pathIndicator')}</Table.Th>
                      <Table.Th>{t('pathHostLevel')}</Table.Th>
                      <Table.Th>{t('pathBaseline')}</Table.Th>
                      <Table.Th>{t('pathCurrent')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {p.indicators.map((g) => (
                      <Table.Tr key={g.indicator}>
                        <Table.Td>
                          {g.indicator}. {g.name}
                        </Table.Td>
                        <Table.Td>{g.host}</Table.Td>
                        <Table.Td>{g.baseline}</Table.Td>
                        <Table.Td fw={g.current > g.baseline ? 700 : undefined}>{g.current}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </TableScroll>
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
      )}
    </Card>
  );
}
