import { Anchor, Card, Group, NumberInput, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../api/client';
import { FrameworkLabel } from '../features/assessments/framework-label';
import { usePredicateLabel } from '../features/assessments/framework-labels';
import { Chart } from '../features/charts/chart';
import { TableScroll } from '../features/layout/table-scroll';
import { EmptyState, ErrorNotice, Loading } from '../features/layout/ui';
import { useComparison } from '../features/results/api';
import { useI18n } from '../i18n/i18n';
import NotFoundPage from './not-found-page';

function Stat({
  label,
  value,
  sub,
}: {
  label: string;
  value: number | null | undefined;
  sub?: string | null;
}) {
  return (
    <Card withBorder>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Title order={3}>{value === null || value === undefined ? '—' : value.toFixed(2)}</Title>
      {sub && (
        <Text size="xs" c="dimmed">
          {sub}
        </Text>
      )}
    </Card>
  );
}

export default function ComparisonPage() {
  const { t, locale } = useI18n();
  const predicateLabel = usePredicateLabel();
  const { code = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const year = params.get('year') ?? '';
  const setYear = (v: number | string) => setParams(v ? { year: String(v) } : {}, { replace: true });
  const q = useComparison(code, year);
  const c = q.data?.data;
  const option = useMemo(() => {
    if (!c) return {};
    const bars = [
      [c.body.name, c.body.official?.index ?? c.body.self?.index ?? null],
      [c.host?.name ?? '', c.host?.official?.index ?? null],
      [t('provinceAverage'), c.province?.average ?? null],
      [t('nationalAverage'), c.national?.average ?? null],
    ].filter(([name, v]) => name && v !== null);
    return {
      grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', min: 0, max: 5 },
      yAxis: { type: 'category', inverse: true, data: bars.map((b) => b[0]) },
      series: [
        {
          type: 'bar',
          barMaxWidth: 24,
          data: bars.map((b) => b[1]),
          label: { show: true, position: 'right' },
        },
      ],
    };
  }, [c, t]);
  if (q.isPending) return <Loading />;
  if (q.error instanceof ApiError && q.error.status === 404) return <NotFoundPage />;
  if (q.isError) return <ErrorNotice error={q.error} onRetry={() => q.refetch()} />;
  const d = q.data.data;
  return (
    <Stack>
      <Group justify="space-between" align="end">
        <div>
          <Text size="sm" c="dimmed">
            <Anchor component={Link} to={`/orgs/${code}/assessments`}>
              {d.body.name}
            </Anchor>
          </Text>
          <Title order={2}>
            {t('comparisonTitle')} {d.year}
          </Title>
          <FrameworkLabel id={d.framework.id} size="sm" />
        </div>
        <NumberInput label={t('year')} w={120} value={year || d.year} min={2018} onChange={setYear} />
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Stat
          label={`${d.body.name} (${d.body.official ? t('official') : t('selfAssessment')})`}
          value={d.body.official?.index ?? d.body.self?.index}
          sub={predicateLabel(d.body.official?.predicate ?? d.body.self?.predicate)}
        />
        <Stat
          label={`${t('hostBody')}: ${d.host?.name ?? '—'}`}
          value={d.host?.official?.index}
          sub={predicateLabel(d.host?.official?.predicate)}
        />
        <Stat
          label={t('provinceAverage')}
          value={d.province?.average}
          sub={d.province ? t('bodies', { count: d.province.count }) : null}
        />
        <Stat
          label={t('nationalAverage')}
          value={d.national?.average}
          sub={
            d.national
              ? `${d.national.year}${d.national.count ? ` · ${t('bodies', { count: d.national.count })}` : ''}`
              : null
          }
        />
      </SimpleGrid>
      <Chart option={option} height={180} label={t('comparisonTitle')} />
      <Card withBorder>
        <Text fw={600}>{t('similarBodies')}</Text>
        {d.similar.length === 0 ? (
          <EmptyState />
        ) : (
          <Table fz="sm" data-testid="similar-bodies">
            <Table.Tbody>
              {d.similar.map((s) => (
                <Table.Tr key={s.code}>
                  <Table.Td>
                    <Anchor component={Link} to={`/orgs/${s.code}`}>
                      {s.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{s.index.toFixed(2)}</Table.Td>
                  <Table.Td>{predicateLabel(s.predicate)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      <Card withBorder>
        <Text fw={600}>{t('gapTable')}</Text>
        <Text size="xs" c="dimmed" mb="xs">
          {t('gapIntro')}
        </Text>
        {!d.host?.levelsShared ? (
          <Text size="sm" c="dimmed">
            {t('hostLevelsHidden')}
          </Text>
        ) : d.gaps.length === 0 ? (
          <EmptyState>{t('noGaps')}</EmptyState>
        ) : (
          <TableScroll>
            <Table fz="sm" data-testid="gap-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('indicator')}</Table.Th>
                  <Table.Th>{t('mine')}</Table.Th>
                  <Table.Th>{t('target')}</Table.Th>
                  <Table.Th>{t('peersReached')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.gaps.map((g) => (
                  <Table.Tr key={g.indicator}>
                    <Table.Td>
                      {g.indicator}. {locale === 'en' ? g.nameEn : g.name}
                    </Table.Td>
                    <Table.Td>{g.mine ?? '—'}</Table.Td>
                    <Table.Td>{g.target}</Table.Td>
                    <Table.Td>
                      {g.peers.map((p) => `${p.name} (${p.level})`).join(', ') || '—'}
                      {g.peerCount > g.peers.length ? ` +${g.peerCount - g.peers.length}` : ''}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        )}
      </Card>
    </Stack>
  );
}
