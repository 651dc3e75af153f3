import {
  ActionIcon,
  Anchor,
  Autocomplete,
  Button,
  Card,
  Grid,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { OrgDetail } from '../../shared/contracts/orgs';
import { type OptimiseResult, optimise } from '../../shared/framework/optimise';
import { LevelsError } from '../../shared/framework/score';
import { ApiError, api } from '../api/client';
import type { AssessmentDetail, AssessmentSummary, PlanSummary, Scenario } from '../api/types';
import { IndexPanel } from '../features/assessments/index-panel';
import { leafGroups, useFramework } from '../features/assessments/use-framework';
import { EmptyState, ErrorNotice, Loading } from '../features/layout/ui';
import { useI18n } from '../i18n/i18n';
import NotFoundPage from './not-found-page';

type Levels = Record<string, number>;
const FRAMEWORK = 'spbe-2020';

export default function SimulatorPage() {
  const { t, locale } = useI18n();
  const { code = '' } = useParams();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const fw = useFramework(FRAMEWORK);
  const org = useQuery({
    queryKey: ['org', code],
    queryFn: () => api<OrgDetail>(`/orgs/${encodeURIComponent(code)}`),
  });
  const list = useQuery({
    queryKey: ['assessments', code],
    queryFn: () => api<{ data: AssessmentSummary[] }>(`/orgs/${encodeURIComponent(code)}/assessments`),
  });
  const latest = list.data?.data.find((a) => a.framework.id === FRAMEWORK);
  const detail = useQuery({
    queryKey: ['assessment', latest?.id],
    queryFn: () => api<AssessmentDetail>(`/assessments/${latest!.id}`),
    enabled: !!latest,
  });
  const scenarios = useQuery({
    queryKey: ['scenarios', code],
    queryFn: () =>
      api<{ data: Scenario[]; abilities: { create: boolean } }>(
        `/orgs/${encodeURIComponent(code)}/scenarios`,
      ),
  });
  const baseline = useMemo<Levels>(() => {
    const out: Levels = {};
    for (const i of detail.data?.data.items ?? []) if (i.level !== null) out[String(i.indicator)] = i.level;
    return out;
  }, [detail.data]);
  const [levels, setLevels] = useState<Levels>({});
  const [target, setTarget] = useState('');
  const [plan, setPlan] = useState<OptimiseResult | null>(null);
  const [name, setName] = useState('');
  useEffect(() => setLevels(baseline), [baseline]);

  const save = useMutation({
    mutationFn: () =>
      api(`/orgs/${encodeURIComponent(code)}/scenarios`, {
        method: 'POST',
        body: { frameworkId: FRAMEWORK, name, levels, target: target || null },
      }),
    onSuccess: () => {
      setName('');
      qc.invalidateQueries({ queryKey: ['scenarios', code] });
      notifications.show({ color: 'teal', message: t('saved') });
    },
    onError: (e) => notifications.show({ color: 'red', message: e.message }),
  });
  const plans = useQuery({
    queryKey: ['plans', code],
    queryFn: () =>
      api<{ data: PlanSummary[]; abilities: { create: boolean } }>(`/orgs/${encodeURIComponent(code)}/plans`),
  });
  // The optimiser's steps become items of this year's plan (created if there is none yet).
  const toItems = useMutation({
    mutationFn: async () => {
      if (!plan?.reachable) throw new Error('no plan');
      const period = String(new Date().getFullYear());
      let planRow = plans.data?.data.find((p) => p.period === period);
      if (!planRow) {
        const created = await api<{ data: { id: string } }>(`/orgs/${encodeURIComponent(code)}/plans`, {
          method: 'POST',
          body: { period },
        });
        planRow = { id: created.data.id, period } as PlanSummary;
      }
      const r = await api<{ data: { created: number } }>(`/plans/${planRow.id}/items/from-steps`, {
        method: 'POST',
        body: {
          source: 'optimiser',
          sourceRef: `simulator → ${target}`,
          steps: plan.steps.map((st) => ({ indicator: st.indicator, to: st.to })),
        },
      });
      return { id: planRow.id, period, created: r.data.created };
    },
    onSuccess: (r) => {
      notifications.show({
        color: 'teal',
        message: t('itemsCreated', { count: r.created, period: r.period }),
      });
      navigate(`/plans/${r.id}`);
    },
    onError: (e) => notifications.show({ color: 'red', message: e.message }),
  });
  const remove = useMutation({
    mutationFn: (id: string) =>
      api(`/orgs/${encodeURIComponent(code)}/scenarios/${id}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['scenarios', code] }),
  });

  if (fw.isPending || list.isPending || (latest && detail.isPending)) return <Loading />;
  if (list.error instanceof ApiError && list.error.status === 404) return <NotFoundPage />;
  if (fw.isError) return <ErrorNotice error={fw.error} />;
  if (list.isError) return <ErrorNotice error={list.error} onRetry={() => list.refetch()} />;
  const framework = fw.data;
  const predicateNames = framework.predicates.map((p) => (locale === 'en' ? p.label.en : p.label.id));

  const findPlan = () => {
    const asNumber = Number(target.replace(',', '.'));
    try {
      setPlan(
        optimise(
          framework,
          levels,
          Number.isFinite(asNumber) && target.trim() !== ''
            ? { index: asNumber }
            : { predicate: target.trim() },
        ),
      );
    } catch (e) {
      setPlan(null);
      notifications.show({
        color: 'red',
        message: e instanceof LevelsError ? e.issues.map((i) => i.message).join('; ') : (e as Error).message,
      });
    }
  };
  const applyPlan = () => {
    if (!plan?.reachable) return;
    const next = { ...levels };
    for (const s of plan.steps) next[String(s.indicator)] = Math.max(next[String(s.indicator)] ?? 1, s.to);
    setLevels(next);
  };
  const indName = (n: number) => {
    const i = framework.indicators.find((x) => x.number === n);
    return i ? (locale === 'en' ? i.name.en : i.name.id) : '';
  };

  return (
    <Stack>
      <div>
        <Text size="sm" c="dimmed">
          <Anchor component={Link} to={`/orgs/${code}/assessments`}>
            {org.data?.data.name ?? code}
          </Anchor>
        </Text>
        <Title order={2}>{t('simulatorTitle')}</Title>
        <Text size="sm" c="dimmed">
          {t('simulatorIntro')}
        </Text>
      </div>
      <Grid>
        <Grid.Col span={{ base: 12, md: 8 }} order={{ base: 2, md: 1 }}>
          <Stack>
            <Group gap="xs">
              <Button size="xs" variant="default" onClick={() => setLevels(baseline)}>
                {t('reset')}
              </Button>
              {latest && (
                <Text size="xs" c="dimmed">
                  {t('startFrom')}: {t('selfAssessment')} {latest.year}
                </Text>
              )}
            </Group>
            {leafGroups(framework).map((g) => (
              <Card withBorder key={g.group.code} p="xs">
                <Text size="sm" fw={600}>
                  {g.group.code} {locale === 'en' ? g.group.name.en : g.group.name.id}
                </Text>
                <Table fz="xs" verticalSpacing={2}>
                  <Table.Tbody>
                    {g.indicators.map((ind) => (
                      <Table.Tr key={ind.number}>
                        <Table.Td>
                          {ind.number}. {locale === 'en' ? ind.name.en : ind.name.id}
                        </Table.Td>
                        <Table.Td w={80}>
                          <NativeSelect
                            size="xs"
                            aria-label={`${t('level')} ${ind.number}`}
                            data-testid={`sim-level-${ind.number}`}
                            value={levels[String(ind.number)] ? String(levels[String(ind.number)]) : ''}
                            data={[{ value: '', label: '–' }, ...[1, 2, 3, 4, 5].map((l) => String(l))]}
                            onChange={(e) => {
                              const v = e.currentTarget.value;
                              const next = { ...levels };
                              if (v) next[String(ind.number)] = Number(v);
                              else delete next[String(ind.number)];
                              setLevels(next);
                            }}
                          />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Card>
            ))}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }} order={{ base: 1, md: 2 }}>
          <Stack style={{ position: 'sticky', top: 70 }}>
            <IndexPanel framework={framework} levels={levels} />
            <Card withBorder>
              <Stack gap="xs">
                <Autocomplete
                  label={t('targetIndex')}
                  placeholder="3.50"
                  data={predicateNames}
                  value={target}
                  onChange={setTarget}
                />
                <Button size="xs" onClick={findPlan} disabled={!target.trim()} data-testid="find-plan">
                  {t('findPlan')}
                </Button>
                {plan && !plan.reachable && (
                  <Text size="sm" c="red">
                    {t('unreachable', { max: plan.maxIndex.toFixed(2) })}
                  </Text>
                )}
                {plan?.reachable && (
                  <>
                    <Text size="sm" data-testid="plan-summary">
                      {t('planSteps', { count: plan.steps.length, effort: plan.totalEffort })} →{' '}
                      {plan.index.toFixed(2)} {locale === 'en' ? plan.predicate.en : plan.predicate.id}
                    </Text>
                    <Table fz="xs">
                      <Table.Tbody>
                        {plan.steps.map((s) => (
                          <Table.Tr key={`${s.indicator}-${s.to}`}>
                            <Table.Td>
                              {s.indicator}. {indName(s.indicator)}
                            </Table.Td>
                            <Table.Td>
                              {s.from} → {s.to}
                            </Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                    <Button size="xs" variant="light" onClick={applyPlan}>
                      {t('applyPlan')}
                    </Button>
                    {plans.data?.abilities.create && (
                      <Button
                        size="xs"
                        onClick={() => toItems.mutate()}
                        loading={toItems.isPending}
                        data-testid="plan-to-items"
                      >
                        {t('turnIntoItems')}
                      </Button>
                    )}
                  </>
                )}
              </Stack>
            </Card>
            <Card withBorder>
              <Stack gap="xs">
                <Text fw={600} size="sm">
                  {t('scenarios')}
                </Text>
                {scenarios.data?.abilities.create && (
                  <Group gap="xs" align="end">
                    <TextInput
                      size="xs"
                      style={{ flex: 1 }}
                      label={t('scenarioName')}
                      value={name}
                      maxLength={120}
                      onChange={(e) => setName(e.currentTarget.value)}
                    />
                    <Button
                      size="xs"
                      disabled={!name.trim()}
                      loading={save.isPending}
                      onClick={() => save.mutate()}
                    >
                      {t('saveScenario')}
                    </Button>
                  </Group>
                )}
                {scenarios.data?.data.length === 0 && <EmptyState>{t('noScenarios')}</EmptyState>}
                {scenarios.data?.data.map((s) => (
                  <Group key={s.id} justify="space-between" wrap="nowrap">
                    <Text size="sm">
                      {s.name}
                      {s.target ? ` → ${s.target}` : ''}
                    </Text>
                    <Group gap={4} wrap="nowrap">
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        onClick={() => {
                          setLevels(s.levels);
                          setTarget(s.target ?? '');
                          setPlan(null);
                        }}
                      >
                        {t('load')}
                      </Button>
                      {s.canDelete && (
                        <ActionIcon
                          size="sm"
                          variant="subtle"
                          color="red"
                          aria-label={`${t('delete')} ${s.name}`}
                          onClick={() =>
                            modals.openConfirmModal({
                              title: t('delete'),
                              children: <Text size="sm">{s.name}</Text>,
                              labels: { confirm: t('delete'), cancel: t('cancel') },
                              confirmProps: { color: 'red' },
                              onConfirm: () => remove.mutate(s.id),
                            })
                          }
                        >
                          ×
                        </ActionIcon>
                      )}
                    </Group>
                  </Group>
                ))}
              </Stack>
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
