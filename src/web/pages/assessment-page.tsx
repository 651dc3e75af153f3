import { Accordion, Anchor, Grid, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../api/client';
import { exportUrl, useAssessment } from '../features/assessments/api';
import { IndexPanel } from '../features/assessments/index-panel';
import { IndicatorCard } from '../features/assessments/indicator-card';
import { StatusBadge } from '../features/assessments/status-badge';
import { leafGroups, useFramework } from '../features/assessments/use-framework';
import { WorkflowBar } from '../features/assessments/workflow-bar';
import { ErrorNotice, Loading, SampleBadge } from '../features/layout/ui';
import { formatDateTime, useI18n } from '../i18n/i18n';
import NotFoundPage from './not-found-page';

export default function AssessmentPage() {
  const { t, locale } = useI18n();
  const { id = '' } = useParams();
  // ?indicator=N (the home page's link to a returned indicator) opens that indicator and shows it.
  const focus = useSearchParams()[0].get('indicator');
  const q = useAssessment(id);
  // The version the assessment recorded: an admin's later correction does not change what it shows.
  const fw = useFramework(q.data?.data.framework.id, q.data?.data.framework.version);
  const ready = q.isSuccess && fw.isSuccess;
  useEffect(() => {
    if (ready && focus)
      document.querySelector(`[data-testid="indicator-${CSS.escape(focus)}"]`)?.scrollIntoView();
  }, [ready, focus]);
  const levels = useMemo(() => {
    const out: Record<string, number> = {};
    for (const i of q.data?.data.items ?? []) if (i.level !== null) out[String(i.indicator)] = i.level;
    return out;
  }, [q.data]);
  if (q.isPending || (q.isSuccess && fw.isPending)) return <Loading />;
  if (q.error instanceof ApiError && q.error.status === 404) return <NotFoundPage />;
  if (q.isError) return <ErrorNotice error={q.error} onRetry={() => q.refetch()} />;
  if (fw.isError) return <ErrorNotice error={fw.error} onRetry={() => fw.refetch()} />;
  const { data: a, abilities } = q.data;
  const framework = fw.data!;
  const itemOf = new Map(a.items.map((i) => [i.indicator, i]));
  const services = framework.indicators
    .filter((i) => i.chosenService)
    .map((i) => ({ indicator: i.number, serviceName: itemOf.get(i.number)?.serviceName ?? null }));
  const groups = leafGroups(framework);
  const gname = (g: { name: { id: string; en: string } }) => (locale === 'en' ? g.name.en : g.name.id);

  return (
    <Stack>
      <Group justify="space-between" align="start">
        <div>
          <Text size="sm" c="dimmed">
            <Anchor component={Link} to={`/orgs/${a.org.code}/assessments`}>
              {a.org.name}
            </Anchor>{' '}
            · {gname(framework)}
          </Text>
          <Title order={2}>
            {t('assessmentsTitle')} {a.year}
          </Title>
          <Group gap="xs" mt={4}>
            <StatusBadge status={a.status} />
            {a.round > 0 && <Text size="sm">{t('round', { round: a.round })}</Text>}
            <SampleBadge show={a.isSample} />
          </Group>
        </div>
        <Stack gap="xs" align="end">
          <WorkflowBar detail={q.data} framework={framework} />
          <Group gap="xs">
            <Anchor href={exportUrl(a.id, 'csv')} size="sm">
              {t('downloadCsv')}
            </Anchor>
            <Anchor href={exportUrl(a.id, 'xlsx')} size="sm">
              {t('downloadXlsx')}
            </Anchor>
          </Group>
        </Stack>
      </Group>
      <Grid>
        <Grid.Col span={{ base: 12, md: 8 }} order={{ base: 2, md: 1 }}>
          <Stack>
            {groups.map((g) => (
              <div key={g.group.code}>
                <Text size="xs" c="dimmed">
                  {g.path.map((p) => `${p.code} ${gname(p)}`).join(' › ')}
                </Text>
                <Title order={4}>
                  {g.group.code} {gname(g.group)}
                </Title>
                <Accordion variant="separated" multiple defaultValue={focus ? [focus] : undefined}>
                  {g.indicators.map((ind) => {
                    const item = itemOf.get(ind.number);
                    if (!item) return null;
                    return (
                      <IndicatorCard
                        key={ind.number}
                        assessmentId={a.id}
                        orgCode={a.org.code}
                        frameworkId={framework.id}
                        indicator={ind}
                        item={item}
                        services={services}
                        canUpload={abilities.uploadEvidence}
                        canComment={abilities.comment}
                        crosswalk={a.crosswalkFrom !== null}
                      />
                    );
                  })}
                </Accordion>
              </div>
            ))}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }} order={{ base: 1, md: 2 }}>
          <Stack style={{ position: 'sticky', top: 70 }}>
            <IndexPanel framework={framework} levels={levels} />
            {a.transitions.length > 0 && (
              <div>
                <Text size="sm" fw={600}>
                  {t('transitions')}
                </Text>
                <Table fz="xs" data-testid="transitions">
                  <Table.Tbody>
                    {a.transitions.map((tr) => (
                      <Table.Tr key={tr.at + tr.to}>
                        <Table.Td>{formatDateTime(tr.at, locale)}</Table.Td>
                        <Table.Td>{t(`status_${tr.to}`)}</Table.Td>
                        <Table.Td>{tr.user ?? '—'}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </div>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
