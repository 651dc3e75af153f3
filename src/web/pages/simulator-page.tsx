import { Anchor, Button, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { OptimiseResult } from '../../shared/framework/optimise';
import { ApiError } from '../api/client';
import { useAssessment, useAssessments, useFramework, useYearFramework } from '../features/assessments/api';
import { FrameworkLabel } from '../features/assessments/framework-label';
import { IndexPanel } from '../features/assessments/index-panel';
import { ErrorNotice, Loading } from '../features/layout/ui';
import { useOrg } from '../features/orgs/api';
import { LevelGrid, type Levels } from '../features/simulator/level-grid';
import { OptimiserCard } from '../features/simulator/optimiser-card';
import { ScenariosCard } from '../features/simulator/scenarios-card';
import { useI18n } from '../i18n/i18n';
import NotFoundPage from './not-found-page';

export default function SimulatorPage() {
  const { t } = useI18n();
  const { code = '' } = useParams();
  const org = useOrg(code);
  const list = useAssessments(code);
  // The simulation starts from the latest self-assessment, on its framework (in the version it
  // recorded); a body without one simulates on the framework of the current evaluation year.
  const latest = list.data?.data[0];
  const current = useYearFramework(list.isSuccess && !latest ? new Date().getFullYear() : null);
  const fw = useFramework(latest?.framework.id ?? current.data?.framework.id, latest?.framework.version);
  const detail = useAssessment(latest?.id);
  // The latest self-assessment is where the simulation starts.
  const baseline = useMemo<Levels>(() => {
    const out: Levels = {};
    for (const i of detail.data?.data.items ?? []) if (i.level !== null) out[String(i.indicator)] = i.level;
    return out;
  }, [detail.data]);
  const [levels, setLevels] = useState<Levels>({});
  const [target, setTarget] = useState('');
  const [plan, setPlan] = useState<OptimiseResult | null>(null);
  useEffect(() => setLevels(baseline), [baseline]);

  if (list.error instanceof ApiError && list.error.status === 404) return <NotFoundPage />;
  if (list.isError) return <ErrorNotice error={list.error} onRetry={() => list.refetch()} />;
  if (current.isError) return <ErrorNotice error={current.error} onRetry={() => current.refetch()} />;
  if (fw.isError) return <ErrorNotice error={fw.error} />;
  if (!fw.data || list.isPending || (latest && detail.isPending)) return <Loading />;
  const framework = fw.data;

  return (
    <Stack>
      <div>
        <Text size="sm" c="dimmed">
          <Anchor component={Link} to={`/orgs/${code}/assessments`}>
            {org.data?.data.name ?? code}
          </Anchor>
        </Text>
        <Title order={2}>{t('simulatorTitle')}</Title>
        <FrameworkLabel id={framework.id} size="sm" />
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
            <LevelGrid framework={framework} levels={levels} onChange={setLevels} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }} order={{ base: 1, md: 2 }}>
          <Stack style={{ position: 'sticky', top: 70 }}>
            <IndexPanel framework={framework} levels={levels} />
            <OptimiserCard
              code={code}
              framework={framework}
              levels={levels}
              target={target}
              onTarget={setTarget}
              plan={plan}
              onPlan={setPlan}
              onApply={setLevels}
            />
            <ScenariosCard
              code={code}
              frameworkId={framework.id}
              levels={levels}
              target={target}
              onLoad={(s) => {
                setLevels(s.levels);
                setTarget(s.target ?? '');
                setPlan(null);
              }}
            />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
