import {
  Accordion,
  Anchor,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import type { ScopeKind } from '../../shared/contracts/followup';
import { type Figure, figures } from '../../shared/followup/measure';
import { exportUrl, type ScopeRef, useMeasure, useScopes } from '../features/followup/api';
import { DrillDown, figureLabel } from '../features/followup/drilldown';
import { formatPercent, HeadlineTiles } from '../features/followup/headline';
import { TrendChart } from '../features/followup/trend-chart';
import { TableScroll } from '../features/layout/table-scroll';
import { EmptyState, ErrorNotice, Loading } from '../features/layout/ui';
import { useI18n } from '../i18n/i18n';

/** "Tahapan tindak lanjut": the headline, milestones, trend and drill-downs of a chosen scope. */
export default function FunnelPage() {
  const { t, locale } = useI18n();
  const scopes = useScopes();
  const [params, setParams] = useSearchParams();
  // The open drill-down lives in the address, so it can be shared, bookmarked and undone with Back.
  const figure = (figures as readonly string[]).includes(params.get('figure') ?? '')
    ? (params.get('figure') as Figure)
    : null;
  const stalled = params.get('stalled') === 'true';
  const show = (next: { figure?: Figure | null; stalled?: boolean }) => {
    const p = new URLSearchParams(params);
    p.delete('figure');
    p.delete('stalled');
    if (next.figure) p.set('figure', next.figure);
    if (next.stalled) p.set('stalled', 'true');
    setParams(p);
  };
  const options = scopes.data?.data ?? [];
  const fromUrl = params.get('scope');
  const chosen: ScopeRef | null = fromUrl
    ? { scope: fromUrl as ScopeKind, ref: params.get('ref') }
    : scopes.data?.preferred
      ? { scope: scopes.data.preferred.scope, ref: scopes.data.preferred.ref }
      : null;
  const measure = useMeasure(chosen);
  if (scopes.isPending) return <Loading />;
  if (scopes.isError) return <ErrorNotice error={scopes.error} onRetry={() => scopes.refetch()} />;
  if (!options.length || !chosen) return <EmptyState>{t('noScopes')}</EmptyState>;
  const groups = (['national', 'province', 'host', 'programme', 'commitment'] as const)
    .map((kind) => ({
      group: t(`scope_${kind}`),
      items: options
        .filter((o) => o.scope === kind)
        .map((o) => ({ value: `${o.scope}:${o.ref ?? ''}`, label: o.name })),
    }))
    .filter((g) => g.items.length);
  const choose = (x: Figure) => show({ figure: figure === x && !stalled ? null : x });
  const f = measure.data?.data;
  return (
    <Stack>
      <Group justify="space-between" align="end">
        <div>
          <Title order={2}>{t('measureTitle')}</Title>
          <Text size="sm" c="dimmed" maw={720}>
            {t('measureIntro')}
          </Text>
        </div>
        <Select
          label={t('measureScopeLabel')}
          data={groups}
          searchable
          value={`${chosen.scope}:${chosen.ref ?? ''}`}
          onChange={(v) => {
            if (!v) return;
            const [scope, ref] = v.split(/:(.*)/s) as [string, string];
            setParams(ref ? { scope, ref } : { scope });
          }}
          w={{ base: '100%', sm: 360 }}
          allowDeselect={false}
          data-testid="scope-select"
        />
      </Group>
      {measure.isPending ? (
        <Loading />
      ) : measure.isError ? (
        <ErrorNotice error={measure.error} onRetry={() => measure.refetch()} />
      ) : (
        f && (
          <>
            <HeadlineTiles f={f} chosen={stalled ? null : figure} onChoose={choose} />
            <Text size="sm" c="dimmed">
              {t('selfReportedNote', { count: f.selfReported.count })} ·{' '}
              <Anchor component="button" type="button" size="sm" onClick={() => choose('selfReported')}>
                {figureLabel(t, 'selfReported')}
              </Anchor>
            </Text>
            {figure || stalled ? (
              <DrillDown
                key={`${chosen.scope}:${chosen.ref}:${figure}:${stalled}`}
                scope={chosen}
                figure={figure ?? 'cohort'}
                stalled={stalled}
              />
            ) : (
              <Text size="sm">{t('drillHint')}</Text>
            )}
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <Card withBorder>
                <Text fw={600} size="sm" mb="xs">
                  {t('milestonesTitle')}
                </Text>
                <TableScroll>
                  <Table fz="sm" data-testid="milestones">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('milestone')}</Table.Th>
                        <Table.Th>{t('count')}</Table.Th>
                        <Table.Th>{t('share')}</Table.Th>
                        <Table.Th>{t('medianDaysFromRef')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {f.stages.map((x) => (
                        <Table.Tr key={x.stage} data-testid={`stage-${x.stage}`}>
                          <Table.Td>
                            <Anchor component="button" type="button" onClick={() => choose(x.stage)}>
                              {figureLabel(t, x.stage)}
                            </Anchor>
                          </Table.Td>
                          <Table.Td data-testid="stage-count">{x.count}</Table.Td>
                          <Table.Td>{formatPercent(x.percent, locale)}</Table.Td>
                          <Table.Td>
                            {x.medianDays === null
                              ? '—'
                              : x.medianDays.toLocaleString(locale === 'en' ? 'en-GB' : 'id-ID')}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </TableScroll>
                <Group gap="xs" mt="xs">
                  <Text size="sm">{t('exportAll')}:</Text>
                  <Anchor href={exportUrl(chosen, 'csv')} size="sm">
                    CSV
                  </Anchor>
                  <Anchor href={exportUrl(chosen, 'xlsx')} size="sm">
                    XLSX
                  </Anchor>
                </Group>
              </Card>
              <TrendChart trend={f.trend} />
            </SimpleGrid>
            <Card withBorder>
              <Group justify="space-between">
                <Text fw={600} size="sm">
                  {t('stalledTitle')} ({f.stalledCount})
                </Text>
                {f.stalledCount > 0 && (
                  <Button size="xs" variant="light" onClick={() => show({ stalled: true })}>
                    {t('allBodies')}
                  </Button>
                )}
              </Group>
              {f.stalled.length === 0 ? (
                <EmptyState>{t('noStalled')}</EmptyState>
              ) : (
                <Table fz="sm" data-testid="stalled">
                  <Table.Tbody>
                    {f.stalled.slice(0, 5).map((b) => (
                      <Table.Tr key={b.code}>
                        <Table.Td>
                          <Anchor component={Link} to={`/orgs/${b.code}`}>
                            {b.name}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>
                          {t('nextMilestone')}: {figureLabel(t, b.next)}
                        </Table.Td>
                        <Table.Td>{t('idleDays', { days: b.idleDays })}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
              <Text size="sm" c="dimmed" mt="xs">
                {t('whatNext')}
              </Text>
            </Card>
            <Accordion variant="contained" data-testid="definitions">
              <Accordion.Item value="definitions">
                <Accordion.Control>{t('definitionsTitle')}</Accordion.Control>
                <Accordion.Panel>
                  <Stack gap="xs">
                    {Object.entries(f.definitions).map(([key, d]) => (
                      <Text size="sm" key={key}>
                        {d[locale]}
                      </Text>
                    ))}
                  </Stack>
                </Accordion.Panel>
              </Accordion.Item>
            </Accordion>
          </>
        )
      )}
    </Stack>
  );
}
