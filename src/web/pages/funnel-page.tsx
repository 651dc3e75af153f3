import { Anchor, Badge, Card, Group, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError, api } from '../api/client';
import type { Pagination, Programme } from '../api/types';
import { useMe } from '../features/auth/use-auth';
import { Chart } from '../features/charts/chart';
import { EmptyState, ErrorNotice, Loading, PagedQuery } from '../features/layout/ui';
import { formatDate, useI18n } from '../i18n/i18n';

const stages = ['visited', 'committed', 'assessed', 'planned', 'acting', 'improved'] as const;
type Stage = (typeof stages)[number];
type Funnel = {
  visited: number;
  stages: { stage: Stage; count: number; percent: number | null; medianDays: number | null }[];
  stalledCount: number;
  stalled: { code: string; name: string; stage: Stage; next: Stage; idleDays: number }[];
};
type Body = {
  code: string;
  name: string;
  stage: Stage | null;
  reached: Partial<Record<Stage, string>>;
  lastActivity: string | null;
};

export default function FunnelPage() {
  const { t, locale } = useI18n();
  const me = useMe().data!;
  const national = me.memberships.some(
    (m) => m.role === 'national_supervisor' || m.role === 'platform_admin',
  );
  // The scopes this user may look at, the broadest first.
  const options = [
    ...(national ? [{ value: 'national:', label: t('scope_national') }] : []),
    ...me.memberships
      .filter((m) => m.role === 'province_supervisor')
      .map((m) => ({ value: `province:${m.org.code}`, label: `${t('scope_province')} ${m.org.name}` })),
    ...me.memberships
      .filter((m) => m.role === 'mentor')
      .map((m) => ({ value: `host:${m.org.code}`, label: `${t('scope_host')} ${m.org.name}` })),
  ];
  const programmes = useQuery({
    queryKey: ['programmes'],
    queryFn: () => api<{ data: Programme[] }>('/programmes'),
    enabled: national,
  });
  for (const p of programmes.data?.data ?? [])
    options.push({ value: `programme:${p.id}`, label: `${t('scope_programme')} ${p.name}` });
  const [params, setParams] = useSearchParams();
  const chosen = params.get('scope') ?? options[0]?.value ?? '';
  const [scope, ref] = chosen.split(':') as [string, string | undefined];
  const [stage, setStage] = useState<Stage | null>(null);
  const [page, setPage] = useState(1);
  const bodiesQ = useQuery({
    queryKey: ['funnel-bodies', chosen, stage, page],
    queryFn: () =>
      api<{ data: Body[]; pagination: Pagination }>('/funnel/bodies', {
        query: { scope, ref: ref || undefined, stage: stage ?? undefined, page, pageSize: 25 },
      }),
    enabled: !!chosen,
    placeholderData: keepPreviousData,
  });
  const q = useQuery({
    queryKey: ['funnel', chosen],
    queryFn: () => api<{ data: Funnel }>('/funnel', { query: { scope, ref: ref || undefined } }),
    enabled: !!chosen,
  });
  const option = useMemo(() => {
    const s = q.data?.data.stages ?? [];
    return {
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: {},
      xAxis: { type: 'value', minInterval: 1, max: Math.max(1, q.data?.data.visited ?? 1) },
      yAxis: { type: 'category', inverse: true, data: s.map((x) => t(`stage_${x.stage}`)) },
      series: [
        {
          type: 'bar',
          barMaxWidth: 28,
          data: s.map((x) => x.count),
          label: {
            show: true,
            position: 'right',
            formatter: (p: { dataIndex: number }) =>
              `${s[p.dataIndex]?.count} (${s[p.dataIndex]?.percent ?? 0}%)`,
          },
        },
      ],
    };
  }, [q.data, t]);
  if (!options.length) return <EmptyState>{t('nothingFound')}</EmptyState>;
  if (q.isPending) return <Loading />;
  if (q.error instanceof ApiError) return <ErrorNotice error={q.error} />;
  if (q.isError) return <ErrorNotice error={q.error} onRetry={() => q.refetch()} />;
  const f = q.data.data;
  const exportQs = new URLSearchParams({ scope, ...(ref ? { ref } : {}) });
  return (
    <Stack>
      <Group justify="space-between" align="end">
        <div>
          <Title order={2}>{t('funnelTitle')}</Title>
          <Text size="sm" c="dimmed">
            {t('funnelIntro')}
          </Text>
        </div>
        <Select
          label={t('scope')}
          data={options}
          value={chosen}
          onChange={(v) => v && setParams({ scope: v })}
          w={320}
          allowDeselect={false}
        />
      </Group>
      <Card withBorder>
        <Chart option={option} height={240} label={t('funnelTitle')} />
        <div className="table-scroll">
          <Table fz="sm" data-testid="funnel-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('stage')}</Table.Th>
                <Table.Th>{t('count')}</Table.Th>
                <Table.Th>{t('share')}</Table.Th>
                <Table.Th>{t('medianDays')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {f.stages.map((x) => (
                <Table.Tr key={x.stage} data-testid={`stage-${x.stage}`}>
                  <Table.Td>
                    <Anchor
                      component="button"
                      type="button"
                      onClick={() => {
                        setStage(stage === x.stage ? null : x.stage);
                        setPage(1);
                      }}
                    >
                      {t(`stage_${x.stage}`)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td data-testid="stage-count">{x.count}</Table.Td>
                  <Table.Td>{x.percent === null ? '—' : `${x.percent}%`}</Table.Td>
                  <Table.Td>{x.medianDays ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
        <Group gap="xs" mt="xs">
          <Anchor href={`/api/v1/funnel/export?${exportQs}&format=csv`} size="sm">
            CSV
          </Anchor>
          <Anchor href={`/api/v1/funnel/export?${exportQs}&format=xlsx`} size="sm">
            XLSX
          </Anchor>
        </Group>
      </Card>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Text fw={600}>{stage ? t('bodiesAtStage', { stage: t(`stage_${stage}`) }) : t('allBodies')}</Text>
          <PagedQuery query={bodiesQ} onPage={setPage}>
            {(data) => (
              <Table fz="sm" data-testid="funnel-bodies">
                <Table.Tbody>
                  {data.data.map((b) => (
                    <Table.Tr key={b.code}>
                      <Table.Td>
                        <Anchor component={Link} to={`/orgs/${b.code}`}>
                          {b.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        {b.stage ? <Badge variant="light">{t(`stage_${b.stage}`)}</Badge> : '—'}
                      </Table.Td>
                      <Table.Td>{b.lastActivity ? formatDate(b.lastActivity, locale) : '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </PagedQuery>
        </Card>
        <Card withBorder>
          <Text fw={600}>
            {t('stalledTitle')} ({f.stalledCount})
          </Text>
          {f.stalled.length === 0 ? (
            <EmptyState>{t('noStalled')}</EmptyState>
          ) : (
            <Table fz="sm" data-testid="stalled">
              <Table.Tbody>
                {f.stalled.map((b) => (
                  <Table.Tr key={b.code}>
                    <Table.Td>
                      <Anchor component={Link} to={`/orgs/${b.code}`}>
                        {b.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      {t(`stage_${b.stage}`)} → {t(`stage_${b.next}`)}
                    </Table.Td>
                    <Table.Td>{t('idleDays', { days: b.idleDays })}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
